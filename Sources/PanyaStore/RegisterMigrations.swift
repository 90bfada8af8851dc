import GRDB

/// The register's and the receipts' migrations: the history of their tables, frozen as they
/// shipped (append-only; never edit). The tables themselves are read and written by the
/// `Register` module's `RegisterStore`; the list in ``PanyaSchema`` names these.
enum RegisterMigrations {
    /// Migration `v2-register`: prices and the lines of the register.
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

    /// Migration `v2-receipts`: receipts and their items.
    static func createReceiptTables(_ db: Database) throws {
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

    /// Migration `v3-register-per-shell`: lines belong to a named register. Lines left in the
    /// single register of before go to the register named `default`.
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

    /// Migration `v7-receipt-real-time`: the wall clock's time beside the simulated one, and the
    /// clock's offset. Receipts saved before have neither (null).
    static func addReceiptRealTimeColumns(_ db: Database) throws {
        try db.alter(table: "receipt") { t in
            t.add(column: "real_time", .double)
            t.add(column: "offset_seconds", .integer)
        }
    }
}
