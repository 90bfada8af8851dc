import PanyaSupport

/// Reads one field of a cron expression into bits or a day rule.
struct CronFieldParser {
    let field: CronField
    /// The field's text, upper-cased (ASCII letters only, so offsets match `original`).
    let token: String
    /// The field's text as written.
    let original: String
    /// The column of the field's first character in the whole expression.
    let column: Int
    /// All six field texts (for corrected examples).
    let words: [String]

    /// A mistake inside the field; `replacement` is a corrected text for the whole field.
    struct Failure: Error {
        var problem: ScheduleExpressionError.Problem
        var column: Int
        var length: Int
        var replacement: String?
    }

    /// What the field means.
    struct Result {
        var text: String
        var bits: UInt64 = 0
        var yearBits: [UInt64] = [0, 0, 0, 0]
        var dayOfMonth: CronExpression.DayOfMonthRule = .unspecified
        var dayOfWeek: CronExpression.DayOfWeekRule = .unspecified
    }

    /// The expression with this field replaced by `replacement`.
    func example(replacing replacement: String) -> String {
        var copy = words
        copy[field.rawValue] = replacement
        return "cron(\(copy.joined(separator: " ")))"
    }

    /// A value that fits this field whatever the other day field says.
    var defaultReplacement: String {
        switch field {
        case .dayOfMonth: return words[CronField.dayOfWeek.rawValue] == "?" ? "*" : "?"
        case .dayOfWeek: return words[CronField.dayOfMonth.rawValue] == "?" ? "*" : "?"
        default: return field.exampleValue
        }
    }

    func failure(_ problem: ScheduleExpressionError.Problem, offset: Int = 0, length: Int? = nil, replacement: String? = nil) -> Failure {
        Failure(problem: problem, column: column + offset, length: length ?? token.count, replacement: replacement ?? defaultReplacement)
    }

    /// The characters `offset..<offset+length` as the user wrote them.
    func written(_ offset: Int, _ length: Int) -> String {
        String(Array(original).dropFirst(offset).prefix(length))
    }

    /// The token with characters `offset..<offset+length` replaced.
    func splice(_ offset: Int, _ length: Int, _ text: String) -> String {
        let chars = Array(token)
        return String(chars[..<offset]) + text + String(chars[(offset + length)...])
    }

    func parse() throws(Failure) -> Result {
        var result = Result(text: token)
        let chars = Array(token)
        let isDayField = field == .dayOfMonth || field == .dayOfWeek
        if token == "?" {
            guard isDayField else { throw failure(.questionMarkNotAllowed(field)) }
            return result
        }
        if let mark = chars.firstIndex(of: "?") {
            throw failure(.questionMarkNotAllowed(field), offset: mark, length: 1)
        }
        if field == .dayOfMonth, let rule = try dayOfMonthSpecial(chars) {
            result.dayOfMonth = rule
            return result
        }
        if field == .dayOfWeek, let rule = try dayOfWeekSpecial(chars) {
            result.dayOfWeek = rule
            return result
        }
        // Plain lists of values, ranges and steps.
        var offset = 0
        for item in token.split(separator: ",", omittingEmptySubsequences: false) {
            let values = try parseItem(Array(item), offset: offset)
            for value in values {
                if field == .year {
                    let i = value - 1970
                    result.yearBits[i >> 6] |= 1 << UInt64(i & 63)
                } else {
                    result.bits |= 1 << UInt64(value)
                }
            }
            offset += item.count + 1
        }
        if field == .dayOfMonth { result.dayOfMonth = .days(UInt32(truncatingIfNeeded: result.bits)) }
        if field == .dayOfWeek { result.dayOfWeek = .weekdays(UInt8(truncatingIfNeeded: result.bits)) }
        return result
    }

    /// `L`, `LW`, `15W`; nil for a plain field. `L`/`W` mixed with anything else is an error.
    func dayOfMonthSpecial(_ chars: [Character]) throws(Failure) -> CronExpression.DayOfMonthRule? {
        if token == "L" { return .last }
        if token == "LW" { return .lastWeekday }
        if chars.count >= 2, chars.last == "W", chars.dropLast().allSatisfy(\.isASCIIDigit) {
            let number = Int(String(chars.dropLast())) ?? 0
            guard field.range.contains(number) else {
                let fixed = min(max(number, 1), 31)
                throw failure(.outOfRange(field, number), length: chars.count - 1, replacement: "\(fixed)W")
            }
            return .nearestWeekday(number)
        }
        if let special = chars.firstIndex(where: { $0 == "L" || $0 == "W" || $0 == "#" }) {
            throw failure(.specialNotAllowed(field, original), offset: special, length: 1)
        }
        return nil
    }

