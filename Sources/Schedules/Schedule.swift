import CustomLabels
import GRDB
import PanyaStore

/// A schedule on the simulated clock (`schedule add`): when it fires, in which zone, what it
/// does to which version, and whether it is enabled. It is also the row of table `schedule`:
/// reading one parses its expression and loads its zone, so a row panya cannot take back is a
/// damaged row naming the table, the row and the column.
public struct Schedule: Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "schedule"
    /// The schedule's name (`open`).
    public var name: String
    /// When it fires (stored as the service writes it: `cron(30 6 * * ? *)`).
    public var expression: ScheduleExpression
    /// The zone the expression is read in (stored by its IANA name, `Asia/Tokyo`).
    public var timeZone: ScheduleTimeZone
    /// Start or stop.
    public var action: ScheduleExport.Action
    /// The model version it starts or stops.
    public var versionArn: String
    /// Inference units for a start.
    public var units: Int
    /// Whether it fires.
    public var enabled: Bool
    /// The simulated time it was added (seconds since 1970; a `rate` counts from here).
    public var createdAt: Double
    /// Its place in the list (ties at the same minute fire in this order); ``ScheduleStore`` sets it.
    public var position: Int

    /// A schedule.
    public init(name: String, expression: ScheduleExpression, timeZone: ScheduleTimeZone, action: ScheduleExport.Action, versionArn: String,
                units: Int = 1, enabled: Bool = true, createdAt: Double, position: Int = 0) {
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

    /// The version name of the target (the ARN when it cannot be read).
    public var versionName: String { ProjectVersionArn(versionArn)?.versionName ?? versionArn }

    /// The schedule as the planner takes it (a `rate` counts from when it was added).
    public var planned: PlannedSchedule {
        PlannedSchedule(name: name, expression: expression, timeZone: timeZone, startSeconds: Int(createdAt))
    }

    /// The schedule as EventBridge Scheduler takes it, the scheduler assuming `roleArn`.
    public func exported(roleArn: String) -> ScheduleExport.Schedule {
        ScheduleExport.Schedule(name: name, expression: expression, timeZone: timeZone.identifier, action: action, versionArn: versionArn,
                                units: units, roleArn: roleArn, enabled: enabled)
    }

    /// A stored schedule, checked: units as ``StoredLimits/inferenceUnits``, a time panya stores,
    /// an expression that parses, a zone this machine has, `start` or `stop`.
    public init(row: Row) throws {
        let table = Self.databaseTableName
        name = try row.stored("name", of: table)
        let expressionText: String = try row.stored("expression", of: table)
        do {
            expression = try ScheduleExpression.parse(expressionText)
        } catch {
            throw DamagedRow(table: table, row: row.damagedRowName, column: "expression",
                             problem: "\(expressionText.prefix(100)) is not a schedule expression")
        }
        let zoneName: String = try row.stored("timeZone", of: table)
        do {
            timeZone = try ScheduleTimeZone.named(zoneName)
        } catch {
            throw DamagedRow(table: table, row: row.damagedRowName, column: "timeZone",
                             problem: "\(zoneName.prefix(100)) is not a time zone of this machine")
        }
        action = try ScheduleExport.Action(storedIn: row, of: table)
        versionArn = try row.stored("versionArn", of: table)
        units = try row.storedCount("units", of: table, in: StoredLimits.inferenceUnits)
        enabled = try row.stored("enabled", of: table)
        createdAt = try row.storedSeconds("createdAt", of: table)
        position = try row.storedCount("position", of: table, in: Int(Int32.min)...Int(Int32.max))
    }

    /// The row: the expression as the service writes it, the zone by its name, the action's word.
    public func encode(to container: inout PersistenceContainer) throws {
        container["name"] = name
        container["expression"] = expression.description
        container["timeZone"] = timeZone.identifier
        container["action"] = action.rawValue
        container["versionArn"] = versionArn
        container["units"] = units
        container["enabled"] = enabled
        container["createdAt"] = createdAt
        container["position"] = position
    }
}

extension ScheduleExport.Action {
    /// The action stored in `row`'s column `action` (`start` or `stop`), or a damaged row.
    init(storedIn row: Row, of table: String) throws {
        let word: String = try row.stored("action", of: table)
        guard let action = Self(rawValue: word) else {
            throw DamagedRow(table: table, row: row.damagedRowName, column: "action", problem: "\(word.prefix(100)) is neither start nor stop")
        }
        self = action
    }
}
