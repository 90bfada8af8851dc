import CustomLabels
import Testing
@testable import Schedules

@Suite struct SimulationTests {
    /// 2026-04-01T00:00:00+09:00.
    static let april1 = 1_774_969_200
    static let tokyo = ScheduleTimeZone(identifier: "Asia/Tokyo", transitions: [], offsets: [], initialOffset: 9 * 3600)

    static func seed() throws -> [PlannedSchedule] {
        [PlannedSchedule(name: "open", expression: try ScheduleExpression.parse("cron(30 6 * * ? *)"), timeZone: tokyo),
         PlannedSchedule(name: "close", expression: try ScheduleExpression.parse("cron(30 19 * * ? *)"), timeZone: tokyo)]
    }

    @Test func theSeedsTwoSchedulesFireInTimeOrder() throws {
        let fires = FirePlanner.fires(try Self.seed(), after: Self.april1, through: Self.april1 + 30 * 86400)
        #expect(fires.count == 60)
        #expect(fires.prefix(4).map(\.schedule) == ["open", "close", "open", "close"])
        #expect(fires[0].time == Self.april1 + 6 * 3600 + 1800)
        #expect(fires[1].time == Self.april1 + 19 * 3600 + 1800)
        #expect(fires.last?.time == Self.april1 + 29 * 86400 + 19 * 3600 + 1800)
        #expect(zip(fires, fires.dropFirst()).allSatisfy { $0.time < $1.time })
    }

    @Test func theWindowIsOpenAtTheStartAndClosedAtTheEnd() throws {
        let firstOpen = Self.april1 + 6 * 3600 + 1800
        let fires = FirePlanner.fires(try Self.seed(), after: firstOpen, through: firstOpen + 86400)
        #expect(fires.map(\.schedule) == ["close", "open"])
        #expect(fires.last?.time == firstOpen + 86400)
        #expect(FirePlanner.fires(try Self.seed(), after: firstOpen, through: firstOpen).isEmpty)
        #expect(FirePlanner.firstFire(try Self.seed(), after: firstOpen)?.schedule == "close")
    }

    @Test func fireAtTheSameMinuteKeepTheSchedulesOrder() throws {
        let every = try ScheduleExpression.parse("rate(1 hour)")
        let schedules = [PlannedSchedule(name: "b", expression: every, timeZone: .utc, startSeconds: 0),
                         PlannedSchedule(name: "a", expression: every, timeZone: .utc, startSeconds: 0)]
        let fires = FirePlanner.fires(schedules, after: 0, through: 7200)
        #expect(fires.map(\.schedule) == ["b", "a", "b", "a"])
        #expect(fires.map(\.time) == [3600, 3600, 7200, 7200])
    }

    @Test func anAtScheduleFiresOnceAndNotAfter() throws {
        let once = [PlannedSchedule(name: "once", expression: try ScheduleExpression.parse("at(2026-04-02T12:00:00)"), timeZone: Self.tokyo)]
        #expect(FirePlanner.fires(once, after: Self.april1, through: Self.april1 + 5 * 86400).map(\.time) == [Self.april1 + 86400 + 12 * 3600])
        #expect(FirePlanner.firstFire(once, after: Self.april1 + 2 * 86400) == nil)
    }

    @Test func daysSplitAStretchAtMidnightAndAddUpToTheBill() {
        let pricing = Pricing.walkthrough
        let from = Double(Self.april1)
        // Running from 20:00 on the first day to 02:00 on the second: 4 h then 2 h.
        let stretch = RunningStretch(versionArn: "v", units: 1, from: from + 20 * 3600, until: from + 26 * 3600)
        let days = DailyCost.days([stretch], from: from, to: from + 2 * 86400, offsetSeconds: 9 * 3600, pricing: pricing)
        #expect(days.map(\.date) == ["2026-04-01", "2026-04-02"])
        #expect(days.map(\.billedMinutes) == [240, 120])
        #expect(abs(days[0].usd - 16) < 1e-9 && abs(days[1].usd - 8) < 1e-9)
        let total = days.reduce(0) { $0 + $1.usd }
        #expect(abs(total - (stretch.billedUSD(at: from + 2 * 86400, pricing: pricing) - stretch.billedUSD(at: from, pricing: pricing))) < 1e-9)
    }

    @Test func anOpenStretchBillsUpToTheEndAndAPartialDayIsItsOwnRow() {
        let from = Double(Self.april1) + 12 * 3600
        let stretch = RunningStretch(versionArn: "v", units: 2, from: from - 3600, until: nil)
        let days = DailyCost.days([stretch], from: from, to: from + 18 * 3600, offsetSeconds: 9 * 3600, pricing: .walkthrough)
        #expect(days.map(\.date) == ["2026-04-01", "2026-04-02"])
        #expect(days.map(\.billedMinutes) == [12 * 60, 6 * 60])
        #expect(abs(days[0].usd - 12 * 2 * 4) < 1e-9, "two units bill twice")
        #expect(DailyCost.days([stretch], from: from, to: from, offsetSeconds: 0, pricing: .walkthrough).isEmpty)
    }
}
