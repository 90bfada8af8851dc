import GRDB
import PanyaStore
import Testing
@testable import Schedules

@Suite struct ScheduleStoreTests {
    private static func schedule(_ name: String, _ expression: String, zone: ScheduleTimeZone = .utc, _ action: ScheduleExport.Action,
                                 versionArn: String = "v1", units: Int = 1, createdAt: Double) throws -> Schedule {
        Schedule(name: name, expression: try ScheduleExpression.parse(expression), timeZone: zone, action: action, versionArn: versionArn,
                 units: units, createdAt: createdAt)
    }

    @Test func schedulesAndTheirHistoryRoundTrip() throws {
        let store = ScheduleStore(try .inMemory())
        let tokyo = try ScheduleTimeZone.named("Asia/Tokyo")
        #expect(try store.all().isEmpty)
        try store.save(try Self.schedule("open", "cron(30 6 * * ? *)", zone: tokyo, .start, units: 2, createdAt: 100))
        try store.save(try Self.schedule("close", "cron(30 19 * * ? *)", zone: tokyo, .stop, createdAt: 200))
        #expect(try store.all().map(\.name) == ["open", "close"])
        var open = try #require(try store.schedule(named: "open"))
        #expect(open.units == 2 && open.enabled && open.createdAt == 100)
        #expect(open.expression == (try ScheduleExpression.parse("cron(30 6 * * ? *)")))
        #expect(open.timeZone.identifier == "Asia/Tokyo" && open.timeZone.offset(at: 0) == 9 * 3600)
        #expect(open.action == .start)
        open.enabled = false
        open.versionArn = "v2"
        try store.save(open)
        #expect(try store.all().map(\.name) == ["open", "close"], "an update keeps the schedule's place")
        #expect(try store.schedule(named: "open")?.enabled == false)
        #expect(try store.schedule(named: "open")?.versionArn == "v2")
        #expect(try store.schedule(named: "close")?.action == .stop)

        try store.record([
            ScheduleFire(schedule: "open", time: 1000, action: .start, versionArn: "v1", result: "STARTING", succeeded: true),
            ScheduleFire(schedule: "close", time: 2000, action: .stop, versionArn: "v1", result: "ResourceInUseException", succeeded: false),
            ScheduleFire(schedule: "open", time: 3000, action: .start, versionArn: "v1", result: "STARTING", succeeded: true),
        ])
        #expect(try store.fires().map(\.time) == [1000, 2000, 3000])
        #expect(try store.fires().map(\.action) == [.start, .stop, .start])
        #expect(try store.fires(schedule: "close").map(\.result) == ["ResourceInUseException"])
        #expect(try store.fires(limit: 2).map(\.time) == [2000, 3000], "the latest, oldest first")

        #expect(try store.remove(named: "open"))
        #expect(try !store.remove(named: "open"))
        #expect(try store.all().map(\.name) == ["close"])
        #expect(try store.fires(schedule: "open").count == 2, "removing a schedule keeps its history")
        try store.save(try Self.schedule("open", "rate(1 hour)", .start, createdAt: 0))
        #expect(try store.all().map(\.name) == ["close", "open"], "a new schedule goes to the end")
        try store.reset()
        #expect(try store.all().isEmpty && store.fires().isEmpty)
    }

    /// The file keeps the words it always kept: the expression as the service writes it, the
    /// zone's name, the action's word (a file written before reads the same).
    @Test func aRowHoldsTheWordsTheServiceUses() throws {
        let database = try PanyaDatabase.inMemory()
        let store = ScheduleStore(database)
        try store.save(try Self.schedule("open", "cron(30 6 ? * MON-FRI *)", zone: try ScheduleTimeZone.named("Asia/Tokyo"), .start,
                                         units: 3, createdAt: 1_775_000_000))
        try store.record([ScheduleFire(schedule: "open", time: 1_775_001_000, action: .start, versionArn: "v1", result: "STARTING",
                                       succeeded: true, repeats: 4, lastTime: 1_775_004_000)])
        let (schedule, fire) = try database.read { db in
            (try Row.fetchOne(db, sql: "SELECT * FROM schedule"), try Row.fetchOne(db, sql: "SELECT * FROM scheduleFire"))
        }
        #expect(schedule?["expression"] == "cron(30 6 ? * MON-FRI *)")
        #expect(schedule?["timeZone"] == "Asia/Tokyo")
        #expect(schedule?["action"] == "start")
        #expect(schedule?["units"] == 3)
        #expect(schedule?["position"] == 1)
        #expect(fire?["action"] == "start")
        #expect(fire?["repeats"] == 4)
        #expect(fire?["lastTime"] == 1_775_004_000.0)
    }

