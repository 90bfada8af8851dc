/// The six fields of a `cron(…)` expression, in order.
public enum CronField: Int, Sendable, CaseIterable, Hashable {
    case minutes, hours, dayOfMonth, month, dayOfWeek, year

    /// The field's name as the EventBridge documentation writes it (`day-of-week`).
    public var name: String {
        switch self {
        case .minutes: return "minutes"
        case .hours: return "hours"
        case .dayOfMonth: return "day-of-month"
        case .month: return "month"
        case .dayOfWeek: return "day-of-week"
        case .year: return "year"
        }
    }

    /// The smallest and largest number the field accepts.
    public var range: ClosedRange<Int> {
        switch self {
        case .minutes: return 0...59
        case .hours: return 0...23
        case .dayOfMonth: return 1...31
        case .month: return 1...12
        case .dayOfWeek: return 1...7
        case .year: return 1970...2199
        }
    }

    /// The names the field accepts, in value order (`JAN` = 1, `SUN` = 1), or none.
    var names: [String] {
        switch self {
        case .month: return ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        case .dayOfWeek: return ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
        default: return []
        }
    }

    /// A value that is always valid in this field, for corrected examples.
    var exampleValue: String {
        switch self {
        case .minutes: return "0"
        case .hours: return "6"
        case .dayOfMonth, .month, .year: return "*"
        case .dayOfWeek: return "?"
        }
    }
}
