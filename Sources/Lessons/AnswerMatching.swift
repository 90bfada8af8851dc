import Foundation
import PanyaLanguage
import PanyaSupport

/// How a quiz compares what the student typed with the answer (lessons.md): numbers within 1e-9,
/// strings trimmed, lists and maps element by element, everything else structurally — and, for
/// what a student types, the forgiving reading a teacher relies on: units after a number
/// (`3種類`, `5分`, `1330ドル`), thousands separators, full-width and half-width forms,
/// hiragana = katakana, letter case, はい = yes, number words (`three`), and the answer's listed
/// alternatives (`answer "同じ" or "same"`).
public enum AnswerMatching {
    /// What a typed answer is worth.
    public enum Verdict: Equatable {
        /// One of the accepted answers.
        case right
        /// A number was asked for and the answer holds one in a form that cannot be read
        /// (`3 breads?`): the student is asked for just the number; not counted as a wrong try.
        case justTheNumber
        /// Not the answer.
        case wrong
    }

    public static func matches(_ given: Value, _ expected: Value) -> Bool {
        switch (given, expected) {
        case (.number(let a), .number(let b)):
            return abs(a - b) <= 1e-9
        case (.string(let a), .string(let b)):
            return a.trimmingCharacters(in: .whitespacesAndNewlines) == b.trimmingCharacters(in: .whitespacesAndNewlines)
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { matches($0, $1) }
        case (.map(let a), .map(let b)):
            return a.count == b.count && a.elements.allSatisfy { entry in b[entry.key].map { matches(entry.value, $0) } ?? false }
        default:
            return given == expected
        }
    }

    /// The alternatives of a quiz's `answer`: `"同じ" or "same" or "true"` is three answers; any
    /// other expression is one. (An `or` of conditions that are all true/false is one answer: the
    /// caller evaluates the parts and keeps the whole when every part is a bool.)
    public static func alternatives(_ expr: Expr) -> [Expr] {
        switch expr {
        case .logical(.or, let left, let right, _):
            return alternatives(left) + alternatives(right)
        case .chain(let first, let steps, _):
            var parts = [first]
            for step in steps {
                guard case .logical(.or, let operand) = step.operation else { return [expr] }
                parts.append(operand)
            }
            return parts.flatMap(alternatives)
        default:
            return [expr]
        }
    }

    /// Judges `typed` against every accepted answer; `evaluate` reads the text as an expression of
    /// the lesson (`180 + 150 + 220`, `len(r.labels)`), nil when it is none.
    public static func judge(_ typed: String, accepted: [Value], evaluate: (String) -> Value?) -> Verdict {
        let text = unquoted(normalized(typed))
        for expected in accepted where matchesTyped(text, expected) { return .right }
        if let value = evaluate(normalized(typed)), accepted.contains(where: { matches(value, $0) }) { return .right }
        if accepted.contains(where: { if case .number = $0 { return true } else { return false } }),
           number(in: text) == nil, text.contains(where: { $0.isASCII && $0.isNumber }) {
            return .justTheNumber
        }
        return .wrong
    }

    /// Whether already-normalized typed text is `expected` without evaluating it.
    static func matchesTyped(_ text: String, _ expected: Value) -> Bool {
        switch expected {
        case .number(let n):
            guard let typed = number(in: text) else { return false }
            return abs(typed - n) <= 1e-9
        case .string(let answer):
            if let typedNumber = number(in: text), let answerNumber = number(in: unquoted(normalized(answer))) {
                return abs(typedNumber - answerNumber) <= 1e-9
            }
            return folded(text) == folded(normalized(answer))
        case .bool(let b):
            return yesNo(folded(text)) == b
        default:
            return false
        }
    }

