import PanyaSupport

/// Wall-clock seconds as calendar fields and cron weekdays (the calendar itself is `CivilCalendar`).
enum CivilTime {
    /// The weekday of a day number in cron numbering: 1 = Sunday … 7 = Saturday.
    static func cronWeekday(days: Int) -> Int {
        // 1970-01-01 was a Thursday (cron 5).
        ((days + 4) % 7 + 7) % 7 + 1
    }

    /// Floor division, for negative seconds too.
    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// The calendar fields of seconds since 1970 read as a wall clock.
    static func fields(seconds: Int) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let days = floorDiv(seconds, 86400)
        let rest = seconds - days * 86400
        let date = CivilCalendar.date(days: days)
        return (date.year, date.month, date.day, rest / 3600, rest % 3600 / 60, rest % 60)
    }

    /// `2026-04-01T06:30:00` from wall-clock seconds.
    static func isoText(seconds: Int) -> String {
        let f = fields(seconds: seconds)
        return "\(pad(f.year, 4))-\(pad(f.month))-\(pad(f.day))T\(pad(f.hour)):\(pad(f.minute)):\(pad(f.second))"
    }

    static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
