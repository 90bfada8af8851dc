import PanyaSupport

/// Reads a TZif file (RFC 8536, versions 1–4) and extends its table with the footer's POSIX
/// rule up to 2200.
struct TZifReader {
    let bytes: [UInt8]

    func int32(_ at: Int) -> Int {
        Int(Int32(bitPattern: UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])))
    }

    func int64(_ at: Int) -> Int {
        var value: UInt64 = 0
        for i in 0..<8 { value = value << 8 | UInt64(bytes[at + i]) }
        return Int(Int64(bitPattern: value))
    }

    struct Header {
        var version: UInt8, isut: Int, isstd: Int, leap: Int, time: Int, type: Int, char: Int
    }

    func header(at start: Int) -> Header? {
        guard bytes.count >= start + 44, bytes[start..<(start + 4)].elementsEqual("TZif".utf8) else { return nil }
        return Header(version: bytes[start + 4], isut: int32(start + 20), isstd: int32(start + 24), leap: int32(start + 28),
                      time: int32(start + 32), type: int32(start + 36), char: int32(start + 40))
    }

    func read(identifier: String) -> ScheduleTimeZone? {
        guard let first = header(at: 0) else { return nil }
        var h = first, start = 44, timeSize = 4
        if first.version >= 0x32 {
            // Skip the 32-bit block; use the 64-bit one.
            let skip = first.time * 5 + first.type * 6 + first.char + first.leap * 8 + first.isstd + first.isut
            guard let second = header(at: 44 + skip) else { return nil }
            h = second
            start = 44 + skip + 44
            timeSize = 8
        }
        let typesStart = start + h.time * timeSize + h.time
        let end = typesStart + h.type * 6 + h.char + h.leap * (timeSize + 4) + h.isstd + h.isut
        guard h.type > 0, bytes.count >= end else { return nil }
        var offsetsOfType: [Int] = []
        for i in 0..<h.type { offsetsOfType.append(int32(typesStart + i * 6)) }
        var transitions: [Int] = [], offsets: [Int] = []
        for i in 0..<h.time {
            let at = timeSize == 8 ? int64(start + i * 8) : int32(start + i * 4)
            let type = Int(bytes[start + h.time * timeSize + i])
            guard type < offsetsOfType.count else { return nil }
            transitions.append(at)
            offsets.append(offsetsOfType[type])
        }
        if timeSize == 8, end < bytes.count, bytes[end] == 0x0A,
           let close = bytes[(end + 1)...].firstIndex(of: 0x0A),
           let footer = String(bytes: bytes[(end + 1)..<close], encoding: .utf8),
           let rule = PosixTimeZoneRule(footer) {
            let last = transitions.last ?? Int.min
            let firstYear = last == Int.min ? 1970 : CivilTime.fields(seconds: last).year
            if let dst = rule.daylight {
                var extra: [(Int, Int)] = []
                for year in firstYear...2200 {
                    extra.append((dst.start(year: year, offsetBefore: rule.standardOffset), dst.offset))
                    extra.append((dst.end(year: year, offsetBefore: dst.offset), rule.standardOffset))
                }
                for (at, offset) in extra.sorted(by: { $0.0 < $1.0 }) where at > last {
                    if offsets.last == offset { continue }
                    transitions.append(at)
                    offsets.append(offset)
                }
            } else if offsets.last.map({ $0 != rule.standardOffset }) ?? (rule.standardOffset != offsetsOfType[0]) {
                transitions.append(last == Int.min ? Int.min / 2 : last + 1)
                offsets.append(rule.standardOffset)
            }
        }
        return ScheduleTimeZone(identifier: identifier, transitions: transitions, offsets: offsets, initialOffset: offsetsOfType[0])
    }
}

/// The POSIX `TZ` rule at the end of a TZif file: `EST5EDT,M3.2.0,M11.1.0`, `JST-9`, `<+0330>-3:30`.
struct PosixTimeZoneRule {
    /// Offset from UTC in seconds (east positive) of standard time.
    var standardOffset: Int
    var daylight: Daylight?

    /// Daylight time and the dates it starts and ends.
    struct Daylight {
        var offset: Int
        var startDate: DateRule, startTime: Int
        var endDate: DateRule, endTime: Int

