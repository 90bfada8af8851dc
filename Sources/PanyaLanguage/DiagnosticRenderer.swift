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

    /// The most characters of a source line echoed under a diagnostic; longer lines show a window.
    static let maxEchoedCharacters = 160
    /// The file name of what is typed at the prompt (or a lesson's `task>` / `quiz>`).
    public static let promptFile = "<stdin>"
    /// How many characters before the span a window starts.
    static let echoedBefore = 40

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
        // What was typed at the prompt has no file to name: the echoed line and its caret say where.
        let typed = diagnostic.file == Self.promptFile
        guard span.line >= 1, span.line <= lines.count else {
            return typed ? "\(label): \(text)\n" : "\(diagnostic.file): \(label): \(text)\n"
        }
        let place = typed ? (lines.count > 1 ? "line \(span.line): " : "") : "\(diagnostic.file):\(span.line):\(span.column): "
        var out = "\(place)\(label): \(text)\n"
        let whole = lines[span.line - 1]
        let number = String(span.line)
        let gutter = String(repeating: " ", count: number.count)
        // A very long line (a pasted 200 KB expression) is echoed as a window around the span.
        let spanStart = max(0, min(span.column - 1, whole.count))
        let spanEnd = span.endLine == span.line ? max(spanStart, min(span.endColumn - 1, whole.count)) : whole.count
        var first = 0, last = whole.count
        if whole.count > maxEchoedCharacters {
            first = max(0, spanStart - echoedBefore)
            last = min(whole.count, first + maxEchoedCharacters)
        }
        let line = whole[first..<last]
        let before = first > 0 ? "…" : ""
        let after = last < whole.count ? "…" : ""
        out += "  \(number) | \(before)\(line.map(shown).joined())\(after)\n"
        let startIndex = max(first, min(spanStart, last))
        var pad = before.isEmpty ? "" : " "
        for c in line[first..<startIndex] {
            pad += c == "\t" ? "\t" : String(repeating: " ", count: width(of: c))
        }
        let endIndex = max(startIndex, min(spanEnd, last))
        let markWidth = line[startIndex..<endIndex].reduce(0) { $0 + width(of: $1) }
        let marker = "^" + String(repeating: "~", count: max(1, markWidth) - 1)
        out += "  \(gutter) | \(pad)\(marker)\n"
        return out
    }
}
