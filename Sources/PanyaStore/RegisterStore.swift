import GRDB

/// One register line as stored: `qty` of `name` at `unitPrice` yen, flagged for the clerk or not.
public struct StoredRegisterLine: Sendable, Equatable {
    public var name: String
    public var qty: Int
    public var unitPrice: Int
    public var confirm: Bool

    public init(name: String, qty: Int, unitPrice: Int, confirm: Bool) {
        self.name = name
        self.qty = qty
        self.unitPrice = unitPrice
        self.confirm = confirm
    }
}

/// The register's prices and current lines (tables `register_price`, `register_line`).
/// Every method is one transaction, so two processes sharing the database never lose an addition.
public final class RegisterStore: Sendable {
    let database: PanyaDatabase

    public init(_ database: PanyaDatabase) {
        self.database = database
    }

    /// Migration `v2-register`: prices and the lines of the register (append-only; never edit).
    static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE register_price (
                label TEXT PRIMARY KEY NOT NULL,
                yen INTEGER NOT NULL CHECK (yen >= 0),
                position INTEGER NOT NULL
            );
            CREATE TABLE register_line (
                name TEXT PRIMARY KEY NOT NULL,
                qty INTEGER NOT NULL CHECK (qty > 0),
                unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
                confirm INTEGER NOT NULL DEFAULT 0,
                position INTEGER NOT NULL
            );
            """)
    }

    /// Saves `defaults` only when no price is stored.
    public func seedPricesIfEmpty(_ defaults: [(label: String, yen: Int)]) throws {
        try database.write { db in
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM register_price") ?? 0
            guard count == 0 else { return }
            for (i, entry) in defaults.enumerated() {
                try db.execute(sql: "INSERT INTO register_price (label, yen, position) VALUES (?, ?, ?)",
                               arguments: [entry.label, entry.yen, i + 1])
            }
        }
    }

    /// label → yen, in the order the labels were first priced.
    public func prices() throws -> [(label: String, yen: Int)] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT label, yen FROM register_price ORDER BY position, label").map {
                (label: $0["label"] as String, yen: $0["yen"] as Int)
            }
        }
    }

    /// Sets or changes one price.
    public func setPrice(_ label: String, yen: Int) throws {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO register_price (label, yen, position)
                VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM register_price))
                ON CONFLICT(label) DO UPDATE SET yen = excluded.yen
                """, arguments: [label, yen])
        }
    }

    /// The lines in the order they were first added.
    public func lines() throws -> [StoredRegisterLine] {
        try database.read { db in try Self.fetchLines(db) }
    }

    static func fetchLines(_ db: Database) throws -> [StoredRegisterLine] {
        try Row.fetchAll(db, sql: "SELECT name, qty, unit_price, confirm FROM register_line ORDER BY position, name").map {
            StoredRegisterLine(name: $0["name"], qty: $0["qty"], unitPrice: $0["unit_price"], confirm: $0["confirm"] as Bool)
        }
    }

    /// Adds all the lines or none; a name already there gets the quantity added, the new unit
    /// price, and keeps its confirm flag once set.
    public func add(_ additions: [StoredRegisterLine]) throws {
        try database.write { db in
            for a in additions {
                try db.execute(sql: """
                    INSERT INTO register_line (name, qty, unit_price, confirm, position)
                    VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM register_line))
                    ON CONFLICT(name) DO UPDATE SET
                        qty = qty + excluded.qty,
                        unit_price = excluded.unit_price,
                        confirm = MAX(confirm, excluded.confirm)
                    """, arguments: [a.name, a.qty, a.unitPrice, a.confirm])
            }
        }
    }

    /// Removes `qty` of `name`, or its whole line (nil, or qty ≥ the line's). False when no line.
    public func remove(_ name: String, qty: Int?) throws -> Bool {
        try database.write { db in
            guard let current = try Int.fetchOne(db, sql: "SELECT qty FROM register_line WHERE name = ?", arguments: [name]) else {
                return false
            }
            if let qty, qty < current {
                try db.execute(sql: "UPDATE register_line SET qty = qty - ? WHERE name = ?", arguments: [qty, name])
            } else {
                try db.execute(sql: "DELETE FROM register_line WHERE name = ?", arguments: [name])
            }
            return true
        }
    }

    /// Clears `name`'s confirm flag. False when no line.
    public func confirm(_ name: String) throws -> Bool {
        try database.write { db in
            try db.execute(sql: "UPDATE register_line SET confirm = 0 WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    /// Empties the register.
    public func clear() throws {
        try database.write { db in try db.execute(sql: "DELETE FROM register_line") }
    }
}
