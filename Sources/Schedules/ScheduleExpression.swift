import PanyaSupport

/// An EventBridge Scheduler schedule expression: `cron(…)`, `rate(…)` or `at(…)`.
public enum ScheduleExpression: Sendable, Hashable, CustomStringConvertible {
    case cron(CronExpression)
    case rate(RateExpression)
    case at(AtExpression)

    /// Reads an expression exactly as EventBridge Scheduler does, or throws a
    /// ``ScheduleExpressionError`` pointing at the mistake.
    public static func parse(_ text: String) throws(ScheduleExpressionError) -> ScheduleExpression {
        try ScheduleExpressionParser(text).parse()
    }

    /// The expression in canonical form (`cron(30 6 * * ? *)`, `rate(5 minutes)`, `at(2026-04-01T06:30:00)`).
    public var description: String {
        switch self {
        case .cron(let cron): return cron.description
        case .rate(let rate): return rate.description
        case .at(let at): return at.description
        }
    }
}

/// `rate(N unit)`: every N minutes, hours or days from a start instant.
public struct RateExpression: Sendable, Hashable, CustomStringConvertible {
    /// The unit of a rate.
    public enum Unit: String, Sendable, Hashable, CaseIterable {
        case minute, hour, day

        /// The unit's length in seconds.
        public var seconds: Int {
            switch self {
            case .minute: return 60
            case .hour: return 3600
            case .day: return 86400
            }
        }
    }

    /// How many units between fires (at least 1).
    public let value: Int
    /// Minutes, hours or days.
    public let unit: Unit

    /// The period in seconds.
    public var seconds: Int { value * unit.seconds }

    /// `rate(1 hour)`, `rate(5 minutes)`.
    public var description: String { "rate(\(value) \(unit.rawValue)\(value == 1 ? "" : "s"))" }
}

/// `at(yyyy-mm-ddThh:mm:ss)`: once, at a local date and time.
public struct AtExpression: Sendable, Hashable, CustomStringConvertible {
    /// The local date and time, as written.
    public let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    /// The local date and time as seconds since 1970 read as a wall clock.
    var localSeconds: Int {
        CivilCalendar.days(year: year, month: month, day: day) * 86400 + hour * 3600 + minute * 60 + second
    }

    /// `at(2026-04-01T06:30:00)`.
    public var description: String { "at(\(CivilTime.isoText(seconds: localSeconds)))" }
}