        func start(year: Int, offsetBefore: Int) -> Int { startDate.day(year: year) * 86400 + startTime - offsetBefore }
        func end(year: Int, offsetBefore: Int) -> Int { endDate.day(year: year) * 86400 + endTime - offsetBefore }
    }

    /// `Mm.w.d`, `Jn` (1–365, no leap day) or `n` (0–365).
    enum DateRule {
        case monthWeekDay(Int, Int, Int)
        case julianNoLeap(Int)
        case zeroBased(Int)

        /// The day number (since 1970) of this date in `year`.
        func day(year: Int) -> Int {
            switch self {
            case .monthWeekDay(let month, let week, let weekday):
                let first = CivilCalendar.days(year: year, month: month, day: 1)
                let firstWeekday = CivilTime.cronWeekday(days: first) - 1 // 0 = Sunday
                var day = 1 + (weekday - firstWeekday + 7) % 7 + 7 * (week - 1)
                let length = CivilCalendar.daysInMonth(year: year, month: month)
                while day > length { day -= 7 }
                return first + day - 1
            case .julianNoLeap(let n):
                let jan1 = CivilCalendar.days(year: year, month: 1, day: 1)
                return jan1 + n - 1 + (CivilCalendar.isLeap(year) && n >= 60 ? 1 : 0)
            case .zeroBased(let n):
                return CivilCalendar.days(year: year, month: 1, day: 1) + n
            }
        }
    }

    init?(_ text: String) {
        var scanner = Scanner(Array(text))
        guard scanner.name(), let std = scanner.offset() else { return nil }
        standardOffset = -std
        if scanner.atEnd { daylight = nil; return }
        guard scanner.name() else { return nil }
        var dstOffset = standardOffset + 3600
        if !scanner.peek(",") {
            guard let parsed = scanner.offset() else { return nil }
            dstOffset = -parsed
        }
        guard scanner.take(","), let startDate = scanner.dateRule() else { return nil }
        let startTime = scanner.take("/") ? scanner.offset() ?? 7200 : 7200
        guard scanner.take(","), let endDate = scanner.dateRule() else { return nil }
        let endTime = scanner.take("/") ? scanner.offset() ?? 7200 : 7200
        daylight = Daylight(offset: dstOffset, startDate: startDate, startTime: startTime, endDate: endDate, endTime: endTime)
    }

    struct Scanner {
        let chars: [Character]
        var i = 0
        init(_ chars: [Character]) { self.chars = chars }
        var atEnd: Bool { i >= chars.count }
        func peek(_ c: Character) -> Bool { i < chars.count && chars[i] == c }
        mutating func take(_ c: Character) -> Bool {
            guard peek(c) else { return false }
            i += 1
            return true
        }
        /// `EST` or `<+0330>`.
        mutating func name() -> Bool {
            if take("<") {
                while i < chars.count, chars[i] != ">" { i += 1 }
                return take(">")
            }
            let start = i
            while i < chars.count, chars[i].isLetter { i += 1 }
            return i - start >= 3
        }
        mutating func number() -> Int? {
            let start = i
            while i < chars.count, chars[i].isASCIIDigit { i += 1 }
            return i > start ? Int(String(chars[start..<i])) : nil
        }
        /// `[+-]hh[:mm[:ss]]` in seconds (POSIX sign: west positive).
        mutating func offset() -> Int? {
            var sign = 1
            if take("-") { sign = -1 } else { _ = take("+") }
            guard let hours = number() else { return nil }
            var total = hours * 3600
            if take(":") { total += (number() ?? 0) * 60 }
            if take(":") { total += number() ?? 0 }
            return sign * total
        }
        mutating func dateRule() -> DateRule? {
            if take("M") {
                guard let m = number(), take("."), let w = number(), take("."), let d = number(),
                      (1...12).contains(m), (1...5).contains(w), (0...6).contains(d) else { return nil }
                return .monthWeekDay(m, w, d)
            }
            if take("J") { return number().map { .julianNoLeap($0) } }
            return number().map { .zeroBased($0) }
        }
    }
}
