import GRDB

/// A saved receipt as stored. `time` is seconds since 1970 (the simulated clock's when there is
/// one), `realTime` the wall clock's at the checkout, `offsetSeconds` the clock's UTC offset then
/// (both nil on receipts saved before they were kept).
public struct StoredReceipt: Sendable, Equatable {
    public var number: Int
    public var time: Double
    public var realTime: Double?
    public var offsetSeconds: Int?
    public var items: [StoredRegisterLine]
    public var subtotal: Int
    public var taxRate: Int
    public var tax: Int
    public var total: Int

    public init(number: Int, time: Double, realTime: Double? = nil, offsetSeconds: Int? = nil, items: [StoredRegisterLine],
                subtotal: Int, taxRate: Int, tax: Int, total: Int) {
        self.number = number
        self.time = time
        self.realTime = realTime
        self.offsetSeconds = offsetSeconds
        self.items = items
        self.subtotal = subtotal
        self.taxRate = taxRate
        self.tax = tax
        self.total = total
    }
}

/// The sums a checkout saves with its items.
public struct StoredTotals: Sendable, Equatable {
    public var subtotal: Int
    public var taxRate: Int
    public var tax: Int
    public var total: Int

    public init(subtotal: Int, taxRate: Int, tax: Int, total: Int) {
        self.subtotal = subtotal
        self.taxRate = taxRate
        self.tax = tax
        self.total = total
    }
}

/// Receipts (tables `receipt`, `receipt_item`) and the checkout that writes them.
public final class ReceiptStore: Sendable {
    let database: PanyaDatabase

    public init(_ database: PanyaDatabase) {
        self.database = database
    }

    /// Migration `v2-receipts` (append-only; never edit).
    static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE receipt (
                number INTEGER PRIMARY KEY NOT NULL,
                time REAL NOT NULL,
                subtotal INTEGER NOT NULL,
                tax_rate INTEGER NOT NULL,
                tax INTEGER NOT NULL,
                total INTEGER NOT NULL
            );
            CREATE TABLE receipt_item (
                receipt_number INTEGER NOT NULL REFERENCES receipt(number) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                qty INTEGER NOT NULL,
                unit_price INTEGER NOT NULL,
                confirm INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (receipt_number, position)
            );
            """)
    }

    /// The widest UTC offset a receipt keeps (±18 h, as ISO 8601 allows).
    public static let largestOffsetSeconds = 18 * 3600

    /// Migration `v7-receipt-real-time` (append-only; never edit): the wall clock's time beside
    /// the simulated one, and the clock's offset. Receipts saved before have neither (null).
    static func addRealTimeColumns(_ db: Database) throws {
        try db.alter(table: "receipt") { t in
            t.add(column: "real_time", .double)
            t.add(column: "offset_seconds", .integer)
        }
    }

    /// In ONE (immediate) transaction: reads the register's lines, computes the sums, saves the
    /// receipt with the next number (1, 2, 3 … no gaps) and its items, empties the register.
    /// Returns nil (and writes nothing) when the register is empty.
    /// `time` is the receipt's time (the simulated clock's), `realTime` the wall clock's, `offsetSeconds`
    /// the offset `time` is shown in.
    public func checkout(register: String, time: Double, realTime: Double? = nil, offsetSeconds: Int? = nil,
                         totals: ([StoredRegisterLine]) throws -> StoredTotals) throws -> StoredReceipt? {
        try database.write { db in
            let lines = try RegisterStore.fetchLines(db, register: register)
            guard !lines.isEmpty else { return nil }
            let sums = try totals(lines)
            let number = (try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(number), 0) + 1 FROM receipt")) ?? 1
            try db.execute(sql: """
                INSERT INTO receipt (number, time, real_time, offset_seconds, subtotal, tax_rate, tax, total) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [number, time, realTime, offsetSeconds, sums.subtotal, sums.taxRate, sums.tax, sums.total])
            for (i, line) in lines.enumerated() {
                try db.execute(sql: """
                    INSERT INTO receipt_item (receipt_number, position, name, qty, unit_price, confirm)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [number, i + 1, line.name, line.qty, line.unitPrice, line.confirm])
            }
            try RegisterStore.deleteLines(db, register: register)
            return StoredReceipt(number: number, time: time, realTime: realTime, offsetSeconds: offsetSeconds, items: lines, subtotal: sums.subtotal,
                                 taxRate: sums.taxRate, tax: sums.tax, total: sums.total)
        }
    }

    /// Saved receipts, newest first (at most `limit`).
    public func receipts(limit: Int? = nil) throws -> [StoredReceipt] {
        try database.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM receipt ORDER BY number DESC LIMIT ?", arguments: [limit ?? -1])
            return try rows.map { row in
                let number: Int = try row.stored("number", of: "receipt")
                let items = try Row.fetchAll(db, sql: """
                    SELECT name, qty, unit_price, confirm FROM receipt_item WHERE receipt_number = ? ORDER BY position
                    """, arguments: [number]).map {
                    StoredRegisterLine(name: try $0.stored("name", of: "receipt_item"), qty: try $0.stored("qty", of: "receipt_item"),
                                       unitPrice: try $0.stored("unit_price", of: "receipt_item"), confirm: try $0.stored("confirm", of: "receipt_item", as: Bool.self))
                }
                let offset: Int? = try row.storedIfPresent("offset_seconds", of: "receipt")
                if let offset, abs(offset) > Self.largestOffsetSeconds {
                    throw DamagedRow(table: "receipt", row: row.damagedRowName, column: "offset_seconds", problem: "\(offset) is not a UTC offset")
                }
                return StoredReceipt(number: number, time: try row.stored("time", of: "receipt"),
                                     realTime: try row.storedSecondsIfPresent("real_time", of: "receipt"), offsetSeconds: offset, items: items,
                                     subtotal: try row.stored("subtotal", of: "receipt"), taxRate: try row.stored("tax_rate", of: "receipt"),
                                     tax: try row.stored("tax", of: "receipt"), total: try row.stored("total", of: "receipt"))
            }
        }
    }
}
