import GRDB
import PanyaStore

/// The simulated scheduler's schedules and their fire history in panya's database, read and
/// written as the module's own types (``Schedule``, ``ScheduleFire``). Every method is one
/// transaction; a stored row panya cannot take back is refused as a damaged row naming its table,
/// row and column. The tables' migrations are in the database's one ordered list (`PanyaSchema`).
public final class ScheduleStore: Sendable {
    /// The database the tables are in.
    public let database: PanyaDatabase

    /// The schedules in `database`.
    public init(_ database: PanyaDatabase) {
        self.database = database
    }

    /// Every schedule, in the order they were added.
    public func all() throws -> [Schedule] {
        try database.read { db in try Schedule.order(Column("position"), Column("name")).fetchAll(db) }
    }

    /// One schedule by name.
    public func schedule(named name: String) throws -> Schedule? {
        try database.read { db in try Schedule.fetchOne(db, key: name) }
    }

    /// Adds a schedule at the end of the list, or replaces the one with the same name in place.
    public func save(_ schedule: Schedule) throws {
        try database.write { db in
            var row = schedule
            if let existing = try Schedule.fetchOne(db, key: schedule.name) {
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
        try database.write { db in try Schedule.deleteOne(db, key: name) }
    }

    /// Appends fires to the history in one transaction.
    public func record(_ fires: [ScheduleFire]) throws {
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
    public func claim(_ fire: ScheduleFire, clock: (String?) throws -> String?) throws -> ScheduleFire? {
        try database.write { db in
            let stored = try SimulatedClockStore.storedClock(db)
            guard let next = try clock(stored) else { return nil }
            let recorded = try Bool.fetchOne(db, sql: """
                SELECT EXISTS(SELECT 1 FROM scheduleFire WHERE schedule = ? AND time <= ? AND COALESCE(lastTime, time) >= ?)
                """, arguments: [fire.schedule, fire.lastTime ?? fire.time, fire.time]) ?? false
            guard !recorded else { return nil }
            try SimulatedClockStore.checkInRange(next)
            try SimulatedClockStore.storeClock(db, next)
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
    public func fires(schedule: String? = nil, limit: Int? = nil) throws -> [ScheduleFire] {
        try database.read { db in
            var request = ScheduleFire.all()
            if let schedule { request = request.filter(Column("schedule") == schedule) }
            request = request.order(Column("id").desc)
            if let limit { request = request.limit(limit) }
            return try request.fetchAll(db).reversed()
        }
    }

    /// Forgets every schedule and its history.
    public func reset() throws {
        try database.write { db in
            try Schedule.deleteAll(db)
            try ScheduleFire.deleteAll(db)
        }
    }
}
