/// A range of source text: 1-based lines and columns counted in characters; the end column is exclusive.
public struct SourceSpan: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The line of the first character (1-based; 0 when the place is unknown).
    public var line: Int
    /// The column of the first character (1-based, in characters).
    public var column: Int
    /// The line of the end.
    public var endLine: Int
    /// The column just past the last character (exclusive).
    public var endColumn: Int

    /// A span from `line:column` up to (not including) `endLine:endColumn`.
    public init(line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// A span on one line covering `length` characters from `column`.
    public init(line: Int, column: Int, length: Int) {
        self.init(line: line, column: column, endLine: line, endColumn: column + max(length, 0))
    }

    /// A place that is not in any source (values made by a host).
    public static let unknown = SourceSpan(line: 0, column: 0, endLine: 0, endColumn: 0)

    /// The smallest span covering both `self` and `other`.
    public func through(_ other: SourceSpan) -> SourceSpan {
        if line == 0 { return other }
        if other.line == 0 { return self }
        let startFirst = (line, column) <= (other.line, other.column)
        let endLast = (endLine, endColumn) >= (other.endLine, other.endColumn)
        return SourceSpan(
            line: startFirst ? line : other.line, column: startFirst ? column : other.column,
            endLine: endLast ? endLine : other.endLine, endColumn: endLast ? endColumn : other.endColumn)
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}
