import GRDB

/// A schedule on the simulated clock (`schedule add`): when it fires, in which zone, what it
/// does to which version, and whether it is enabled.
public struct StoredSchedule: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "schedule"
    /// The schedule's name (`open`).
    public var name: String
    /// The expression as the service takes it (`cron(30 6 * * ? *)`).
    public var expression: String
    /// The IANA time zone (`Asia/Tokyo`).
    public var timeZone: String
    /// `start` or `stop`.
    public var action: String
    /// The model version it starts or stops.
    public var versionArn: String
    /// Inference units for a start.
    public var units: Int
    /// Whether it fires.
    public var enabled: Bool
    /// The simulated time it was added (seconds since 1970; a `rate` counts from here).
    public var createdAt: Double
    /// Its place in the list (ties at the same minute fire in this order).
    public var position: Int

    /// A schedule.
    public init(name: String, expression: String, timeZone: String, action: String, versionArn: String, units: Int = 1,
                enabled: Bool = true, createdAt: Double, position: Int = 0) {
        self.name = name
        self.expression = expression
        self.timeZone = timeZone
        self.action = action
        self.versionArn = versionArn
        self.units = units
        self.enabled = enabled
        self.createdAt = createdAt
        self.position = position
    }

    /// A stored schedule, checked (units as ``MockStateStore/storedUnits``, a time panya stores).
    public init(row: Row) throws {
        let table = Self.databaseTableName
        name = try row.stored("name", of: table)
        expression = try row.stored("expression", of: table)
        timeZone = try row.stored("timeZone", of: table)
        action = try row.stored("action", of: table)
        versionArn = try row.stored("versionArn", of: table)
        units = try row.storedCount("units", of: table, in: MockStateStore.storedUnits)
        enabled = try row.stored("enabled", of: table)
        createdAt = try row.storedSeconds("createdAt", of: table)
        position = try row.storedCount("position", of: table, in: Int(Int32.min)...Int(Int32.max))
    }
}

