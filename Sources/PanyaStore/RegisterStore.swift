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

/// The prices (shared) and one register's current lines (tables `register_price`, `register_item`).
/// Every method is one transaction, so two processes sharing the database never lose an addition.
/// Each shell (or student) has its own register, named by `register`; prices are shared.
public final class RegisterStore: Sendable {
    let database: PanyaDatabase
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

    /// Migration `v3-register-per-shell`: lines belong to a named register (append-only; never edit).
    /// Lines left in the single register of before go to the register named `default`.
    static func createPerShellTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE register_item (
                register TEXT NOT NULL,
                name TEXT NOT NULL,
                qty INTEGER NOT NULL CHECK (qty > 0),
                unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
                confirm INTEGER NOT NULL DEFAULT 0,
                position INTEGER NOT NULL,
                PRIMARY KEY (register, name)
            );
            INSERT INTO register_item (register, name, qty, unit_price, confirm, position)
                SELECT 'default', name, qty, unit_price, confirm, position FROM register_line;
            DROP TABLE register_line;
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
                (label: try $0.stored("label", of: "register_price"), yen: try $0.storedCount("yen", of: "register_price", in: Self.storedYen))
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
        try database.read { db in try Self.fetchLines(db, register: register) }
    }

    static func fetchLines(_ db: Database, register: String) throws -> [StoredRegisterLine] {
        try Row.fetchAll(db, sql: "SELECT name, qty, unit_price, confirm FROM register_item WHERE register = ? ORDER BY position, name",
                         arguments: [register]).map {
            StoredRegisterLine(name: try $0.stored("name", of: "register_item"), qty: try $0.storedCount("qty", of: "register_item", in: storedQuantity),
                               unitPrice: try $0.storedCount("unit_price", of: "register_item", in: storedYen),
                               confirm: try $0.stored("confirm", of: "register_item"))
        }
    }

    /// Empties `register` inside a transaction (checkout).
    static func deleteLines(_ db: Database, register: String) throws {
        try db.execute(sql: "DELETE FROM register_item WHERE register = ?", arguments: [register])
    }

    /// Adds all the lines or none; a name already there gets the quantity added, the new unit
    /// price, and keeps its confirm flag once set.
    public func add(_ additions: [StoredRegisterLine]) throws {
        try database.write { db in
            for a in additions {
                try db.execute(sql: """
                    INSERT INTO register_item (register, name, qty, unit_price, confirm, position)
                    VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM register_item WHERE register = ?))
                    ON CONFLICT(register, name) DO UPDATE SET
                        qty = qty + excluded.qty,
                        unit_price = excluded.unit_price,
                        confirm = MAX(confirm, excluded.confirm)
                    """, arguments: [register, a.name, a.qty, a.unitPrice, a.confirm, register])
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
}
