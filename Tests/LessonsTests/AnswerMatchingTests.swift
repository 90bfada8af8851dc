import PanyaLanguage
import Testing
@testable import Lessons

/// What a student types against what the quiz expects: every form a teacher would mark right.
@Suite struct AnswerMatchingTests {
    static func judge(_ typed: String, _ accepted: [Value]) -> AnswerMatching.Verdict {
        AnswerMatching.judge(typed, accepted: accepted) { _ in nil }
    }

    @Test(arguments: [
        ("3種類", 3.0), ("1個", 1), ("three", 3), ("Three", 3), ("三", 3), ("みっつ", 3), ("5分", 5), ("5 分", 5), ("24時間", 24),
        ("1330ドル", 1330), ("1,330ドル", 1330), ("1330 USD", 1330), ("$1330", 1330), ("1330 dollars", 1330), ("403,200円", 403200),
        ("403200 yen", 403200), ("５９４円", 594), ("２４時間", 24), ("30枚", 30), ("0.862", 0.862), ("86.2", 86.2), ("5 minutes", 5),
        ("24 hours", 24), ("one", 1), ("2つ", 2), ("  4  ", 4),
    ])
    func numbersWithUnitsWordsAndSeparators(typed: String, expected: Double) {
        #expect(Self.judge(typed, [.number(expected)]) == .right, "\(typed)")
    }

    @Test(arguments: [
        ("めろんぱん", "メロンパン"), ("ﾒﾛﾝﾊﾟﾝ", "メロンパン"), ("メロンパン", "メロンパン"), ("「メロンパン」", "メロンパン"), ("\"メロンパン\"", "メロンパン"),
        ("あんパン", "あんぱん"), ("やきそばパン", "ヤキソバパン"), ("b", "B"), ("Below", "below"), ("BELOW", "below"),
        ("yes", "はい"), ("はい", "yes"), ("いいえ", "no"), ("No", "いいえ"), ("TRAINING_COMPLETED", "TRAINING_COMPLETED"),
        ("training_completed", "TRAINING_COMPLETED"), ("いいえ。", "いいえ"),
    ])
    func wordsInAnyKanaAndCase(typed: String, expected: String) {
        #expect(Self.judge(typed, [.string(expected)]) == .right, "\(typed)")
    }

    @Test(arguments: [("はい", true), ("yes", true), ("true", true), ("いいえ", false), ("no", false), ("false", false),
                      ("同じ", true), ("same", true), ("ちがう", false), ("違う", false), ("different", false)])
    func yesAndNoForATrueOrFalseAnswer(typed: String, expected: Bool) {
        #expect(Self.judge(typed, [.bool(expected)]) == .right)
        #expect(Self.judge(typed, [.bool(!expected)]) == .wrong)
    }

    @Test(arguments: [("した", ["下", "した", "below", "lower"]), ("lower", ["下", "した", "below", "lower"]),
                      ("同じ", ["はい", "同じ"]), ("ちがう", ["いいえ", "ちがう"]), ("違う", ["いいえ", "ちがう", "違う"])])
    func theLessonsListedAlternatives(typed: String, accepted: [String]) {
        #expect(Self.judge(typed, accepted.map { .string($0) }) == .right)
    }

    @Test(arguments: [("4", 3.0), ("30", 20), ("2880", 2879.93), ("four", 3)])
    func wrongNumbersAreWrong(typed: String, expected: Double) {
        #expect(Self.judge(typed, [.number(expected)]) == .wrong)
    }

    @Test(arguments: ["3 breads?", "3こくらい", "about 3 or 4", "3-4"])
    func aNumberInAFormThatCannotBeReadAsksForJustTheNumber(typed: String) {
        #expect(Self.judge(typed, [.number(3)]) == .justTheNumber)
    }

    @Test(arguments: [("メロン", "メロンパン"), ("上", "下"), ("yes", "いいえ"), ("3", "4")])
    func wrongWordsAreWrong(typed: String, expected: String) {
        #expect(Self.judge(typed, [.string(expected)]) == .wrong)
    }

    @Test func valuesCompareWithinTheirKind() {
        #expect(AnswerMatching.matches(.number(0.1 + 0.2), .number(0.3)))
        #expect(!AnswerMatching.matches(.number(594), .number(595)))
        #expect(AnswerMatching.matches(.string(" メロンパン \n"), .string("メロンパン")))
        #expect(!AnswerMatching.matches(.string("550"), .number(550)))
        #expect(AnswerMatching.number(in: AnswerMatching.normalized("５９４円")) == 594)
        #expect(AnswerMatching.number(in: "2,880") == 2880)
        #expect(AnswerMatching.number(in: "1,560 yen") == 1560)
        #expect(AnswerMatching.normalized("メロンパン") == "メロンパン")
    }

    @Test func anExpressionTypedIsEvaluated() {
        let verdict = AnswerMatching.judge("180 + 150 + 220", accepted: [.number(550)]) { text in
            text == "180 + 150 + 220" ? .number(550) : nil
        }
        #expect(verdict == .right)
    }

    @Test func orOfTextsIsAlternativesButOrOfConditionsIsOneAnswer() throws {
        let interpreter = Interpreter(commands: CommandTable(), language: .en) { _ in }
        let words = try interpreter.parseExpression(#""同じ" or "same" or "true""#)
        #expect(try AnswerMatching.accepted(words) { (e: Expr) throws(Diagnostic) -> Value in try interpreter.evaluate(e) }
            == [.string("同じ"), .string("same"), .string("true")])
        let condition = try interpreter.parseExpression("1 < 2 or 3 < 2")
        #expect(try AnswerMatching.accepted(condition) { (e: Expr) throws(Diagnostic) -> Value in try interpreter.evaluate(e) } == [.bool(true)])
        let one = try interpreter.parseExpression("24 * 30 * 4")
        #expect(try AnswerMatching.accepted(one) { (e: Expr) throws(Diagnostic) -> Value in try interpreter.evaluate(e) } == [.number(2880)])
    }
}
