/// A plain-text table whose columns line up in a terminal, Japanese included.
public struct TextTable: Sendable {
    /// How a column's cells are aligned.
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? Array(repeating: .left, count: headers.count)
    }

    /// Adds a row; missing cells are blank.
    public mutating func add(_ row: [String]) { rows.append(row) }

    /// The table as lines joined by newlines (no trailing newline): header, a rule, rows.
    public func render() -> String {
        let columnCount = headers.count
        var widths = headers.map { DisplayWidth.of($0) }
        for row in rows {
            for (i, cell) in row.prefix(columnCount).enumerated() {
                widths[i] = max(widths[i], DisplayWidth.of(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for i in 0..<columnCount {
                let cell = i < cells.count ? cells[i] : ""
                let isLast = i == columnCount - 1
                switch alignments[i] {
                case .right: parts.append(DisplayWidth.padLeft(cell, to: widths[i]))
                case .left: parts.append(isLast ? cell : DisplayWidth.padRight(cell, to: widths[i]))
                }
            }
            var joined = parts.joined(separator: "  ")
            while joined.hasSuffix(" ") { joined.removeLast() }
            return joined
        }
        var out = [line(headers)]
        out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        out.append(contentsOf: rows.map(line))
        return out.joined(separator: "\n")
    }
}
