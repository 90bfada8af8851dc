import GRDB

/// The current project and version a backend works with (`model use`).
public struct MockSelection: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "mockSelection"
    /// Which backend this is for (`mock`, `aws:default/ap-northeast-1` …).
    public var backend: String
    public var projectArn: String?
    public var versionArn: String?

    public init(backend: String, projectArn: String?, versionArn: String?) {
        self.backend = backend
        self.projectArn = projectArn
        self.versionArn = versionArn
    }
}

/// A model version's simulated status: what it is, since when (simulated seconds since 1970),
/// and how many inference units it was started with.
public struct MockVersionState: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "mockVersionState"
    public var versionArn: String
    /// A service status (`STARTING`, `RUNNING` …) as stored; derive the current one with the clock.
    public var status: String
    public var units: Int
    /// Simulated seconds since 1970 at which `status` began.
    public var statusSince: Double

    public init(versionArn: String, status: String, units: Int, statusSince: Double) {
        self.versionArn = versionArn
        self.status = status
        self.units = units
        self.statusSince = statusSince
    }

    /// A stored state, checked (``MockStateStore/storedUnits``, a time panya stores).
    public init(row: Row) throws {
        let table = Self.databaseTableName
        versionArn = try row.stored("versionArn", of: table)
        status = try row.stored("status", of: table)
        units = try row.storedCount("units", of: table, in: MockStateStore.storedUnits)
        statusSince = try row.storedSeconds("statusSince", of: table)
    }
}

/// One billed stretch: a version running with `units` from `runningFrom` until `runningUntil`
/// (nil while still running). Simulated seconds since 1970.
public struct MockBillingEntry: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "mockBilling"
    public var id: Int64?
    public var versionArn: String
    public var units: Int
    public var runningFrom: Double
    public var runningUntil: Double?

    public init(id: Int64? = nil, versionArn: String, units: Int, runningFrom: Double, runningUntil: Double?) {
        self.id = id
        self.versionArn = versionArn
        self.units = units
        self.runningFrom = runningFrom
        self.runningUntil = runningUntil
    }

    /// A stored stretch, checked (``MockStateStore/storedUnits``, times panya stores).
    public init(row: Row) throws {
        let table = Self.databaseTableName
        id = try row.storedIfPresent("id", of: table)
        versionArn = try row.stored("versionArn", of: table)
        units = try row.storedCount("units", of: table, in: MockStateStore.storedUnits)
        runningFrom = try row.storedSeconds("runningFrom", of: table)
        runningUntil = try row.storedSecondsIfPresent("runningUntil", of: table)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// The mock backend's lasting state: selections, version statuses, the simulated clock and
/// the billing ledger. Every call reads or writes the database, so two shells share it.
public final class MockStateStore: Sendable {
    let database: PanyaDatabase

    public init(_ database: PanyaDatabase) {
        self.database = database
    }

    /// The inference units a stored version state or billed stretch may hold: a row past them
    /// was edited (the bill multiplies them by minutes, and 10¹² units would bill trillions).
    public static let storedUnits = 1...1_000_000

    /// Migration `v1-mock-state`.
    static func createTables(_ db: Database) throws {
        try db.create(table: MockSelection.databaseTableName) { t in
            t.primaryKey("backend", .text)
            t.column("projectArn", .text)
            t.column("versionArn", .text)
        }
        try db.create(table: MockVersionState.databaseTableName) { t in
            t.primaryKey("versionArn", .text)
            t.column("status", .text).notNull()
            t.column("units", .integer).notNull()
            t.column("statusSince", .double).notNull()
        }
        try db.create(table: "mockClock") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("now", .text).notNull()
        }
        try db.create(table: MockBillingEntry.databaseTableName) { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("versionArn", .text).notNull().indexed()
            t.column("units", .integer).notNull()
            t.column("runningFrom", .double).notNull()
            t.column("runningUntil", .double)
        }
    }

    // MARK: Selection

    /// The current project/version of `backend`, if one was chosen.
    public func selection(backend: String) throws -> MockSelection? {
        try database.read { db in try MockSelection.fetchOne(db, key: backend) }
    }

    /// Remembers the current project/version of a backend.
    public func setSelection(_ selection: MockSelection) throws {
        try database.write { db in try selection.upsert(db) }
    }

    // MARK: Clock

    /// The simulated time as stored (ISO 8601 with offset), or nil before the first use.
    public func clock() throws -> String? {
        try database.read { db in try String.fetchOne(db.cachedStatement(sql: "SELECT now FROM mockClock WHERE id = 1")) }
    }

    /// Stores the simulated time (ISO 8601 with offset).
    /// - Throws: ``ClockRangeError`` for a time outside ``clockYears``.
    public func setClock(_ iso8601: String) throws {
        try Self.checkInRange(iso8601)
        try database.write { db in try Self.storeClock(db, iso8601) }
    }

    /// Stores the time unless one is stored already; returns the stored one.
    public func initializeClock(_ iso8601: String) throws -> String {
        try database.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO mockClock (id, now) VALUES (1, ?)", arguments: [iso8601])
            return try String.fetchOne(db, sql: "SELECT now FROM mockClock WHERE id = 1") ?? iso8601
        }
    }

    /// Reads the clock (or `initial` before the first use), changes it and stores the result in one
    /// immediate transaction, so two shells advancing one database never lose a step; returns the new time.
    /// - Throws: ``ClockRangeError`` when `change` leaves ``clockYears``, or what `change` throws.
    @discardableResult
    public func updateClock(initial: String, _ change: (String) throws -> String) throws -> String {
        try database.write { db in
            let now = try String.fetchOne(db, sql: "SELECT now FROM mockClock WHERE id = 1") ?? initial
            let next = try change(now)
            try Self.checkInRange(next)
            try Self.storeClock(db, next)
            return next
        }
    }

    /// The years the simulated clock may show (UTC or its own offset): 2000 to 2099. A lesson's
    /// story happens in the 2020s; the bound keeps every span the bill multiplies small and every
    /// date printable.
    public static let clockYears = 2000...2099

    /// Throws ``ClockRangeError`` unless `iso8601` starts with a four-digit year in ``clockYears``.
    public static func checkInRange(_ iso8601: String) throws(ClockRangeError) {
        let digits = iso8601.utf8.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        let rest = iso8601.utf8.dropFirst(digits.count)
        guard digits.count == 4, rest.first == UInt8(ascii: "-"),
              let year = Int(String(decoding: digits, as: UTF8.self)), clockYears.contains(year) else {
            throw ClockRangeError(requested: iso8601, years: clockYears)
        }
    }

    /// The clock as stored, read inside the caller's transaction (nil before the first use).
    package static func storedClock(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT now FROM mockClock WHERE id = 1")
    }

    /// Writes `iso8601` as the clock inside the caller's transaction (checked with ``checkInRange(_:)`` first).
    package static func storeClock(_ db: Database, _ iso8601: String) throws {
        try db.execute(sql: "INSERT INTO mockClock (id, now) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET now = excluded.now",
                       arguments: [iso8601])
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

    /// Forgets every version state, the ledger and the clock (a fresh class).
    public func reset() throws {
        try database.write { db in
            try MockVersionState.deleteAll(db)
            try MockBillingEntry.deleteAll(db)
            try MockSelection.deleteAll(db)
            try db.execute(sql: "DELETE FROM mockClock")
        }
    }
}
