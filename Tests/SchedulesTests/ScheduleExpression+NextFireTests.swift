import Foundation
import Testing
@testable import Schedules

@Suite struct NextFireTests {
    static let tokyo = (try? ScheduleTimeZone.named("Asia/Tokyo")) ?? .utc
    static let newYork = (try? ScheduleTimeZone.named("America/New_York")) ?? .utc

    func next(_ expression: String, after: String, zone: ScheduleTimeZone = .utc) throws -> String? {
        let parsed = try ScheduleExpression.parse(expression)
        return parsed.nextFire(after: TestDates.instant(after), timeZone: zone).map { TestDates.text($0) }
    }

    // Dates worked out on a calendar (weekdays noted); UTC, so the calendar alone decides.
    @Test(arguments: [
        ("cron(30 6 * * ? *)", "2026-04-01T00:00:00Z", "2026-04-01T06:30:00Z"),
        ("cron(30 6 * * ? *)", "2026-04-01T06:30:00Z", "2026-04-02T06:30:00Z"),      // strictly after
        ("cron(30 6 * * ? *)", "2026-04-01T06:29:59Z", "2026-04-01T06:30:00Z"),
        ("cron(*/15 * * * ? *)", "2026-04-01T10:07:00Z", "2026-04-01T10:15:00Z"),
        ("cron(0 0 * * ? *)", "2026-12-31T23:59:00Z", "2027-01-01T00:00:00Z"),
        ("cron(0 0 31 * ? *)", "2026-04-01T00:00:00Z", "2026-05-31T00:00:00Z"),        // April has 30 days
        ("cron(0 0 31 * ? *)", "2026-05-31T00:00:00Z", "2026-07-31T00:00:00Z"),        // June has 30 days
        ("cron(0 12 L * ? *)", "2026-02-10T00:00:00Z", "2026-02-28T12:00:00Z"),
        ("cron(0 12 L * ? *)", "2028-02-10T00:00:00Z", "2028-02-29T12:00:00Z"),        // leap year
        ("cron(0 12 L * ? *)", "2026-04-30T12:00:00Z", "2026-05-31T12:00:00Z"),
        ("cron(0 0 29 2 ? *)", "2026-03-01T00:00:00Z", "2028-02-29T00:00:00Z"),        // next Feb 29
        ("cron(0 0 29 FEB ? *)", "2100-01-01T00:00:00Z", "2104-02-29T00:00:00Z"),      // 2100 is not leap
        ("cron(0 9 LW * ? *)", "2026-05-01T00:00:00Z", "2026-05-29T09:00:00Z"),        // May 31 Sun → Fri 29
        ("cron(0 9 LW * ? *)", "2026-04-01T00:00:00Z", "2026-04-30T09:00:00Z"),        // Apr 30 Thu
        ("cron(0 9 1W * ? *)", "2026-07-02T00:00:00Z", "2026-08-03T09:00:00Z"),        // Aug 1 Sat → Mon 3, not Jul 31
        ("cron(0 9 15W * ? *)", "2026-02-01T00:00:00Z", "2026-02-16T09:00:00Z"),       // Feb 15 Sun → Mon 16
        ("cron(0 9 15W * ? *)", "2026-08-04T00:00:00Z", "2026-08-14T09:00:00Z"),       // Aug 15 Sat → Fri 14
        ("cron(0 9 30W * ? *)", "2025-11-01T00:00:00Z", "2025-11-28T09:00:00Z"),       // Nov 30 Sun, last day → Fri 28
        ("cron(0 9 31W * ? *)", "2025-11-01T00:00:00Z", "2025-12-31T09:00:00Z"),       // no Nov 31; Dec 31 Wed
        ("cron(0 10 ? * 6#3 *)", "2026-04-01T00:00:00Z", "2026-04-17T10:00:00Z"),      // third Friday
        ("cron(0 10 ? * FRI#5 *)", "2026-06-01T00:00:00Z", "2026-07-31T10:00:00Z"),    // June has 4 Fridays
        ("cron(0 10 ? * 5L *)", "2026-04-01T00:00:00Z", "2026-04-30T10:00:00Z"),       // last Thursday
        ("cron(0 10 ? * L *)", "2026-04-01T00:00:00Z", "2026-04-04T10:00:00Z"),        // L alone = Saturday
        ("cron(0 18 ? * MON-FRI *)", "2026-04-03T18:00:00Z", "2026-04-06T18:00:00Z"),  // Fri → Mon
        ("cron(0 18 ? * 1 *)", "2026-04-01T00:00:00Z", "2026-04-05T18:00:00Z"),        // 1 = Sunday
        ("cron(0 8 1 JAN,JUL ? *)", "2026-01-01T08:00:00Z", "2026-07-01T08:00:00Z"),
        ("cron(0 0 1 1 ? 1970)", "1969-12-31T00:00:00Z", "1970-01-01T00:00:00Z"),
        ("cron(59 23 31 12 ? 2199)", "2199-12-31T23:58:00Z", "2199-12-31T23:59:00Z"),
    ])
    func cronFiresOnTheRightMinute(expression: String, after: String, expected: String) throws {
        #expect(try next(expression, after: after) == expected)
    }

