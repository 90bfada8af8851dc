import Foundation

/// The two date forms S3 writes: `Last-Modified` (RFC 1123) and XML's ISO 8601 in UTC.
enum HTTPDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func parts(_ seconds: Double) -> tm {
        var time = time_t(seconds.rounded(.down))
        var parts = tm()
        gmtime_r(&time, &parts)
        return parts
    }

    private static func pad(_ value: Int32, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// `Tue, 01 Dec 2026 08:00:00 GMT`.
    static func rfc1123(_ seconds: Double) -> String {
        let p = parts(seconds)
        return "\(days[Int(p.tm_wday)]), \(pad(p.tm_mday)) \(months[Int(p.tm_mon)]) \(pad(p.tm_year + 1900, 4)) "
            + "\(pad(p.tm_hour)):\(pad(p.tm_min)):\(pad(p.tm_sec)) GMT"
    }

    /// `2026-12-01T08:00:00.000Z`.
    static func iso8601(_ seconds: Double) -> String {
        let p = parts(seconds)
        return "\(pad(p.tm_year + 1900, 4))-\(pad(p.tm_mon + 1))-\(pad(p.tm_mday))T\(pad(p.tm_hour)):\(pad(p.tm_min)):\(pad(p.tm_sec)).000Z"
    }

    /// `Tue, 01 Dec 2026 08:00:00 GMT` → seconds since 1970; nil for another form.
    static func parse(_ text: String) -> Double? {
        let fields = text.split(separator: " ")
        guard fields.count == 5 || fields.count == 6, let day = Int(fields[1]),
              let month = months.firstIndex(of: String(fields[2])), let year = Int(fields[3]) else { return nil }
        let clock = fields[4].split(separator: ":")
        guard clock.count == 3, let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]) else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        return Double(timegm(&parts))
    }
}