/// One fire of a schedule, as the scheduler logs it: when, what, on which version, and the
/// outcome (`STARTING`, `STOPPING`, or the service's error code).
public struct ScheduleFireRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "scheduleFire"
    public var id: Int64?
    /// The schedule that fired.
    public var schedule: String
    /// Simulated seconds since 1970.
    public var time: Double
    /// `start` or `stop`.
    public var action: String
    /// The version it acted on.
    public var versionArn: String
    /// The status the call returned, or the error code.
    public var result: String
    /// Whether the call succeeded.
    public var succeeded: Bool
    /// How many fires of the schedule this row stands for: a run of fires that changed nothing
    /// (each failed the same way) is one row; migration `v6-schedule-fire-repeats`.
    public var repeats: Int
    /// The last fire of the run (nil for a single fire), simulated seconds since 1970.
    public var lastTime: Double?

    /// A fire (or a run of `repeats` identical ones from `time` to `lastTime`).
    public init(id: Int64? = nil, schedule: String, time: Double, action: String, versionArn: String, result: String, succeeded: Bool,
                repeats: Int = 1, lastTime: Double? = nil) {
        self.id = id
        self.schedule = schedule
        self.time = time
        self.action = action
        self.versionArn = versionArn
        self.result = result
        self.succeeded = succeeded
        self.repeats = repeats
        self.lastTime = lastTime
    }

    /// A stored fire, checked (a time panya stores).
    public init(row: Row) throws {
        let table = Self.databaseTableName
        id = try row.storedIfPresent("id", of: table)
        schedule = try row.stored("schedule", of: table)
        time = try row.storedSeconds("time", of: table)
        action = try row.stored("action", of: table)
        versionArn = try row.stored("versionArn", of: table)
        result = try row.stored("result", of: table)
        succeeded = try row.stored("succeeded", of: table)
        repeats = try row.storedCount("repeats", of: table, in: 1...Int(Int32.max))
        lastTime = try row.storedSecondsIfPresent("lastTime", of: table)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// The simulated scheduler's schedules and their fire history.
public final class ScheduleStore: Sendable {
    let database: PanyaDatabase

    public init(_ database: PanyaDatabase) {
        self.database = database
    }

    /// Migration `v4-schedules`.
    static func createTables(_ db: Database) throws {
        try db.create(table: StoredSchedule.databaseTableName) { t in
            t.primaryKey("name", .text)
            t.column("expression", .text).notNull()
            t.column("timeZone", .text).notNull()
            t.column("action", .text).notNull()
            t.column("versionArn", .text).notNull()
            t.column("units", .integer).notNull()
            t.column("enabled", .boolean).notNull()
            t.column("createdAt", .double).notNull()
            t.column("position", .integer).notNull()
        }
        try db.create(table: ScheduleFireRecord.databaseTableName) { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("schedule", .text).notNull().indexed()
            t.column("time", .double).notNull()
            t.column("action", .text).notNull()
            t.column("versionArn", .text).notNull()
            t.column("result", .text).notNull()
            t.column("succeeded", .boolean).notNull()
        }
    }

    /// Migration `v6-schedule-fire-repeats`: a row may stand for a run of identical fires.
    static func addRepeatColumns(_ db: Database) throws {
        try db.alter(table: ScheduleFireRecord.databaseTableName) { t in
            t.add(column: "repeats", .integer).notNull().defaults(to: 1)
            t.add(column: "lastTime", .double)
        }
    }

    /// Every schedule, in the order they were added.
    public func all() throws -> [StoredSchedule] {
        try database.read { db in try StoredSchedule.order(Column("position"), Column("name")).fetchAll(db) }
    }

    /// One schedule by name.
    public func schedule(named name: String) throws -> StoredSchedule? {
        try database.read { db in try StoredSchedule.fetchOne(db, key: name) }
    }

    /// Adds a schedule at the end of the list, or replaces the one with the same name in place.
    public func save(_ schedule: StoredSchedule) throws {
        try database.write { db in
            var row = schedule
            if let existing = try StoredSchedule.fetchOne(db, key: schedule.name) {
                row.position = existing.position
            } else {
                row.position = (try Int.fetchOne(db, sql: "SELECT MAX(position) FROM schedule") ?? 0) + 1
            }
            try row.upsert(db)
        }
    }

    /// Removes a schedule (its fire history stays); false when there was none.
    @discardableResult
    public func remove(named name: String) throws -> Bool {
        try database.write { db in try StoredSchedule.deleteOne(db, key: name) }
    }

    /// Appends fires to the history in one transaction.
    public func record(_ fires: [ScheduleFireRecord]) throws {
        guard !fires.isEmpty else { return }
        try database.write { db in
            for fire in fires {
                var row = fire
                try row.insert(db)
            }
        }
    }

    /// Records `fire` (a single fire or a run) and moves the simulated clock to its last time, in
    /// one transaction — unless another shell got there first: `clock` is given the stored clock
    /// and returns the time to store, or nil when the clock already passed the fire; a fire of
    /// the schedule already recorded at that time is not recorded again. Returns the stored row
    /// (with its id), or nil when nothing was written.
    public func claim(_ fire: ScheduleFireRecord, clock: (String?) throws -> String?) throws -> ScheduleFireRecord? {
        try database.write { db in
            let stored = try String.fetchOne(db, sql: "SELECT now FROM mockClock WHERE id = 1")
            guard let next = try clock(stored) else { return nil }
            let recorded = try Bool.fetchOne(db, sql: """
                SELECT EXISTS(SELECT 1 FROM scheduleFire WHERE schedule = ? AND time <= ? AND COALESCE(lastTime, time) >= ?)
                """, arguments: [fire.schedule, fire.lastTime ?? fire.time, fire.time]) ?? false
            guard !recorded else { return nil }
            try MockStateStore.checkInRange(next)
            try MockStateStore.storeClock(db, next)
            var row = fire
            try row.insert(db)
            return row
        }
    }

    /// Sets the outcome of a claimed fire once its call returned.
    public func setOutcome(id: Int64, result: String, succeeded: Bool) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE scheduleFire SET result = ?, succeeded = ? WHERE id = ?", arguments: [result, succeeded, id])
        }
    }

    /// The fire history, oldest first (of one schedule when `schedule` is given; the latest `limit`).
    public func fires(schedule: String? = nil, limit: Int? = nil) throws -> [ScheduleFireRecord] {
        try database.read { db in
            var request = ScheduleFireRecord.all()
            if let schedule { request = request.filter(Column("schedule") == schedule) }
            request = request.order(Column("id").desc)
            if let limit { request = request.limit(limit) }
            return try request.fetchAll(db).reversed()
        }
    }

    /// Forgets every schedule and its history.
    public func reset() throws {
        try database.write { db in
            try StoredSchedule.deleteAll(db)
            try ScheduleFireRecord.deleteAll(db)
        }
    }
}