    @Test(arguments: [
        ("cron(0 0 1 1 ? 2199)", "2199-01-01T00:00:00Z"),
        ("cron(59 23 31 12 ? 2199)", "2199-12-31T23:59:00Z"),
        ("cron(0 0 * * ? 2026)", "2026-12-31T00:00:00Z"),
        ("at(2026-04-01T06:30:00)", "2026-04-01T06:30:00Z"),
    ])
    func schedulesThatAreOverNeverFireAgain(expression: String, after: String) throws {
        #expect(try next(expression, after: after) == nil)
    }

    @Test func theSeedsSchedulesFireThirtyTimesInThirtyDaysInTokyo() throws {
        let from = TestDates.instant("2026-04-01T00:00:00+09:00")
        let to = TestDates.instant("2026-05-01T00:00:00+09:00")
        for (text, firstFire, lastFire) in [("cron(30 6 * * ? *)", "2026-03-31T21:30:00Z", "2026-04-29T21:30:00Z"),
                                            ("cron(30 19 * * ? *)", "2026-04-01T10:30:00Z", "2026-04-30T10:30:00Z")] {
            let fires = try ScheduleExpression.parse(text).fireTimes(after: from, count: 40, timeZone: Self.tokyo)
                .filter { $0 < to }
            #expect(fires.count == 30)
            #expect(fires.first.map { TestDates.text($0) } == firstFire)
            #expect(fires.last.map { TestDates.text($0) } == lastFire)
            #expect(zip(fires, fires.dropFirst()).allSatisfy { $1.timeIntervalSince($0) == 86400 })
        }
    }

    // America/New_York 2026: clocks go 02:00 → 03:00 on Sun 8 March and 02:00 → 01:00 on Sun 1 November.
    @Test func springForwardSkipsTheLocalTimeThatDoesNotExist() throws {
        let fires = try ScheduleExpression.parse("cron(30 2 * * ? *)")
            .fireTimes(after: TestDates.instant("2026-03-06T12:00:00-05:00"), count: 3, timeZone: Self.newYork)
        #expect(fires.map { TestDates.text($0) } == [
            "2026-03-07T07:30:00Z",   // 02:30 EST
            "2026-03-09T06:30:00Z",   // 02:30 EDT; 8 March has no 02:30
            "2026-03-10T06:30:00Z",
        ])
    }

    @Test func fallBackFiresARepeatedLocalTimeOnceTheFirstTime() throws {
        let fires = try ScheduleExpression.parse("cron(30 1 * * ? *)")
            .fireTimes(after: TestDates.instant("2026-10-31T12:00:00-04:00"), count: 3, timeZone: Self.newYork)
        #expect(fires.map { TestDates.text($0) } == [
            "2026-11-01T05:30:00Z",   // 01:30 EDT; not again at 01:30 EST (06:30Z)
            "2026-11-02T06:30:00Z",   // 01:30 EST
            "2026-11-03T06:30:00Z",
        ])
    }

    @Test func fallBackDoesNotRefireWhenAskedFromTheRepeatedHour() throws {
        // 01:10 EST is in the second pass of 01:00–02:00; 01:30 has already fired (as EDT).
        let next = try ScheduleExpression.parse("cron(30 1 * * ? *)")
            .nextFire(after: TestDates.instant("2026-11-01T01:10:00-05:00"), timeZone: Self.newYork)
        #expect(next.map { TestDates.text($0) } == "2026-11-02T06:30:00Z")
    }

    @Test func atInADaylightSavingGapNeverFires() throws {
        let expression = try ScheduleExpression.parse("at(2026-03-08T02:30:00)")
        #expect(expression.nextFire(after: TestDates.instant("2026-01-01T00:00:00Z"), timeZone: Self.newYork) == nil)
    }

    @Test func atFiresOnceAtItsLocalTime() throws {
        let expression = try ScheduleExpression.parse("at(2026-04-01T06:30:00)")
        let after = TestDates.instant("2026-03-01T00:00:00Z")
        #expect(expression.fireTimes(after: after, count: 5, timeZone: Self.tokyo).map { TestDates.text($0) } == ["2026-03-31T21:30:00Z"])
    }

    @Test func rateFiresFromItsStartInstant() throws {
        let expression = try ScheduleExpression.parse("rate(90 minutes)")
        let start = TestDates.instant("2026-04-01T06:30:40Z")   // rounded down to 06:30
        let fires = expression.fireTimes(after: TestDates.instant("2026-04-01T06:00:00Z"), count: 3, timeZone: Self.tokyo, start: start)
        #expect(fires.map { TestDates.text($0) } == ["2026-04-01T06:30:00Z", "2026-04-01T08:00:00Z", "2026-04-01T09:30:00Z"])
        let later = expression.nextFire(after: TestDates.instant("2026-04-02T00:00:00Z"), timeZone: .utc, start: start)
        #expect(later.map { TestDates.text($0) } == "2026-04-02T00:30:00Z")   // 06:30 + 12 × 90 min
    }

    @Test func rateWithoutStartFiresOnePeriodAfter() throws {
        let next = try ScheduleExpression.parse("rate(1 hour)").nextFire(after: TestDates.instant("2026-04-01T06:30:00Z"), timeZone: .utc)
        #expect(next.map { TestDates.text($0) } == "2026-04-01T07:30:00Z")
    }
}
