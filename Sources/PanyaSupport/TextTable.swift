/// A plain-text table whose columns line up in a terminal, Japanese included.
///
/// Wider than the terminal, it keeps one row per record and wraps cells instead: text columns
/// shrink, widest first, and their text continues on lines below, under the cell, the other
/// cells blank. Words break only when they must, at their seams first (an ARN at `/`, a
/// timestamp before its `T`), never inside a character; numbers (right-aligned columns) never
/// wrap. Columns with no cell filled, then those marked ``droppable``, are left out before any
/// word breaks.
public struct TextTable: Sendable {
    /// How a column's cells are aligned.
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []
    /// Columns that say again what another one says (a summary beside its expression): left out,
    /// in this order, when the table cannot fit its width without breaking words.
    public var droppable: [Int] = []

    /// Columns between two cells.
    static let gap = 2
    /// The narrowest a text column ever gets.
    static let narrowest = 4

    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? Array(repeating: .left, count: headers.count)
    }

    /// Adds a row; missing cells are blank.
    public mutating func add(_ row: [String]) { rows.append(row) }

    /// The table as lines joined by newlines (no trailing newline): header, a rule, rows.
    /// With `width` (the terminal's columns), text columns wrap so that the table fits it
    /// when it can.
    public func render(width: Int? = nil) -> String {
        var shown = Array(headers.indices)
        var widths = columnWidths(shown, fitting: width, breakingWords: false)
        // A column with no cell filled says nothing: it goes first.
        let empty = headers.indices.filter { column in rows.allSatisfy { column >= $0.count || $0[column].isEmpty } }
        for column in (rows.isEmpty ? [] : empty) + droppable where width != nil && total(widths) > (width ?? 0) && shown.count > 1 {
            shown.removeAll { $0 == column }
            widths = columnWidths(shown, fitting: width, breakingWords: false)
        }
        if let width, total(widths) > width { widths = columnWidths(shown, fitting: width, breakingWords: true) }

        func rowLines(_ cells: [String], header: Bool) -> [String] {
            let wrapped = shown.enumerated().map { j, column -> [String] in
                let cell = column < cells.count ? cells[column] : ""
                return lines(of: cell, column: column, width: widths[j], header: header)
            }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { row in
                var parts: [String] = []
                for (j, column) in shown.enumerated() {
                    let cell = row < wrapped[j].count ? wrapped[j][row] : ""
                    switch alignments[column] {
                    case .right: parts.append(DisplayWidth.padLeft(cell, to: widths[j]))
                    case .left: parts.append(DisplayWidth.padRight(cell, to: widths[j]))
                    }
                }
                var joined = parts.joined(separator: String(repeating: " ", count: Self.gap))
                while joined.hasSuffix(" ") { joined.removeLast() }
                return joined
            }
        }
        var out = rowLines(headers, header: true)
        var rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: String(repeating: " ", count: Self.gap))
        while rule.hasSuffix(" ") { rule.removeLast() }
        out.append(rule)
        for row in rows { out += rowLines(row, header: false) }
        return out.joined(separator: "\n")
    }

    /// The width of a table of these columns.
    private func total(_ widths: [Int]) -> Int { widths.reduce(0, +) + Self.gap * max(0, widths.count - 1) }

    /// A cell's lines in its column: a number stays whole (its header wraps).
    private func lines(of cell: String, column: Int, width: Int, header: Bool) -> [String] {
        if alignments[column] == .right {
            return header ? Self.wrapCell(cell, width: width) : [cell]
        }
        return Self.wrapCell(cell, width: width)
    }

    /// The cells of `column`, its header first.
    private func cells(_ column: Int) -> [String] {
        [headers[column]] + rows.map { column < $0.count ? $0[column] : "" }
    }

    /// The widths of the `shown` columns: each its widest cell, then (past `limit`) text columns
    /// taken down a column at a time, widest first: to their longest word, then (`breakingWords`)
    /// to their longest part without a seam, a dot, then punctuation, then to ``narrowest``; header
    /// words stay whole as long as the data's do (``HeaderBreak``). Finally each shrunk column takes the narrowest width (down to the
    /// last step's floor) that needs no more lines, and spare columns go back where they save the most lines.
    func columnWidths(_ shown: [Int], fitting limit: Int?, breakingWords: Bool) -> [Int] {
        let natural = shown.map { column in cells(column).map { DisplayWidth.of($0) }.max() ?? 0 }
        var widths = natural
        guard let limit, total(widths) > limit else { return widths }
        // A header's words stay whole (Japanese ones too) while the data's words do; then a Japanese
        // header may wrap between its characters (English header words stay whole); at the last step anything goes.
        let headerWords = shown.map { headers[$0].split(separator: " ").map { DisplayWidth.of(String($0)) }.max() ?? 0 }
        let headerParts = shown.map { Self.longestPart(headers[$0], level: .seam) }
        let numberWidths = shown.map { column in
            rows.map { column < $0.count ? DisplayWidth.of($0[column]) : 0 }.max() ?? 0
        }
        // Each step: where the data's words may break (nil: anywhere), and how the headers may.
        let steps: [(level: Self.BreakLevel?, headers: HeaderBreak)] = breakingWords
            ? [(.word, .whole), (.seam, .whole), (.dot, .whole), (.punctuation, .whole), (.punctuation, .japanese),
               (nil, .japanese), (nil, .anywhere)]
            : [(.word, .whole)]
        var floors = widths
        for (level, headerBreak) in steps {
            floors = shown.enumerated().map { j, column -> Int in
                var header: Int
                switch headerBreak {
                case .whole: header = headerWords[j]
                case .japanese: header = headerParts[j]
                case .anywhere: header = 0
                }
                if alignments[column] == .right {
                    // A number's Japanese header may wrap between its characters once words break.
                    if level != .word { header = min(header, headerParts[j]) }
                    return min(natural[j], max(numberWidths[j], header))
                }
                guard let level else { return min(natural[j], max(Self.narrowest, header)) }
                let data = rows.map { column < $0.count ? Self.longestPart($0[column], level: level) : 0 }.max() ?? 0
                return min(natural[j], max(Self.narrowest, header, data))
            }
            while total(widths) > limit {
                var widest: Int? = nil
                // The widest column, the rightmost of equals (the one to the left is more often the name).
                for j in widths.indices where widths[j] > floors[j] {
                    if widest.map({ widths[j] >= widths[$0] }) ?? true { widest = j }
                }
                guard let j = widest else { break }
                widths[j] -= 1
            }
            if total(widths) <= limit { break }
        }
        // Each shrunk column takes only what its lines use; spare columns go where they save lines.
        func lineCount(_ j: Int, _ width: Int) -> Int {
            let column = shown[j]
            return cells(column).enumerated().reduce(0) { $0 + lines(of: $1.element, column: column, width: width, header: $1.offset == 0).count }
        }
        for j in widths.indices where widths[j] < natural[j] {
            // The narrowest width that still needs no more lines (`verification001.` /
            // `2023-08-01T10.00.00` rather than `verification001.2023-08-01` / `T10.00.00`), never
            // breaking inside a name to get there (past its dots), nor a number's header further.
            let column = shown[j]
            let seams = rows.map { column < $0.count ? Self.longestPart($0[column], level: .dot) : 0 }.max() ?? 0
            let lowest = alignments[column] == .right ? floors[j] : min(floors[j], max(seams, headerParts[j]))
            let lines = lineCount(j, widths[j])
            while widths[j] > max(1, lowest), lineCount(j, widths[j] - 1) == lines { widths[j] -= 1 }
        }
        while true {
            let spare = limit - total(widths)
            guard spare > 0 else { break }
            var best: (gain: Double, column: Int, width: Int)? = nil
            for j in widths.indices where widths[j] < natural[j] {
                let now = lineCount(j, widths[j])
                for wider in (widths[j] + 1)...min(natural[j], widths[j] + spare) {
                    let then = lineCount(j, wider)
                    if then < now {
                        let gain = Double(now - then) / Double(wider - widths[j])
                        if best.map({ gain > $0.gain }) ?? true { best = (gain, j, wider) }
                        break
                    }
                }
            }
            guard let best else { break }
            widths[best.column] = best.width
        }
        return widths
    }

    /// How far a header may break at a step of ``columnWidths(_:fitting:breakingWords:)``.
    enum HeaderBreak {
        /// Its words stay whole.
        case whole
        /// A Japanese word may wrap between its characters; English words stay whole.
        case japanese
        /// Anywhere.
        case anywhere
    }

    /// Where a word may break, from the best place to the worst (each level keeps the ones before).
    enum BreakLevel: Int, Comparable {
        /// Only between words (at spaces): a run of Japanese stays whole.
        case word
        // Every level past `word` also breaks between wide characters.
        /// Also at a word's seams: after `/`, before the `T` of a timestamp.
        case seam
        /// Also after `.`.
        case dot
        /// Also after `:`, `,` and `-`, and between a letter and a digit.
        case punctuation

        static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

        /// The next level (nil after the last: between any two characters).
        var next: BreakLevel? { BreakLevel(rawValue: rawValue + 1) }
    }

    /// The widest part of `text` that does not break at `level`.
    static func longestPart(_ text: String, level: BreakLevel) -> Int {
        text.split(separator: " ").flatMap { parts(of: String($0), level: level) }.map { DisplayWidth.of($0) }.max() ?? 0
    }

    /// `word` cut where it may break at `level` (past `.word`, each wide character stands alone).
    static func parts(of word: String, level: BreakLevel) -> [String] {
        var parts: [String] = []
        var current = ""
        let characters = Array(word)
        func cut() {
            if !current.isEmpty { parts.append(current) }
            current = ""
        }
        for (i, character) in characters.enumerated() {
            if DisplayWidth.of(character) == 2, level != .word {
                cut()
                parts.append(String(character))
                continue
            }
            if let last = current.last {
                let timestamp = character == "T" && last.isNumber && i + 1 < characters.count && characters[i + 1].isNumber
                if (level >= .seam && timestamp) || (level >= .punctuation && character.isNumber && last.isLetter) { cut() }
            }
            current.append(character)
            if (level >= .seam && character == "/") || (level >= .dot && character == ".")
                || (level >= .punctuation && (character == ":" || character == "," || character == "-")) {
                cut()
            }
        }
        cut()
        return parts
    }

    /// `text` in lines of at most `width` columns: broken between words where it can, a word
    /// too wide for a line at its seams (an ARN at `/`, a timestamp before its `T`), then after
    /// `.`, then after `:`, `,` and `-` or before a number, and only then between any two
    /// characters; never inside a character.
    public static func wrapCell(_ text: String, width: Int) -> [String] {
        guard width > 0, DisplayWidth.of(text) > width else { return [text] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let joined = line.isEmpty ? word : line + " " + word
            if DisplayWidth.of(joined) <= width {
                line = joined
                continue
            }
            if !line.isEmpty { lines.append(line); line = "" }
            if DisplayWidth.of(word) <= width {
                line = word
                continue
            }
            var broken = fill(parts(of: word, level: .seam), width: width, next: BreakLevel.seam.next)
            line = broken.removeLast()
            lines += broken
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// `parts` packed into lines of at most `width`; a part too wide is cut at `next` (then anywhere).
    private static func fill(_ parts: [String], width: Int, next: BreakLevel?) -> [String] {
        var lines: [String] = []
        var line = ""
        for part in parts {
            if DisplayWidth.of(line + part) <= width {
                line += part
                continue
            }
            if !line.isEmpty { lines.append(line); line = "" }
            if DisplayWidth.of(part) <= width {
                line = part
                continue
            }
            guard part.count > 1 else {
                // One character wider than the column: it stands alone.
                line = part
                continue
            }
            var broken = next.map { fill(Self.parts(of: part, level: $0), width: width, next: $0.next) }
                ?? fill(part.map { String($0) }, width: width, next: nil)
            line = broken.removeLast()
            lines += broken
        }
        lines.append(line)
        return lines
    }
}
