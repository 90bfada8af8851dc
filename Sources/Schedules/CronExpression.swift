import PanyaSupport

/// A parsed `cron(minutes hours day-of-month month day-of-week year)` expression, as
/// EventBridge Scheduler reads it. Build one with ``ScheduleExpression/parse(_:)``.
public struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    /// The six field texts in canonical form (names upper-cased), in ``CronField`` order.
    public let fields: [String]

    let minutes: UInt64
    let hours: UInt32
    let months: UInt16
    let years: [UInt64]
    let dayOfMonth: DayOfMonthRule
    let dayOfWeek: DayOfWeekRule

    /// What the day-of-month field says.
    enum DayOfMonthRule: Sendable, Hashable {
        /// `?`: the day-of-week field decides.
        case unspecified
        /// A set of days (bits 1–31).
        case days(UInt32)
        /// `L`: the last day of the month.
        case last
        /// `LW`: the last weekday (Monday–Friday) of the month.
        case lastWeekday
        /// `15W`: the weekday nearest the 15th, within the month.
        case nearestWeekday(Int)
    }

    /// What the day-of-week field says (1 = Sunday).
    enum DayOfWeekRule: Sendable, Hashable {
        /// `?`: the day-of-month field decides.
        case unspecified
        /// A set of weekdays (bits 1–7).
        case weekdays(UInt8)
        /// `5L`: the last such weekday of the month.
        case last(Int)
        /// `6#3`: the n-th such weekday of the month.
        case nth(Int, Int)
    }

    /// `cron(30 6 * * ? *)`.
    public var description: String { "cron(\(fields.joined(separator: " ")))" }

    func yearMatches(_ year: Int) -> Bool {
        let i = year - 1970
        guard i >= 0, i < 230 else { return false }
        return years[i >> 6] & (1 << UInt64(i & 63)) != 0
    }

    /// The days (bits 1–31) of a month on which the expression fires.
    func dayMask(year: Int, month: Int) -> UInt32 {
        let length = CivilCalendar.daysInMonth(year: year, month: month)
        let valid: UInt32 = (UInt32(1) << UInt32(length + 1)) &- 2
        let firstDay = CivilCalendar.days(year: year, month: month, day: 1)
        let firstWeekday = CivilTime.cronWeekday(days: firstDay)
        func weekday(_ day: Int) -> Int { (firstWeekday - 1 + day - 1) % 7 + 1 }
        switch dayOfMonth {
        case .days(let mask):
            return mask & valid
        case .last:
            return 1 << UInt32(length)
        case .lastWeekday:
            var day = length
            while weekday(day) == 1 || weekday(day) == 7 { day -= 1 }
            return 1 << UInt32(day)
        case .nearestWeekday(let target):
            guard target <= length else { return 0 }
            var day = target
            switch weekday(target) {
            case 7: day = target == 1 ? 3 : target - 1
            case 1: day = target == length ? target - 2 : target + 1
            default: break
            }
            return 1 << UInt32(day)
        case .unspecified:
            break
        }
        switch dayOfWeek {
        case .weekdays(let set):
            var mask: UInt32 = 0
            for day in 1...length where set & (1 << UInt8(weekday(day))) != 0 { mask |= 1 << UInt32(day) }
            return mask
        case .last(let target):
            var day = length
            while weekday(day) != target { day -= 1 }
            return 1 << UInt32(day)
        case .nth(let target, let n):
            let first = (target - firstWeekday + 7) % 7 + 1
            let day = first + 7 * (n - 1)
            return day <= length ? 1 << UInt32(day) : 0
        case .unspecified:
            return 0
        }
    }

    /// The first local wall-clock minute at or after `start` (seconds since 1970 read as a wall
    /// clock) that the expression matches, or nil when none is left before 2200.
    func nextMatch(atOrAfter start: Int) -> Int? {
        let f = CivilTime.fields(seconds: start)
        var (year, month, day, hour, minute) = (f.year, f.month, f.day, f.hour, f.minute)
        var cached: (year: Int, month: Int, mask: UInt32) = (0, 0, 0)
        while year <= 2199 {
            guard yearMatches(year), let foundMonth = Self.firstBit(UInt64(months), from: month) else {
                (year, month, day, hour, minute) = (year + 1, 1, 1, 0, 0)
                continue
            }
            if foundMonth != month { (month, day, hour, minute) = (foundMonth, 1, 0, 0) }
            if cached.year != year || cached.month != month { cached = (year, month, dayMask(year: year, month: month)) }
            guard let foundDay = Self.firstBit(UInt64(cached.mask), from: day) else {
                (month, day, hour, minute) = (month + 1, 1, 0, 0)
                continue
            }
            if foundDay != day { (day, hour, minute) = (foundDay, 0, 0) }
            guard let foundHour = Self.firstBit(UInt64(hours), from: hour) else {
                (day, hour, minute) = (day + 1, 0, 0)
                continue
            }
            if foundHour != hour { (hour, minute) = (foundHour, 0) }
            guard let foundMinute = Self.firstBit(minutes, from: minute) else {
                (hour, minute) = (hour + 1, 0)
                continue
            }
            return CivilCalendar.days(year: year, month: month, day: day) * 86400 + hour * 3600 + foundMinute * 60
        }
        return nil
    }

    /// The lowest set bit at or above `from`, or nil.
    static func firstBit(_ mask: UInt64, from: Int) -> Int? {
        guard from < 64 else { return nil }
        let shifted = mask >> UInt64(from)
        return shifted == 0 ? nil : from + shifted.trailingZeroBitCount
    }
}