    /// `L`, `5L`, `FRIL`, `6#3`; nil for a plain field.
    func dayOfWeekSpecial(_ chars: [Character]) throws(Failure) -> CronExpression.DayOfWeekRule? {
        // `L` alone is the last day of the week: every Saturday.
        if token == "L" { return .weekdays(1 << 7) }
        if let hash = chars.firstIndex(of: "#") {
            let head = Array(chars[..<hash]), tail = Array(chars[(hash + 1)...])
            guard !head.contains(","), !head.contains("-"), !head.contains("/"), !head.isEmpty else {
                throw failure(.specialNotAllowed(field, original), offset: hash, length: 1)
            }
            let weekday = try value(head, offset: 0)
            guard !tail.isEmpty, tail.allSatisfy(\.isASCIIDigit), tail.count <= 3, let n = Int(String(tail)) else {
                throw failure(.specialNotAllowed(field, original), offset: hash, length: chars.count - hash)
            }
            guard (1...5).contains(n) else {
                throw failure(.occurrenceOutOfRange(n), offset: hash + 1, length: tail.count,
                              replacement: splice(hash + 1, tail.count, String(min(max(n, 1), 5))))
            }
            return .nth(weekday, n)
        }
        if chars.count >= 2, chars.last == "L", !chars.contains(","), !chars.contains("-"), !chars.contains("/") {
            let head = Array(chars.dropLast())
            return .last(try value(head, offset: 0))
        }
        if let special = chars.firstIndex(where: { $0 == "L" || $0 == "W" }), !isName(chars) {
            throw failure(.specialNotAllowed(field, original), offset: special, length: 1)
        }
        return nil
    }

    /// True when the whole token reads as names and list punctuation (so a stray L is a misspelt name).
    func isName(_ chars: [Character]) -> Bool {
        chars.split(whereSeparator: { ",-/".contains($0) }).contains { part in part.count >= 3 && part.allSatisfy(\.isASCIILetter) }
    }

    /// One list item: `*`, `5`, `MON`, `1-5`, `*/10`, `0/15`, `MON-FRI/2`.
    func parseItem(_ item: [Character], offset: Int) throws(Failure) -> [Int] {
        guard !item.isEmpty else { throw failure(.invalidValue(field, ""), offset: offset, length: 1) }
        var base = item
        var step = 1
        if let slash = item.firstIndex(of: "/") {
            base = Array(item[..<slash])
            let stepText = Array(item[(slash + 1)...])
            let parsed = stepText.allSatisfy(\.isASCIIDigit) && stepText.count <= 4 ? Int(String(stepText)) : nil
            guard let parsed, parsed >= 1, parsed <= field.range.upperBound else {
                let fixed = parsed.map { String(min(max($0, 1), field.range.upperBound)) } ?? "1"
                throw failure(.invalidStep(field, String(stepText)), offset: offset + slash + 1, length: max(1, stepText.count),
                              replacement: splice(offset + slash + 1, stepText.count, fixed))
            }
            step = parsed
        }
        var low = field.range.lowerBound, high = field.range.upperBound
        if base == ["*"] {
            // every value
        } else if let dash = base.firstIndex(of: "-"), dash > 0 {
            low = try value(Array(base[..<dash]), offset: offset)
            high = try value(Array(base[(dash + 1)...]), offset: offset + dash + 1)
            guard low <= high else {
                throw failure(.reversedRange(field, low, high), offset: offset, length: base.count,
                              replacement: splice(offset, base.count, "\(high)-\(low)"))
            }
        } else {
            low = try value(base, offset: offset)
            if item.firstIndex(of: "/") == nil { high = low }
        }
        return Array(stride(from: low, through: high, by: step))
    }

    /// A number or a name of this field.
    func value(_ text: [Character], offset: Int) throws(Failure) -> Int {
        let string = String(text)
        if !text.isEmpty, text.allSatisfy(\.isASCIIDigit) {
            guard text.count <= 5, let number = Int(string) else {
                throw failure(.invalidValue(field, written(offset, text.count)), offset: offset, length: text.count)
            }
            guard field.range.contains(number) else {
                let fixed = min(max(number, field.range.lowerBound), field.range.upperBound)
                throw failure(.outOfRange(field, number), offset: offset, length: text.count,
                              replacement: splice(offset, text.count, String(fixed)))
            }
            return number
        }
        if !text.isEmpty, text.allSatisfy(\.isASCIILetter), !field.names.isEmpty {
            if let index = field.names.firstIndex(of: string) { return index + 1 }
            let suggestion = field.names.first { string.hasPrefix($0) } ?? Suggestions.closest(to: string, in: field.names)
            throw failure(.unknownName(field, written(offset, text.count), suggestion: suggestion), offset: offset, length: text.count,
                          replacement: suggestion.map { splice(offset, text.count, $0) })
        }
        if ["L", "W", "LW", "#"].contains(string) || string.contains("#") {
            throw failure(.specialNotAllowed(field, written(offset, text.count)), offset: offset, length: max(1, text.count))
        }
        throw failure(.invalidValue(field, written(offset, text.count)), offset: offset, length: max(1, text.count))
    }
}
