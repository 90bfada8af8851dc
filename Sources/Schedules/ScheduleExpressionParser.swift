import PanyaSupport

/// Reads the text of a schedule expression; errors carry the column and a corrected example.
struct ScheduleExpressionParser {
    let text: String
    let characters: [Character]
    /// When false, errors carry their examples unchecked (used while checking an example).
    let checksExamples: Bool

    init(_ text: String, checksExamples: Bool = true) {
        self.text = text
        self.characters = Array(text)
        self.checksExamples = checksExamples
    }

    static let genericExample = "cron(30 6 * * ? *)"

    func fail(_ problem: ScheduleExpressionError.Problem, field: CronField? = nil, column: Int, length: Int,
              example: String?) -> ScheduleExpressionError {
        ScheduleExpressionError(problem, field: field, expression: text, column: column, length: length,
                                example: checksExamples ? example.flatMap { Self.validExample($0) } : example)
    }

    /// `candidate` when it parses, else the example its own error offers (a few rounds), else nil.
    static func validExample(_ candidate: String, rounds: Int = 6) -> String? {
        var current = candidate
        for _ in 0..<rounds {
            do {
                return try ScheduleExpressionParser(current, checksExamples: false).parse().description
            } catch {
                guard let next = error.example, next != current else { return nil }
                current = next
            }
        }
        return nil
    }

    func parse() throws(ScheduleExpressionError) -> ScheduleExpression {
        guard let open = characters.firstIndex(of: "(") else {
            let word = text.split(separator: " ").first.map(String.init) ?? text
            throw fail(.unknownKind(word), column: 1, length: max(1, word.count), example: kindExample(word, inner: nil))
        }
        let kind = String(characters[..<open])
        let closes = characters.indices.filter { characters[$0] == ")" }
        // The first `)` after the `(` (a `)` before it, as in `)(`, is a misplaced parenthesis below).
        let innerEnd = closes.first { $0 > open } ?? characters.count
        let inner = Array(characters[(open + 1)..<innerEnd])
        guard ["cron", "rate", "at"].contains(kind) else {
            throw fail(.unknownKind(kind), column: 1, length: max(1, kind.count), example: kindExample(kind, inner: String(inner)))
        }
        guard closes.count == 1, closes[0] == characters.count - 1 else {
            let column = closes.count >= 1 ? closes[0] + 2 : characters.count + 1
            throw fail(.parenthesis, column: min(column, characters.count + 1), length: 1,
                       example: "\(kind)(\(String(inner)))")
        }
        let innerColumn = open + 2
        switch kind {
        case "cron": return .cron(try parseCron(inner, column: innerColumn))
        case "rate": return .rate(try parseRate(inner, column: innerColumn))
        default: return .at(try parseAt(inner, column: innerColumn))
        }
    }

    func kindExample(_ kind: String, inner: String?) -> String {
        let lower = kind.lowercased()
        let guess = ["cron", "rate", "at"].contains(lower) ? lower : Suggestions.closest(to: lower, in: ["cron", "rate", "at"])
        if let guess, let inner { return "\(guess)(\(inner))" }
        return Self.genericExample
    }

    // MARK: rate

    func parseRate(_ inner: [Character], column: Int) throws(ScheduleExpressionError) -> RateExpression {
        let words = tokens(inner, column: column)
        guard words.count == 2 else {
            throw fail(.rateFormat, column: column, length: max(1, inner.count), example: "rate(5 minutes)")
        }
        let (valueText, valueColumn) = words[0]
        let (unitText, unitColumn) = words[1]
        let singularUnit = unitText.hasSuffix("s") ? String(unitText.dropLast()) : unitText
        let knownUnit = RateExpression.Unit(rawValue: singularUnit)
        guard valueText.allSatisfy(\.isASCIIDigit), valueText.count <= 9, let value = Int(valueText), value >= 1 else {
            let unit = knownUnit ?? .minute
            throw fail(.rateValue(valueText), column: valueColumn, length: valueText.count, example: "rate(5 \(unit.rawValue)s)")
        }
        guard let unit = knownUnit else {
            // The unit meant, by its first letter (mins, hr, dayz), in the number the value needs.
            let first = unitText.lowercased().first
            let meant = RateExpression.Unit.allCases.first { $0.rawValue.first == first }
            let suggestion = meant.map { $0.rawValue + (value == 1 ? "" : "s") }
            throw fail(.rateUnit(unitText, suggestion: suggestion), column: unitColumn, length: unitText.count,
                       example: RateExpression(value: value, unit: meant ?? .minute).description)
        }
        let expected = unit.rawValue + (value == 1 ? "" : "s")
        guard unitText == expected else {
            throw fail(.rateUnitNumber(value: value, unit: unitText, expected: expected), column: unitColumn,
                       length: unitText.count, example: RateExpression(value: value, unit: unit).description)
        }
        return RateExpression(value: value, unit: unit)
    }

    // MARK: at

