import PanyaSupport

/// ISO 8601 timestamps for the simulated clock, without Foundation's formatters:
/// `2023-08-01T10:00:00Z`, `2023-08-01T19:00:00+09:00`, fractions of a second optional.
public enum ISO8601 {
    /// A moment and the UTC offset it was written with.
    public struct Timestamp: Sendable, Equatable {
        /// Seconds since 1970-01-01T00:00:00Z.
        public var seconds: Double
        /// The offset from UTC in seconds (`+09:00` → 32400).
        public var offsetSeconds: Int

        public init(seconds: Double, offsetSeconds: Int) {
            self.seconds = seconds
            self.offsetSeconds = offsetSeconds
        }

        /// The timestamp printed with its own offset.
        public var text: String { ISO8601.format(seconds: seconds, offsetSeconds: offsetSeconds) }
    }

    /// Reads `YYYY-MM-DDThh:mm[:ss[.fff]](Z|±hh:mm|±hhmm)`; a missing offset means
    /// `defaultOffsetSeconds` (UTC unless given). A date alone (`2023-08-01`) is midnight.
    /// Nil when `text` is not such a timestamp.
    public static func parse(_ text: String, defaultOffsetSeconds: Int = 0) -> Timestamp? {
        let chars = Array(text.trimmingSpaces())
        var i = 0
        func number(_ count: Int) -> Int? {
            guard i + count <= chars.count else { return nil }
            var value = 0
            for c in chars[i..<i + count] {
                guard let d = c.wholeNumberValue, c.isASCII else { return nil }
                value = value * 10 + d
            }
            i += count
            return value
        }
        func expect(_ c: Character) -> Bool {
            guard i < chars.count, chars[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
              (1...12).contains(month), (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        if i < chars.count {
            guard chars[i] == "T" || chars[i] == "t" || chars[i] == " " else { return nil }
            i += 1
            guard let h = number(2), expect(":"), let m = number(2) else { return nil }
            hour = h
            minute = m
            if expect(":") {
                guard let s = number(2) else { return nil }
                second = s
                if i < chars.count && (chars[i] == "." || chars[i] == ",") {
                    i += 1
                    var scale = 0.1
                    var digits = 0
                    while i < chars.count, let d = chars[i].wholeNumberValue, chars[i].isASCII {
                        fraction += Double(d) * scale
                        scale /= 10
                        i += 1
                        digits += 1
                    }
                    guard digits > 0 else { return nil }
                }
            }
            guard hour < 24, minute < 60, second < 60 else { return nil }
        }
        var offset = defaultOffsetSeconds
        if i < chars.count {
            offset = 0
            if chars[i] == "Z" || chars[i] == "z" {
                i += 1
            } else if chars[i] == "+" || chars[i] == "-" {
                let sign = chars[i] == "-" ? -1 : 1
                i += 1
                guard let oh = number(2) else { return nil }
                _ = expect(":")
                guard let om = number(2), oh < 24, om < 60 else { return nil }
                offset = sign * (oh * 3600 + om * 60)
            } else {
                return nil
            }
        }
        guard i == chars.count else { return nil }
        let days = CivilCalendar.days(year: year, month: month, day: day)
        let local = Double(days * 86400 + hour * 3600 + minute * 60 + second) + fraction
        return Timestamp(seconds: local - Double(offset), offsetSeconds: offset)
    }

    /// `2023-08-01T19:00:00+09:00` (`Z` for offset 0); fractions of a second only when present (milliseconds).
    public static func format(seconds: Double, offsetSeconds: Int) -> String {
        let local = seconds + Double(offsetSeconds)
        let whole = local.rounded(.down)
        var millis = Int(((local - whole) * 1000).rounded())
        var total = Int64(whole)
        if millis >= 1000 {
            millis -= 1000
            total += 1
        }
        let days = Int(floorDiv(total, 86400))
        let secondsOfDay = Int(total - Int64(days) * 86400)
        let (year, month, day) = CivilCalendar.date(days: days)
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
            + pad(secondsOfDay / 3600, 2) + ":" + pad(secondsOfDay / 60 % 60, 2) + ":" + pad(secondsOfDay % 60, 2)
        if millis > 0 { text += "." + pad(millis, 3) }
        if offsetSeconds == 0 {
            text += "Z"
        } else {
            let sign = offsetSeconds < 0 ? "-" : "+"
            let magnitude = abs(offsetSeconds)
            text += sign + pad(magnitude / 3600, 2) + ":" + pad(magnitude / 60 % 60, 2)
        }
        return text
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}

extension String {
    func trimmingSpaces() -> Substring {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return s
    }
}
