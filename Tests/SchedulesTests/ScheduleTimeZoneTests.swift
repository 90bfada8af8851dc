import Testing
@testable import Schedules

@Suite struct ScheduleTimeZoneTests {
    @Test(arguments: [
        ("Asia/Tokyo", "2026-04-01T00:00:00Z", 32400),
        ("America/New_York", "2026-01-15T12:00:00Z", -18000),
        ("America/New_York", "2026-07-15T12:00:00Z", -14400),
        ("America/New_York", "2026-03-08T06:59:59Z", -18000),
        ("America/New_York", "2026-03-08T07:00:00Z", -14400),
        ("America/New_York", "2150-07-15T12:00:00Z", -14400),   // beyond the table: the POSIX footer rule
        ("America/New_York", "2150-12-15T12:00:00Z", -18000),
        ("Australia/Sydney", "2150-01-15T12:00:00Z", 39600),    // southern summer
        ("Europe/London", "2026-03-29T01:00:00Z", 3600),
        ("UTC", "2026-04-01T00:00:00Z", 0),
    ])
    func offsets(zone: String, instant: String, expected: Int) throws {
        let timeZone = try ScheduleTimeZone.named(zone)
        #expect(timeZone.offset(at: Int(TestDates.instant(instant).timeIntervalSince1970)) == expected)
    }

    @Test func anUnknownZoneSuggestsTheClosestNames() {
        #expect(throws: ScheduleTimeZoneError.unknown("Asia/Tokio", suggestions: ["Asia/Tokyo"])) {
            try ScheduleTimeZone.named("Asia/Tokio")
        }
        #expect(ScheduleTimeZone.suggestions(for: "Tokyo") == ["Asia/Tokyo"])
    }

    @Test func anUnknownZoneMessageNamesItInBothLanguages() {
        let error = ScheduleTimeZoneError.unknown("Asia/Tokio", suggestions: ["Asia/Tokyo"])
        #expect(error.message.en == "unknown time zone \"Asia/Tokio\" (did you mean Asia/Tokyo?); write an IANA name such as Asia/Tokyo")
        #expect(error.message.ja == "タイムゾーン「Asia/Tokio」はありません (Asia/Tokyo のまちがいでは?)。Asia/Tokyo のような IANA の名前で書きます")
        #expect(error.code == "UnknownTimeZone")
    }

    @Test(arguments: ["../etc/passwd", "/etc/localtime", "", "Asia/Tokyo/../../x"])
    func pathsAreNotZoneNames(name: String) {
        #expect(throws: ScheduleTimeZoneError.self) { try ScheduleTimeZone.named(name) }
    }

    @Test func firstInstantOfARepeatedLocalTimeIsTheEarlierOne() throws {
        let newYork = try ScheduleTimeZone.named("America/New_York")
        let local = Int(TestDates.instant("2026-11-01T01:30:00Z").timeIntervalSince1970)   // 01:30 wall clock
        #expect(newYork.firstInstant(local: local) == Int(TestDates.instant("2026-11-01T01:30:00-04:00").timeIntervalSince1970))
        let gap = Int(TestDates.instant("2026-03-08T02:30:00Z").timeIntervalSince1970)
        #expect(newYork.firstInstant(local: gap) == nil)
    }
}
