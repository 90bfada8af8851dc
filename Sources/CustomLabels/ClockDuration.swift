import PanyaSupport

/// A span of simulated time as students type it: `90s`, `30m`, `3h`, `2d`, or parts
/// together (`1h30m`); a bare number is seconds.
public enum ClockDuration {
    /// Seconds in `text`, or throws ``ClockInputError`` naming the accepted forms.
    public static func parse(_ text: String) throws -> Int {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { throw ClockInputError.duration(text) }
        if let plain = Int(trimmed), plain >= 0 { return plain }
        var total = 0
        var digits = ""
        for c in trimmed {
            if c.isASCII, c.isNumber {
                digits.append(c)
                continue
            }
            guard let count = Int(digits) else { throw ClockInputError.duration(text) }
            let unit: Int
            switch c {
            case "s", "S": unit = 1
            case "m", "M": unit = 60
            case "h", "H": unit = 3600
            case "d", "D": unit = 86400
            default: throw ClockInputError.duration(text)
            }
            let (product, overflow) = count.multipliedReportingOverflow(by: unit)
            guard !overflow, product <= 100 * 365 * 86400 else { throw ClockInputError.duration(text) }
            total += product
            digits = ""
        }
        guard digits.isEmpty else { throw ClockInputError.duration(text) }
        return total
    }

    /// `3h`, `1h30m`, `90s` → `1m30s`; 0 is `0s`.
    public static func format(_ seconds: Int) -> String {
        if seconds == 0 { return "0s" }
        var rest = abs(seconds)
        var text = seconds < 0 ? "-" : ""
        for (unit, letter) in [(86400, "d"), (3600, "h"), (60, "m"), (1, "s")] where rest >= unit {
            text += "\(rest / unit)\(letter)"
            rest %= unit
        }
        return text
    }
}

/// A duration or timestamp the clock commands could not read.
public enum ClockInputError: UserFacingError, Equatable, CustomStringConvertible {
    case duration(String)
    case timestamp(String)

    public var code: String? { "InvalidClockInput" }

    public var message: Message {
        switch self {
        case .duration(let text): return Catalog.badDuration(text)
        case .timestamp(let text): return Catalog.badTimestamp(text)
        }
    }

    public var description: String { message.en }
}

extension Catalog {
    public static func badDuration(_ text: String) -> Message {
        Message(en: "\"\(text)\" is not a duration: write a number and a unit, like 90s, 30m, 3h, 2d or 1h30m",
                ja: "\"\(text)\" は時間の長さではありません: 90s、30m、3h、2d、1h30m のように数と単位で書きます")
    }

    public static func badTimestamp(_ text: String) -> Message {
        Message(en: "\"\(text)\" is not an ISO 8601 time: write it like 2023-08-01T10:00:00+09:00 or 2023-08-01T01:00:00Z",
                ja: "\"\(text)\" は ISO 8601 の時刻ではありません: 2023-08-01T10:00:00+09:00 や 2023-08-01T01:00:00Z のように書きます")
    }
}
