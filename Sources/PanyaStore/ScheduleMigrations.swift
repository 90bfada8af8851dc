import GRDB

/// The schedules' migrations: the history of their tables, frozen as they shipped (append-only;
/// never edit). The tables themselves are read and written by the `Schedules` module's
/// `ScheduleStore`; the list in ``PanyaSchema`` names these.
enum ScheduleMigrations {
    /// Migration `v4-schedules`: the schedules and their fire history.
    static func createTables(_ db: Database) throws {
        try db.create(table: "schedule") { t in
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
        try db.create(table: "scheduleFire") { t in
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
        try db.alter(table: "scheduleFire") { t in
            t.add(column: "repeats", .integer).notNull().defaults(to: 1)
            t.add(column: "lastTime", .double)
        }
    }
}
