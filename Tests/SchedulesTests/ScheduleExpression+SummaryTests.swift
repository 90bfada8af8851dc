import Testing
@testable import Schedules

@Suite struct ScheduleSummaryTests {
    @Test(arguments: [
        ("cron(30 6 * * ? *)", "every day at 06:30 (Asia/Tokyo)", "毎日 06:30 (Asia/Tokyo)"),
        ("cron(30 19 ? * * *)", "every day at 19:30 (Asia/Tokyo)", "毎日 19:30 (Asia/Tokyo)"),
        ("cron(0 7 ? * MON-FRI *)", "every weekday (Monday to Friday) at 07:00 (Asia/Tokyo)", "平日 (月〜金) 07:00 (Asia/Tokyo)"),
        ("cron(0 9 ? * SAT,1 *)", "every Sunday, Saturday at 09:00 (Asia/Tokyo)", "毎週 日・土曜日 09:00 (Asia/Tokyo)"),
        ("cron(5 0 1 * ? *)", "on day 1 of every month at 00:05 (Asia/Tokyo)", "毎月 1 日 00:05 (Asia/Tokyo)"),
        ("cron(0 23 L * ? *)", "on the last day of every month at 23:00 (Asia/Tokyo)", "毎月末日 23:00 (Asia/Tokyo)"),
        ("cron(*/15 8-17 ? * MON-FRI *)", "at the times of cron(*/15 8-17 ? * MON-FRI *) (Asia/Tokyo)", "cron(*/15 8-17 ? * MON-FRI *) の時刻 (Asia/Tokyo)"),
        ("rate(1 hour)", "every hour", "1 時間ごと"),
        ("rate(15 minutes)", "every 15 minutes", "15 分ごと"),
        ("rate(2 days)", "every 2 days", "2 日ごと"),
        ("at(2026-04-01T06:30:00)", "once, at 2026-04-01 06:30 (Asia/Tokyo)", "2026-04-01 06:30 に 1 回 (Asia/Tokyo)"),
        ("at(2026-04-01T06:30:15)", "once, at 2026-04-01 06:30:15 (Asia/Tokyo)", "2026-04-01 06:30:15 に 1 回 (Asia/Tokyo)"),
    ])
    func describesInBothLanguages(text: String, english: String, japanese: String) throws {
        let summary = try ScheduleExpression.parse(text).summary(timeZone: "Asia/Tokyo")
        #expect(summary.en == english)
        #expect(summary.ja == japanese)
    }
}
