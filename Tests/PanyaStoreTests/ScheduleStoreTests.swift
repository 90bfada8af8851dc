import Testing
@testable import PanyaStore

@Suite struct ScheduleStoreTests {
    @Test func schedulesAndTheirHistoryRoundTrip() throws {
        let store = ScheduleStore(try .inMemory())
        #expect(try store.all().isEmpty)
        try store.save(StoredSchedule(name: "open", expression: "cron(30 6 * * ? *)", timeZone: "Asia/Tokyo", action: "start",
                                      versionArn: "v1", units: 2, createdAt: 100))
        try store.save(StoredSchedule(name: "close", expression: "cron(30 19 * * ? *)", timeZone: "Asia/Tokyo", action: "stop",
                                      versionArn: "v1", createdAt: 200))
        #expect(try store.all().map(\.name) == ["open", "close"])
        var open = try #require(try store.schedule(named: "open"))
        #expect(open.units == 2 && open.enabled && open.createdAt == 100)
        open.enabled = false
        open.versionArn = "v2"
        try store.save(open)
        #expect(try store.all().map(\.name) == ["open", "close"], "an update keeps the schedule's place")
        #expect(try store.schedule(named: "open")?.enabled == false)
        #expect(try store.schedule(named: "open")?.versionArn == "v2")

        try store.record([
            ScheduleFireRecord(schedule: "open", time: 1000, action: "start", versionArn: "v1", result: "STARTING", succeeded: true),
            ScheduleFireRecord(schedule: "close", time: 2000, action: "stop", versionArn: "v1", result: "ResourceInUseException", succeeded: false),
            ScheduleFireRecord(schedule: "open", time: 3000, action: "start", versionArn: "v1", result: "STARTING", succeeded: true),
        ])
        #expect(try store.fires().map(\.time) == [1000, 2000, 3000])
        #expect(try store.fires(schedule: "close").map(\.result) == ["ResourceInUseException"])
        #expect(try store.fires(limit: 2).map(\.time) == [2000, 3000], "the latest, oldest first")

        #expect(try store.remove(named: "open"))
        #expect(try !store.remove(named: "open"))
        #expect(try store.all().map(\.name) == ["close"])
        #expect(try store.fires(schedule: "open").count == 2, "removing a schedule keeps its history")
        try store.save(StoredSchedule(name: "open", expression: "rate(1 hour)", timeZone: "UTC", action: "start", versionArn: "v1", createdAt: 0))
        #expect(try store.all().map(\.name) == ["close", "open"], "a new schedule goes to the end")
        try store.reset()
        #expect(try store.all().isEmpty && store.fires().isEmpty)
    }

    @Test func theMigrationIsTheLastOne() {
        #expect(PanyaSchema.migrationNames.contains("v4-schedules"))
    }
}
