import PanyaSupport

/// Renders diagnostics as `FILE:LINE:COLUMN: error: message`, the line, and a caret under the span.
public enum DiagnosticRenderer {
    /// The diagnostics as text, one block each, each line ending in a newline.
    public static func render(source: String, diagnostics: [Diagnostic], language: UILanguage) -> String {
        let lines = splitLines(source)
        return diagnostics.map { render($0, lines: lines, language: language) }.joined()
    }

    /// One diagnostic.
    public static func render(_ diagnostic: Diagnostic, source: String, language: UILanguage) -> String {
        render(diagnostic, lines: splitLines(source), language: language)
    }

    static func splitLines(_ source: String) -> [[Character]] {
        var lines: [[Character]] = [[]]
        for c in source {
            if c == "\n" || c == "\r\n" || c == "\r" { lines.append([]) } else { lines[lines.count - 1].append(c) }
        }
        return lines
    }

    /// A character of the echoed line: invisible ones (NUL, zero-width space …) as `U+200B`.
    private static func shown(_ c: Character) -> String {
        Catalog.isInvisible(c) ? Catalog.visible(c) : String(c)
    }

    /// The columns a character of the echoed line takes once shown.
    private static func width(of c: Character) -> Int {
        Catalog.isInvisible(c) ? Catalog.visible(c).count : DisplayWidth.of(c)
    }

    private static func render(_ diagnostic: Diagnostic, lines: [[Character]], language: UILanguage) -> String {
        let span = diagnostic.span
        let label = Catalog.errorLabel.text(language)
        let text = Catalog.visible(diagnostic.text(language))
        guard span.line >= 1, span.line <= lines.count else {
            return "\(diagnostic.file): \(label): \(text)\n"
        }
        var out = "\(diagnostic.file):\(span.line):\(span.column): \(label): \(text)\n"
        let line = lines[span.line - 1]
        let number = String(span.line)
        let gutter = String(repeating: " ", count: number.count)
        out += "  \(number) | \(line.map(shown).joined())\n"
        let startIndex = max(0, min(span.column - 1, line.count))
        var pad = ""
        for c in line[..<startIndex] {
            pad += c == "\t" ? "\t" : String(repeating: " ", count: width(of: c))
        }
        let endIndex = span.endLine == span.line ? max(startIndex, min(span.endColumn - 1, line.count)) : line.count
        let markWidth = line[startIndex..<endIndex].reduce(0) { $0 + width(of: $1) }
        let marker = "^" + String(repeating: "~", count: max(1, markWidth) - 1)
        out += "  \(gutter) | \(pad)\(marker)\n"
        return out
    }
}
