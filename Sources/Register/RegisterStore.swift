import Foundation
import GRDB
import PanyaStore

/// The register's tables in panya's database, read and written as the register's own types
/// (`PriceList`, `LineItem`, `Receipt`): the prices (`register_price`, shared), one register's
/// lines (`register_item`, each shell or student has its own, named by `register`) and the
/// receipts (`receipt`, `receipt_item`, shared, numbered 1, 2, 3 … with no gaps).
///
/// Every method is one transaction; `checkout` reads the lines, saves the receipt and empties the
/// register in ONE, so two processes on one file never lose or double a bread. A stored value
/// panya never writes is refused as a damaged row naming its table, row and column. The tables'
/// migrations are in the database's one ordered list (`PanyaSchema`).
public final class RegisterStore: Sendable {
    /// The database the tables are in.
    public let database: PanyaDatabase
    /// Whose register this is (`student:NAME`, or one shell's own).
    public let register: String

    /// The register named `register` in `database`.
    public init(_ database: PanyaDatabase, register: String = "default") {
        self.database = database
        self.register = register
    }

    /// The quantities a stored line may hold: the register never lets a line pass a subtotal of
    /// a trillion yen, so a larger one was edited (INT64_MAX once totalled ¥0).
    public static let storedQuantity = 1...1_000_000_000_000
    /// The yen a stored price or unit price may hold (0 to a trillion).
    public static let storedYen = 0...1_000_000_000_000
    /// The widest UTC offset a receipt keeps (±18 h, as ISO 8601 allows).
    public static let largestOffsetSeconds = 18 * 3600

    // MARK: prices

    /// Saves `defaults` only when no price is stored at all.
    public func seedPricesIfEmpty(_ defaults: PriceList) throws {
        try database.write { db in
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM register_price") ?? 0
            guard count == 0 else { return }
            for (i, entry) in defaults.entries.enumerated() {
                try db.execute(sql: "INSERT INTO register_price (label, yen, position) VALUES (?, ?, ?)",
                               arguments: [entry.label, entry.yen, i + 1])
            }
        }
    }

    /// label → yen, in the order the labels were first priced.
    public func prices() throws -> PriceList {
        try database.read { db in
            PriceList(try Row.fetchAll(db, sql: "SELECT label, yen FROM register_price ORDER BY position, label").map {
                (label: try $0.stored("label", of: "register_price"), yen: try $0.storedCount("yen", of: "register_price", in: Self.storedYen))
            })
        }
    }

