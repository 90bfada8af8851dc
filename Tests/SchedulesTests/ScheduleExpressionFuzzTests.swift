import Foundation
import Testing
@testable import Schedules

/// Seeded random schedule expressions, half built from the grammar's own pieces: each parses or
/// is refused with its error, never a crash; one that parses fires at increasing times.
@Suite struct ScheduleExpressionFuzzTests {
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = ["*", "?", "L", "W", "#", "/", "-", ",", "0", "1", "5", "7", "12", "15", "30", "31", "59", "60", "99", "2026", "2099",
                         "2100", "1970", "MON", "FRI", "SUN", "JAN", "DEC", "L-3", "15W", "6#3", "1/0", "0/99999", "99999999999", "-1", " ", "", "\u{0}", "あ"]
    static let shapes = ["cron(%@ %@ %@ %@ %@ %@)", "rate(%@ minutes)", "rate(%@ hour)", "rate(%@ days)", "at(%@-%@-%@T%@:%@:%@)", "cron(%@)", "%@(%@)"]

    @Test func randomExpressionsParseOrSayWhyAndFireForward() throws {
        var rng = SplitMix(state: 0x5343_4845)
        let iterations = Int(ProcessInfo.processInfo.environment["PANYA_FUZZ_ITERATIONS"] ?? "") ?? 2000
        let zone = try ScheduleTimeZone.named("Asia/Tokyo")
        var parsed = 0
        for n in 0..<iterations {
            var text: String
            if n % 2 == 0 {
                let shape = Self.shapes[Int.random(in: 0..<Self.shapes.count, using: &rng)]
                var out = ""
                var rest = Substring(shape)
                while let range = rest.range(of: "%@") {
                    out += rest[..<range.lowerBound]
                    var piece = Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)]
                    if Int.random(in: 0..<4, using: &rng) == 0 { piece += Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)] }
                    out += piece
                    rest = rest[range.upperBound...]
                }
                text = out + rest
            } else {
                let alphabet = Array("cronateat()*?LW#/-, 0123456789MONJANminuteshourdays\u{0}")
                text = String((0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] })
            }
            do {
                let expression = try ScheduleExpression.parse(text)
                parsed += 1
                var after = 1_775_000_000
                for _ in 0..<3 {
                    guard let next = expression.nextFire(afterSeconds: after, timeZone: zone, startSeconds: 1_774_000_000) else { break }
                    #expect(next > after, "\(text)")
                    after = next
                }
            } catch {
                #expect(!error.message.en.isEmpty)
            }
        }
        #expect(parsed > 0 && parsed < iterations)
    }
}

/// What the fuzzer found: a `)` before the `(` cut the text backwards (a trap).
@Suite struct ScheduleExpressionParenthesisTests {
    @Test(arguments: [")(", "cron)(", "rate)(5 minutes)", "at)x(", "))(("])
    func aClosingParenthesisBeforeTheOpeningOneIsAMistakeNotATrap(text: String) {
        #expect(throws: ScheduleExpressionError.self) { _ = try ScheduleExpression.parse(text) }
    }
}