    func parseAt(_ inner: [Character], column: Int) throws(ScheduleExpressionError) -> AtExpression {
        let body = String(inner)
        let shape = Array("dddd-dd-ddTdd:dd:dd")
        let fits = inner.count == shape.count && zip(inner, shape).allSatisfy { c, s in s == "d" ? c.isASCIIDigit : c == s }
        guard fits else {
            var guess = body.replacingOccurrences(" ", with: "T")
            if guess.count == 16 { guess += ":00" }
            let example = guess == body ? "at(2026-04-01T06:30:00)" : "at(\(guess))"
            throw fail(.atFormat(body), column: column, length: max(1, inner.count),
                       example: Self.validExample(example) == nil ? "at(2026-04-01T06:30:00)" : example)
        }
        func number(_ from: Int, _ count: Int) -> Int { Int(String(inner[from..<(from + count)])) ?? 0 }
        let (year, month, day) = (number(0, 4), number(5, 2), number(8, 2))
        let (hour, minute, second) = (number(11, 2), number(14, 2), number(17, 2))
        let fixedYear = min(max(year, 1970), 2199), fixedMonth = min(max(month, 1), 12)
        let fixedDay = min(max(day, 1), CivilCalendar.daysInMonth(year: fixedYear, month: fixedMonth))
        let fixed = AtExpression(year: fixedYear, month: fixedMonth, day: fixedDay, hour: min(hour, 23),
                                 minute: min(minute, 59), second: min(second, 59))
        guard fixed == AtExpression(year: year, month: month, day: day, hour: hour, minute: minute, second: second) else {
            throw fail(.atInvalidDate(body), column: column, length: inner.count, example: fixed.description)
        }
        return fixed
    }

    // MARK: cron

    /// Space-separated words with the column of each.
    func tokens(_ inner: [Character], column: Int) -> [(String, Int)] {
        var result: [(String, Int)] = []
        var current = ""
        var start = 0
        for (i, c) in inner.enumerated() {
            if c == " " || c == "\t" {
                if !current.isEmpty { result.append((current, start)); current = "" }
            } else {
                if current.isEmpty { start = column + i }
                current.append(c)
            }
        }
        if !current.isEmpty { result.append((current, start)) }
        return result
    }

    func parseCron(_ inner: [Character], column: Int) throws(ScheduleExpressionError) -> CronExpression {
        let words = tokens(inner, column: column)
        guard words.count == 6 else {
            var fixed = words.map(\.0)
            if fixed.count == 5 { fixed.append("*") } else if fixed.count == 7 { fixed.removeFirst() }
            let example = fixed.count == 6 ? "cron(\(fixed.joined(separator: " ")))" : Self.genericExample
            throw fail(.fieldCount(found: words.count), column: column, length: max(1, inner.count), example: example)
        }
        var fields: [CronFieldParser.Result] = []
        for field in CronField.allCases {
            let parser = CronFieldParser(field: field, token: words[field.rawValue].0.asciiUppercased,
                                         original: words[field.rawValue].0, column: words[field.rawValue].1,
                                         words: words.map(\.0.asciiUppercased))
            do {
                fields.append(try parser.parse())
            } catch {
                throw fail(error.problem, field: field, column: error.column, length: error.length,
                           example: error.replacement.map { parser.example(replacing: $0) })
            }
        }
        let dom = fields[CronField.dayOfMonth.rawValue], dow = fields[CronField.dayOfWeek.rawValue]
        let domWord = words[CronField.dayOfMonth.rawValue], dowWord = words[CronField.dayOfWeek.rawValue]
        let canonical = fields.map(\.text)
        func replaced(_ field: CronField, _ value: String) -> String {
            var copy = canonical
            copy[field.rawValue] = value
            return "cron(\(copy.joined(separator: " ")))"
        }
        switch (dom.dayOfMonth == .unspecified, dow.dayOfWeek == .unspecified) {
        case (false, false):
            let bothStars = dom.text == "*" && dow.text == "*"
            // Keep the field that says something: `* MON` → `? MON`, `15 *` → `15 ?`, `15 MON` → `? MON`.
            let target: CronField = dow.text == "*" ? .dayOfWeek : .dayOfMonth
            let word = target == .dayOfWeek ? dowWord : domWord
            throw fail(.bothDaysSet(bothStars: bothStars), field: target, column: word.1, length: word.0.count,
                       example: replaced(target, "?"))
        case (true, true):
            throw fail(.bothDaysUnspecified, field: .dayOfMonth, column: domWord.1, length: domWord.0.count,
                       example: replaced(.dayOfMonth, "*"))
        default:
            break
        }
        return CronExpression(fields: canonical, minutes: fields[0].bits, hours: UInt32(truncatingIfNeeded: fields[1].bits),
                              months: UInt16(truncatingIfNeeded: fields[3].bits), years: fields[5].yearBits,
                              dayOfMonth: dom.dayOfMonth, dayOfWeek: dow.dayOfWeek)
    }
}

extension Character {
    /// `0`–`9` (cheap: no Unicode property lookup).
    var isASCIIDigit: Bool { asciiValue.map { (48...57).contains($0) } ?? false }
    /// `A`–`Z` or `a`–`z`.
    var isASCIILetter: Bool { asciiValue.map { (65...90).contains($0) || (97...122).contains($0) } ?? false }
}

extension String {
    /// Upper-cases ASCII letters only, keeping every other character (and so every offset).
    var asciiUppercased: String {
        String(String.UnicodeScalarView(unicodeScalars.map { (97...122).contains($0.value) ? Unicode.Scalar(UInt8($0.value - 32)) : $0 }))
    }

    func replacingOccurrences(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
