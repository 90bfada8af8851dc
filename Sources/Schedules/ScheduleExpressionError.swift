import PanyaSupport

/// A schedule expression EventBridge Scheduler would refuse: what is wrong, in which field and
/// column, what the field accepts, and a corrected example.
public struct ScheduleExpressionError: UserFacingError, CustomStringConvertible, Equatable {
    /// The mistake, one case per kind.
    public enum Problem: Sendable, Equatable {
        /// Not `cron(…)`, `rate(…)` or `at(…)`.
        case unknownKind(String)
        /// The closing `)` is missing, or text follows it.
        case parenthesis
        /// `cron` needs six fields; `found` were given.
        case fieldCount(found: Int)
        /// A value that is neither a number nor a name the field knows.
        case invalidValue(CronField, String)
        /// A number outside the field's range.
        case outOfRange(CronField, Int)
        /// A name the field does not know (`suggestion` is the closest one).
        case unknownName(CronField, String, suggestion: String?)
        /// A range written high-low.
        case reversedRange(CronField, Int, Int)
        /// A step (`/n`) that is not a whole number from 1 up to the field's largest value.
        case invalidStep(CronField, String)
        /// `?` in a field other than the two day fields, or inside a list.
        case questionMarkNotAllowed(CronField)
        /// `L`, `W` or `#` where the field does not take it, or mixed with other values.
        case specialNotAllowed(CronField, String)
        /// `#` with an occurrence outside 1–5.
        case occurrenceOutOfRange(Int)
        /// Neither day field is `?` (`bothStars` when both are `*`).
        case bothDaysSet(bothStars: Bool)
        /// Both day fields are `?`.
        case bothDaysUnspecified
        /// `rate(…)` that is not a number and a unit.
        case rateFormat
        /// The rate's value is not a whole number of at least 1.
        case rateValue(String)
        /// A unit other than minute(s), hour(s), day(s).
        case rateUnit(String, suggestion: String?)
        /// `rate(1 minutes)` or `rate(5 minute)`.
        case rateUnitNumber(value: Int, unit: String, expected: String)
        /// `at(…)` not written yyyy-mm-ddThh:mm:ss.
        case atFormat(String)
        /// `at(…)` naming a date or time that does not exist (February 30, 24:00).
        case atInvalidDate(String)
    }

    /// What is wrong.
    public var problem: Problem
    /// The expression as written.
    public var expression: String
    /// The 1-based column (in characters) where the bad part starts.
    public var column: Int
    /// How many characters the bad part covers (at least 1).
    public var length: Int
    /// A corrected expression, when one can be shown.
    public var example: String?
    /// The cron field the mistake is in, when it is in one.
    public var field: CronField?

    public init(_ problem: Problem, field: CronField? = nil, expression: String, column: Int, length: Int, example: String?) {
        self.problem = problem
        self.field = field
        self.expression = expression
        self.column = max(1, column)
        self.length = max(1, length)
        self.example = example
    }

    public var code: String? {
        switch problem {
        case .unknownKind: return "UnknownExpressionKind"
        case .parenthesis: return "Parenthesis"
        case .fieldCount: return "CronFieldCount"
        case .invalidValue: return "CronInvalidValue"
        case .outOfRange: return "CronValueOutOfRange"
        case .unknownName: return "CronUnknownName"
        case .reversedRange: return "CronReversedRange"
        case .invalidStep: return "CronInvalidStep"
        case .questionMarkNotAllowed: return "CronQuestionMarkNotAllowed"
        case .specialNotAllowed: return "CronSpecialNotAllowed"
        case .occurrenceOutOfRange: return "CronOccurrenceOutOfRange"
        case .bothDaysSet: return "CronBothDaysSet"
        case .bothDaysUnspecified: return "CronBothDaysUnspecified"
        case .rateFormat: return "RateFormat"
        case .rateValue: return "RateValue"
        case .rateUnit: return "RateUnit"
        case .rateUnitNumber: return "RateUnitNumber"
        case .atFormat: return "AtFormat"
        case .atInvalidDate: return "AtInvalidDate"
        }
    }

    /// Where, what, what the field accepts, and the corrected example, in one sentence.
    public var message: Message {
        Catalog.scheduleErrorPlace(field: field, column: column) + .verbatim(": ")
            + Catalog.scheduleErrorProblem(problem, example: example)
    }

    public var description: String { message.en }

    /// The expression, a caret line under the bad part, and the message:
    /// ```
    /// cron(30 6 * * * *)
    ///               ^
    /// day-of-week (column 15): …
    /// ```
    public func rendered(_ language: UILanguage) -> String {
        let characters = Array(expression)
        let before = String(characters.prefix(column - 1))
        let covered = String(characters.dropFirst(column - 1).prefix(length))
        let pad = String(repeating: " ", count: DisplayWidth.of(before))
        let carets = String(repeating: "^", count: max(1, DisplayWidth.of(covered)))
        return "\(expression)\n\(pad)\(carets)\n\(message.text(language))"
    }
}