    /// Full-width ASCII look-alikes (`５９４`, `＋`) as half-width, half-width katakana as full-width,
    /// the ideographic space as a space, trimmed.
    public static func normalized(_ typed: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in typed.unicodeScalars {
            if s.value >= 0xFF01 && s.value <= 0xFF5E, let half = Unicode.Scalar(s.value - 0xFEE0) {
                scalars.append(half)
            } else if s.value == 0x3000 {
                scalars.append(" ")
            } else {
                scalars.append(s)
            }
        }
        var text = String(scalars)
        // Half-width katakana (ｱ, ﾊﾟ) as full-width: compatibility mapping, then composition.
        if text.unicodeScalars.contains(where: { (0xFF61...0xFF9F).contains($0.value) }) {
            text = text.precomposedStringWithCompatibilityMapping
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A word as compared: katakana as hiragana, lower case, no spaces, no closing 。/.
    static func folded(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in text.lowercased().unicodeScalars {
            if s.properties.isWhitespace { continue }
            if (0x30A1...0x30F6).contains(s.value), let hiragana = Unicode.Scalar(s.value - 0x60) {
                scalars.append(hiragana)
            } else {
                scalars.append(s)
            }
        }
        var word = String(scalars)
        while let last = word.last, "。.!！".contains(last) { word.removeLast() }
        return yesNo(word).map { $0 ? "yes" : "no" } ?? word
    }

    /// はい / yes / true / 同じ as true, いいえ / no / false / ちがう as false, else nil (already
    /// folded: katakana as hiragana, lower case, no spaces).
    static func yesNo(_ word: String) -> Bool? {
        switch word {
        // "Is it the same?" questions: the same / different answer them (true (同じ) or false (ちがう)).
        case "yes", "y", "true", "はい", "うん", "同じ", "おなじ", "same", "thesame": return true
        case "no", "n", "false", "いいえ", "いえ", "ううん", "ちがう", "違う", "ちがいます", "違います", "different", "notthesame": return false
        default: return nil
        }
    }

    /// Units a number may carry in an answer, longest first among those sharing an ending.
    static let units = ["種類", "時間", "ドル", "USD", "usd", "yen", "JPY", "jpy", "円", "個", "分", "枚", "つ", "本", "回", "人", "件", "秒",
                        "日", "か月", "ヶ月", "カ月", "%", "パーセント", "percent",
                        "dollars", "dollar", "minutes", "minute", "mins", "min", "hours", "hour", "hrs", "hr", "h",
                        "seconds", "second", "secs", "sec", "s", "days", "day", "photos", "photo", "breads", "bread",
                        "kinds", "kind", "labels", "label", "pieces", "piece", "times", "yen"]

    /// The number an answer states: digits (with thousands separators and a unit: `1,330ドル`,
    /// `$1330`, `5 分`) or a number word (`three`, `三`, `みっつ`); nil when it is not one.
    public static func number(in typed: String) -> Double? {
        var text = typed.trimmingCharacters(in: .whitespaces)
        if let word = numberWords[text.lowercased()] { return word }
        for prefix in ["$", "¥", "￥", "約", "about "] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        for unit in units.sorted(by: { $0.count > $1.count }) where text.count > unit.count && text.hasSuffix(unit) {
            text = String(text.dropLast(unit.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        if let word = numberWords[text.lowercased()] { return word }
        if text.range(of: #"^-?\d{1,3}(,\d{3})+(\.\d+)?$"#, options: .regularExpression) != nil {
            text = text.replacingOccurrences(of: ",", with: "")
        }
        guard text.range(of: #"^-?(\d+(\.\d+)?|\.\d+)$"#, options: .regularExpression) != nil else { return nil }
        return Double(text)
    }

    /// Number words a student may type for a small count.
    static let numberWords: [String: Double] = {
        var words: [String: Double] = [:]
        let english = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                       "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
        for (n, word) in english.enumerated() { words[word] = Double(n) }
        for (n, word) in ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"].enumerated() { words[word] = Double(n) }
        for (n, word) in ["ひとつ", "ふたつ", "みっつ", "よっつ", "いつつ", "むっつ", "ななつ", "やっつ", "ここのつ", "とお"].enumerated() {
            words[word] = Double(n + 1)
        }
        words["ゼロ"] = 0
        words["none"] = 0
        return words
    }()

    /// The answers a quiz accepts: each alternative's value (``alternatives(_:)``), or the whole
    /// answer's when it is one expression or an `or` of conditions (every part true or false).
    public static func accepted<E: Error>(_ answer: Expr, evaluate: (Expr) throws(E) -> Value) throws(E) -> [Value] {
        let parts = alternatives(answer)
        if parts.count > 1, let values = try? parts.map({ (part: Expr) throws(E) -> Value in try evaluate(part) }),
           !values.allSatisfy({ if case .bool = $0 { return true } else { return false } }) {
            return values
        }
        return [try evaluate(answer)]
    }

    /// The text without surrounding quotes (`"メロンパン"` → `メロンパン`).
    static func unquoted(_ text: String) -> String {
        for (open, close) in [("\"", "\""), ("「", "」"), ("“", "”"), ("'", "'")] where text.count >= 2 && text.hasPrefix(open) && text.hasSuffix(close) {
            return String(text.dropFirst().dropLast())
        }
        return text
    }
}
