import Foundation
import GRDB

/// A stored row panya cannot take back as it wrote it: a column missing, of the wrong kind, or
/// holding a value panya never stores (a time past year 5000, a quantity past the register's
/// limit). ``PanyaDatabase`` turns it into ``StoreError`` naming the file, table, row and column.
package struct DamagedRow: Error, Equatable {
    /// The table.
    package var table: String
    /// Which row: its first column (the table's key) and that column's value.
    package var row: String
    /// The column.
    package var column: String
    /// What is wrong with the value.
    package var problem: String

    /// The largest simulated time (seconds since 1970, either sign) a stored row may hold:
    /// about year 5138, far past the clock's years, and small enough for every sum and
    /// conversion to a whole number.
    static let largestSeconds = 1e11

    /// The same facts read from GRDB's error (its only public form is its description:
    /// `could not decode Double from database value "abc" - column: "width", column index: 3,
    /// row: [...], sql: \`SELECT ...\``).
    init(_ error: RowDecodingError) {
        self = Self.parts(ofDescription: String(describing: error))
    }

    /// The facts in the text of GRDB's error (`?` for what it does not say).
    static func parts(ofDescription text: String) -> DamagedRow {
        let parts = text.components(separatedBy: " - ")
        let problem = parts.first ?? text
        let details = parts.dropFirst().joined(separator: " - ")
        let column = quoted(after: "column: ", in: details) ?? quoted(after: "column not found: ", in: problem)
            ?? quoted(after: "key not found: ", in: problem) ?? "?"
        var row = "?"
        if let start = details.range(of: "row: [") {
            row = String(details[start.upperBound...].prefix { $0 != "]" }.prefix(120))
        }
        return DamagedRow(table: table(inSQL: details) ?? "?", row: row, column: column, problem: problem)
    }

    /// A row found damaged by panya's own checks.
    package init(table: String, row: String, column: String, problem: String) {
        self.table = table
        self.row = row
        self.column = column
        self.problem = problem
    }

    private static func quoted(after marker: String, in text: String) -> String? {
        guard let start = text.range(of: marker + "\"") else { return nil }
        let rest = text[start.upperBound...]
        return String(rest.prefix { $0 != "\"" })
    }

    /// The first table named after FROM (quoted or not) in `sql`.
    private static func table(inSQL text: String) -> String? {
        guard let sql = text.range(of: "sql: `"), let from = text[sql.upperBound...].range(of: "FROM ", options: .caseInsensitive) else {
            return nil
        }
        let name = text[from.upperBound...].drop { $0 == " " }.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "\"" || $0 == "`" }
        let bare = name.filter { $0 != "\"" && $0 != "`" }
        return bare.isEmpty ? nil : bare
    }
}

extension Row {
    /// The row named for an error: its first column and value (`versionArn "arn:…"`, `id 3`).
    package var damagedRowName: String {
        guard let first = columnNames.first else { return "?" }
        let value = String(describing: self[first] as DatabaseValue)
        return "\(first) \(value.prefix(100))"
    }

    /// The value of `column`, or ``DamagedRow`` naming `table`, this row and the column.
    package func stored<T: DatabaseValueConvertible>(_ column: String, of table: String, as type: T.Type = T.self) throws -> T {
        let value: DatabaseValue = self[column] ?? .null
        guard let decoded = T.fromDatabaseValue(value) else {
            let problem = hasColumn(column) ? "could not read \(T.self) from \(value)" : "no such column"
            throw DamagedRow(table: table, row: damagedRowName, column: column, problem: problem)
        }
        return decoded
    }

    /// The value of a nullable `column`, or ``DamagedRow`` when it is there but of the wrong kind.
    package func storedIfPresent<T: DatabaseValueConvertible>(_ column: String, of table: String, as type: T.Type = T.self) throws -> T? {
        let value: DatabaseValue = self[column] ?? .null
        if value.isNull { return nil }
        return try stored(column, of: table, as: T.self)
    }

    /// A stored time (seconds since 1970): a finite number within ±``DamagedRow/largestSeconds``.
    package func storedSeconds(_ column: String, of table: String) throws -> Double {
        let seconds: Double = try stored(column, of: table)
        guard seconds.isFinite, abs(seconds) <= DamagedRow.largestSeconds else {
            throw DamagedRow(table: table, row: damagedRowName, column: column, problem: "\(seconds) is not a time panya stores")
        }
        return seconds
    }

    /// A stored nullable time (see ``storedSeconds(_:of:)``).
    package func storedSecondsIfPresent(_ column: String, of table: String) throws -> Double? {
        let value: DatabaseValue = self[column] ?? .null
        return value.isNull ? nil : try storedSeconds(column, of: table)
    }

    /// A stored whole number within `range`.
    package func storedCount(_ column: String, of table: String, in range: ClosedRange<Int>) throws -> Int {
        let count: Int = try stored(column, of: table)
        guard range.contains(count) else {
            throw DamagedRow(table: table, row: damagedRowName, column: column,
                             problem: "\(count) is outside \(range.lowerBound)…\(range.upperBound)")
        }
        return count
    }

    /// A stored number within `range` (a box's edge, a ratio).
    package func storedNumber(_ column: String, of table: String, in range: ClosedRange<Double>) throws -> Double {
        let number: Double = try stored(column, of: table)
        guard number.isFinite, range.contains(number) else {
            throw DamagedRow(table: table, row: damagedRowName, column: column,
                             problem: "\(number) is outside \(range.lowerBound)…\(range.upperBound)")
        }
        return number
    }
}
