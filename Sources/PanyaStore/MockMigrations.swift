import GRDB

/// The simulator's first migration: the history of its tables, frozen as it shipped
/// (append-only; never edit). The model selection (`mockSelection`) and the simulated clock
/// (`mockClock`) are read and written here in PanyaStore (``ModelSelectionStore``,
/// ``SimulatedClockStore``), shared by every backend and the session; each version's state
/// (`mockVersionState`) and the billing ledger (`mockBilling`) by the `MockBackend` module's
/// `MockStateStore`. The list in ``PanyaSchema`` names this.
enum MockMigrations {
    /// Migration `v1-mock-state`: selections, version states, the clock and the billing ledger.
    static func createTables(_ db: Database) throws {
        try db.create(table: "mockSelection") { t in
            t.primaryKey("backend", .text)
            t.column("projectArn", .text)
            t.column("versionArn", .text)
        }
        try db.create(table: "mockVersionState") { t in
            t.primaryKey("versionArn", .text)
            t.column("status", .text).notNull()
            t.column("units", .integer).notNull()
            t.column("statusSince", .double).notNull()
        }
        try db.create(table: "mockClock") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("now", .text).notNull()
        }
        try db.create(table: "mockBilling") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("versionArn", .text).notNull().indexed()
            t.column("units", .integer).notNull()
            t.column("runningFrom", .double).notNull()
            t.column("runningUntil", .double)
        }
    }
}
