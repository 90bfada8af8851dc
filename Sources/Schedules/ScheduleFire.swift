import GRDB
import PanyaStore

/// One fire of a schedule, as the scheduler logs it (table `scheduleFire`): when, what, on which
/// version, and the outcome (`STARTING`, `STOPPING`, or the service's error code).
public struct ScheduleFire: Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "scheduleFire"
    /// The row's id (nil until it is recorded).
    public var id: Int64?
    /// The schedule that fired.
    public var schedule: String
    /// Simulated seconds since 1970.
    public var time: Double
    /// Start or stop.
    public var action: ScheduleExport.Action
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
    public init(id: Int64? = nil, schedule: String, time: Double, action: ScheduleExport.Action, versionArn: String, result: String,
                succeeded: Bool, repeats: Int = 1, lastTime: Double? = nil) {
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

    /// A stored fire, checked (times panya stores, `start` or `stop`).
    public init(row: Row) throws {
        let table = Self.databaseTableName
        id = try row.storedIfPresent("id", of: table)
        schedule = try row.stored("schedule", of: table)
        time = try row.storedSeconds("time", of: table)
        action = try ScheduleExport.Action(storedIn: row, of: table)
        versionArn = try row.stored("versionArn", of: table)
        result = try row.stored("result", of: table)
        succeeded = try row.stored("succeeded", of: table)
        repeats = try row.storedCount("repeats", of: table, in: 1...Int(Int32.max))
        lastTime = try row.storedSecondsIfPresent("lastTime", of: table)
    }

    /// The row (the action as its word).
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["schedule"] = schedule
        container["time"] = time
        container["action"] = action.rawValue
        container["versionArn"] = versionArn
        container["result"] = result
        container["succeeded"] = succeeded
        container["repeats"] = repeats
        container["lastTime"] = lastTime
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
