import GRDB
import PanyaStore

/// The simulator's lasting state: each version's lifecycle status and the billing ledger its
/// transitions open and close. Every call reads or writes the database, so two shells share it.
/// The clock and the model selection are below every backend (``SimulatedClockStore``,
/// ``ModelSelectionStore``); the tables' migration is in the database's one ordered list (`PanyaSchema`).
public final class MockStateStore: Sendable {
    let database: PanyaDatabase

    public init(_ database: PanyaDatabase) {
        self.database = database
    }

    // MARK: Versions

    /// The stored state of one version (nil: never started, i.e. as recorded).
    public func versionState(arn: String) throws -> MockVersionState? {
        // A cached statement: DetectCustomLabels reads this on every call (`panya serve` under load).
        try database.read { db in
            try MockVersionState.fetchOne(db.cachedStatement(sql: "SELECT * FROM mockVersionState WHERE versionArn = ?"), arguments: [arn])
        }
    }

    /// Every stored version state.
    public func allVersionStates() throws -> [MockVersionState] {
        try database.read { db in try MockVersionState.order(Column("versionArn")).fetchAll(db) }
    }

    /// Forgets a version's lifecycle state (its billing history is kept); for DeleteProjectVersion.
    public func deleteVersionState(arn: String) throws {
        _ = try database.write { db in try MockVersionState.deleteOne(db, key: arn) }
    }

    /// Saves one version's state.
    public func saveVersionState(_ state: MockVersionState) throws {
        try database.write { db in try state.upsert(db) }
    }

    /// In one transaction: reads the version's state, lets `change` decide the new state and
    /// the billing to open or close, and saves both. `change` may throw to refuse.
    public func transition<T>(arn: String, _ change: (MockVersionState?) throws -> (newState: MockVersionState, billing: BillingChange, result: T)) throws -> T {
        try database.write { db in
            let current = try MockVersionState.fetchOne(db, key: arn)
            let decision = try change(current)
            try decision.newState.upsert(db)
            switch decision.billing {
            case .none:
                break
            case .open(let units, let from):
                var entry = MockBillingEntry(versionArn: arn, units: units, runningFrom: from, runningUntil: nil)
                try entry.insert(db)
            case .close(let until):
                try db.execute(sql: "UPDATE mockBilling SET runningUntil = MAX(runningFrom, ?) WHERE versionArn = ? AND runningUntil IS NULL",
                               arguments: [until, arn])
            }
            return decision.result
        }
    }

    /// What a transition does to the billing ledger.
    public enum BillingChange: Sendable, Equatable {
        case none
        /// Starts billing `units` from a moment (the moment the version becomes RUNNING).
        case open(units: Int, from: Double)
        /// Ends the open stretch of this version at a moment.
        case close(until: Double)
    }

    // MARK: Billing

    /// The whole ledger, oldest first.
    public func billing() throws -> [MockBillingEntry] {
        try database.read { db in try MockBillingEntry.order(Column("id")).fetchAll(db) }
    }

    /// Forgets every version state, the ledger, the model selections and the clock (a fresh
    /// class), in one transaction.
    public func reset() throws {
        try database.write { db in
            try MockVersionState.deleteAll(db)
            try MockBillingEntry.deleteAll(db)
            try ModelSelectionStore.forgetSelections(db)
            try SimulatedClockStore.forgetClock(db)
        }
    }
}