    /// A row whose words no longer read as a schedule is a damaged row naming table, row and column.
    @Test(arguments: [
        ("schedule", "expression", "'cron(61 6 * * ? *)'"),
        ("schedule", "expression", "'every morning'"),
        ("schedule", "timeZone", "'Mars/Olympus_Mons'"),
        ("schedule", "timeZone", "'../../etc/passwd'"),
        ("schedule", "action", "'restart'"),
        ("scheduleFire", "action", "'START'"),
    ])
    func anUnreadableWordIsADamagedRow(table: String, column: String, value: String) throws {
        let database = try PanyaDatabase.inMemory()
        let store = ScheduleStore(database)
        try store.save(try Self.schedule("open", "rate(1 hour)", .start, createdAt: 1_700_000_000))
        try store.record([ScheduleFire(schedule: "open", time: 1_700_003_600, action: .start, versionArn: "v1", result: "STARTING", succeeded: true)])
        _ = try store.all()
        _ = try store.fires()
        try database.write { db in try db.execute(sql: "UPDATE \(table) SET \(column) = \(value)") }
        let error = try #require(throws: StoreError.self) {
            if table == "schedule" { _ = try store.all() } else { _ = try store.fires() }
        }
        guard case .damagedRow(let damagedTable, let row, let damagedColumn, let problem) = error.kind else {
            Issue.record("\(error.kind)")
            return
        }
        #expect(damagedTable == table)
        #expect(damagedColumn == column)
        #expect(row == (table == "schedule" ? #"name "open""# : "id 1"))
        #expect(problem.contains(value.dropFirst().dropLast()))
        #expect(error.code == "DatabaseCorrupt")
        if table == "schedule" {
            #expect(throws: StoreError.self) { try store.schedule(named: "open") }
        }
    }

    /// A claim records the fire and moves the clock in one transaction; the same fire is never
    /// claimed twice, and a clock already past the fire claims nothing.
    @Test func aFireIsClaimedOnceWithTheClocksMove() throws {
        let database = try PanyaDatabase.inMemory()
        let store = ScheduleStore(database)
        let clock = SimulatedClockStore(database)
        try clock.setClock("2026-04-01T00:00:00Z")
        let fire = ScheduleFire(schedule: "open", time: 1_775_001_600, action: .start, versionArn: "v1", result: "Interrupted", succeeded: false)
        var seen: [String?] = []
        let claimed = try #require(try store.claim(fire) { stored in
            seen.append(stored)
            return "2026-04-01T00:40:00Z"
        })
        #expect(seen == ["2026-04-01T00:00:00Z"])
        #expect(try clock.clock() == "2026-04-01T00:40:00Z")
        let id = try #require(claimed.id)
        #expect(try store.claim(fire) { _ in "2026-04-01T00:40:00Z" } == nil, "already recorded at that time")
        #expect(try store.claim(ScheduleFire(schedule: "open", time: 1_775_005_200, action: .start, versionArn: "v1", result: "Interrupted",
                                             succeeded: false)) { _ in nil } == nil, "another shell passed it")
        #expect(throws: ClockRangeError.self) {
            try store.claim(ScheduleFire(schedule: "close", time: 1_775_001_600, action: .stop, versionArn: "v1", result: "Interrupted",
                                         succeeded: false)) { _ in "2150-01-01T00:00:00Z" }
        }
        try store.setOutcome(id: id, result: "STARTING", succeeded: true)
        #expect(try store.fires().map(\.result) == ["STARTING"])
        #expect(try clock.clock() == "2026-04-01T00:40:00Z")
    }

    /// The migrations keep their names, order and tables (PanyaStore runs them; the tables are these).
    @Test func theMigrationsCreateTheTablesAsTheyShipped() throws {
        let names = PanyaSchema.migrationNames
        let created = try #require(names.firstIndex(of: "v4-schedules"))
        let repeats = try #require(names.firstIndex(of: "v6-schedule-fire-repeats"))
        #expect(created < repeats)
        let sql = try PanyaDatabase.inMemory().read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE tbl_name IN ('schedule', 'scheduleFire') AND sql IS NOT NULL ORDER BY name")
        }
        #expect(sql == [
            #"CREATE TABLE "schedule" ("name" TEXT PRIMARY KEY NOT NULL, "expression" TEXT NOT NULL, "timeZone" TEXT NOT NULL, "action" TEXT NOT NULL, "versionArn" TEXT NOT NULL, "units" INTEGER NOT NULL, "enabled" BOOLEAN NOT NULL, "createdAt" DOUBLE NOT NULL, "position" INTEGER NOT NULL)"#,
            #"CREATE TABLE "scheduleFire" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "schedule" TEXT NOT NULL, "time" DOUBLE NOT NULL, "action" TEXT NOT NULL, "versionArn" TEXT NOT NULL, "result" TEXT NOT NULL, "succeeded" BOOLEAN NOT NULL, "repeats" INTEGER NOT NULL DEFAULT 1, "lastTime" DOUBLE)"#,
            #"CREATE INDEX "scheduleFire_on_schedule" ON "scheduleFire"("schedule")"#,
        ])
    }
}