    /// Sets or changes one price (a new label goes last).
    public func setPrice(_ label: String, yen: Int) throws {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO register_price (label, yen, position)
                VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM register_price))
                ON CONFLICT(label) DO UPDATE SET yen = excluded.yen
                """, arguments: [label, yen])
        }
    }

    // MARK: lines

    /// The lines in the order they were first added.
    public func lines() throws -> [LineItem] {
        try database.read { db in try Self.fetchLines(db, register: register) }
    }

    private static func fetchLines(_ db: Database, register: String) throws -> [LineItem] {
        try Row.fetchAll(db, sql: "SELECT name, qty, unit_price, confirm FROM register_item WHERE register = ? ORDER BY position, name",
                         arguments: [register]).map { try LineItem(storedRow: $0, of: "register_item", checked: true) }
    }

    /// Adds all the lines or none; a name already there gets the quantity added, the new unit
    /// price, and keeps its confirm flag once set.
    public func add(_ additions: [LineAddition]) throws {
        try database.write { db in
            for a in additions {
                try db.execute(sql: """
                    INSERT INTO register_item (register, name, qty, unit_price, confirm, position)
                    VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM register_item WHERE register = ?))
                    ON CONFLICT(register, name) DO UPDATE SET
                        qty = qty + excluded.qty,
                        unit_price = excluded.unit_price,
                        confirm = MAX(confirm, excluded.confirm)
                    """, arguments: [register, a.name, a.qty, a.unitPrice, a.needsConfirmation, register])
            }
        }
    }

    /// Removes `qty` of `name`, or its whole line (nil, or qty ≥ the line's). False when no line.
    public func remove(_ name: String, qty: Int?) throws -> Bool {
        try database.write { db in
            guard let current = try Int.fetchOne(db, sql: "SELECT qty FROM register_item WHERE register = ? AND name = ?", arguments: [register, name]) else {
                return false
            }
            if let qty, qty < current {
                try db.execute(sql: "UPDATE register_item SET qty = qty - ? WHERE register = ? AND name = ?", arguments: [qty, register, name])
            } else {
                try db.execute(sql: "DELETE FROM register_item WHERE register = ? AND name = ?", arguments: [register, name])
            }
            return true
        }
    }

    /// Clears `name`'s confirm flag. False when no line.
    public func confirm(_ name: String) throws -> Bool {
        try database.write { db in
            try db.execute(sql: "UPDATE register_item SET confirm = 0 WHERE register = ? AND name = ?", arguments: [register, name])
            return db.changesCount > 0
        }
    }

    /// Empties the register.
    public func clear() throws {
        try database.write { db in try Self.deleteLines(db, register: register) }
    }

    private static func deleteLines(_ db: Database, register: String) throws {
        try db.execute(sql: "DELETE FROM register_item WHERE register = ?", arguments: [register])
    }

    // MARK: receipts

    /// In ONE (immediate) transaction: reads the register's lines (``RegisterError/emptyCheckout``
    /// when there are none, and nothing is written), computes the sums with `totals`, saves the
    /// receipt with the next number and its items, empties the register. `time` is the receipt's
    /// time (the simulated clock's), `realTime` the wall clock's beside it, `offsetSeconds` the
    /// offset `time` is shown in.
    public func checkout(time: Date, realTime: Date? = nil, offsetSeconds: Int? = nil,
                         totals: ([LineItem]) throws -> RegisterTotal) throws -> Receipt {
        try database.write { db in
            let lines = try Self.fetchLines(db, register: register)
            guard !lines.isEmpty else { throw RegisterError.emptyCheckout }
            let sums = try totals(lines)
            let number = (try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(number), 0) + 1 FROM receipt")) ?? 1
            try db.execute(sql: """
                INSERT INTO receipt (number, time, real_time, offset_seconds, subtotal, tax_rate, tax, total) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [number, time.timeIntervalSince1970, realTime?.timeIntervalSince1970, offsetSeconds,
                                 sums.subtotal, sums.taxRate, sums.tax, sums.total])
            for (i, line) in lines.enumerated() {
                try db.execute(sql: """
                    INSERT INTO receipt_item (receipt_number, position, name, qty, unit_price, confirm)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [number, i + 1, line.name, line.qty, line.unitPrice, line.needsConfirmation])
            }
            try Self.deleteLines(db, register: register)
            return Receipt(number: number, time: time, realTime: realTime, offsetSeconds: offsetSeconds, items: lines, totals: sums)
        }
    }

    /// Saved receipts (of every register), newest first (at most `limit` when given).
    public func receipts(limit: Int? = nil) throws -> [Receipt] {
        try database.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM receipt ORDER BY number DESC LIMIT ?", arguments: [limit ?? -1])
            return try rows.map { row in
                let number: Int = try row.stored("number", of: "receipt")
                let items = try Row.fetchAll(db, sql: """
                    SELECT name, qty, unit_price, confirm FROM receipt_item WHERE receipt_number = ? ORDER BY position
                    """, arguments: [number]).map { try LineItem(storedRow: $0, of: "receipt_item", checked: false) }
                return try Receipt(storedRow: row, number: number, items: items)
            }
        }
    }
}

extension LineItem {
    /// A line read back from `register_item` or `receipt_item` (`name`, `qty`, `unit_price`,
    /// `confirm`). `checked`: the quantity and unit price must be ones the register lets a line
    /// hold (a receipt keeps what was sold, as it was saved).
    init(storedRow row: Row, of table: String, checked: Bool) throws {
        self.init(name: try row.stored("name", of: table),
                  qty: checked ? try row.storedCount("qty", of: table, in: RegisterStore.storedQuantity) : try row.stored("qty", of: table),
                  unitPrice: checked ? try row.storedCount("unit_price", of: table, in: RegisterStore.storedYen) : try row.stored("unit_price", of: table),
                  needsConfirmation: try row.stored("confirm", of: table, as: Bool.self))
    }
}

extension Receipt {
    /// A receipt read back from its `receipt` row and its items.
    init(storedRow row: Row, number: Int, items: [LineItem]) throws {
        let offset: Int? = try row.storedIfPresent("offset_seconds", of: "receipt")
        if let offset, abs(offset) > RegisterStore.largestOffsetSeconds {
            throw DamagedRow(table: "receipt", row: row.damagedRowName, column: "offset_seconds", problem: "\(offset) is not a UTC offset")
        }
        let time: Double = try row.stored("time", of: "receipt")
        self.init(number: number, time: Date(timeIntervalSince1970: time),
                  realTime: try row.storedSecondsIfPresent("real_time", of: "receipt").map(Date.init(timeIntervalSince1970:)),
                  offsetSeconds: offset, items: items,
                  totals: RegisterTotal(subtotal: try row.stored("subtotal", of: "receipt"), taxRate: try row.stored("tax_rate", of: "receipt"),
                                        tax: try row.stored("tax", of: "receipt"), total: try row.stored("total", of: "receipt")))
    }
}
