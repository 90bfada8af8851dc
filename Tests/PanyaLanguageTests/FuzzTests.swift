import Foundation
import PanyaTestSupport
import Testing
import PanyaSupport
@testable import PanyaLanguage

/// A small deterministic random number generator (SplitMix64): the same seed gives the same inputs everywhere.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// How many inputs a fuzz suite runs: `PANYA_FUZZ_ITERATIONS`, else `standard`.
func fuzzIterations(_ standard: Int) -> Int {
    if let text = ProcessInfo.processInfo.environment["PANYA_FUZZ_ITERATIONS"], let n = Int(text), n > 0 { return n }
    return standard
}

/// Seeded random programs through the parser and the interpreter: every input ends normally or
/// with a diagnostic that renders; nothing crashes, loops forever or grows without bound.
@Suite struct FuzzTests {
    static let seeds = [
        "let total = 0\nfor p in [180, 150, 220] { total += p }\nprint(\"合計 {total} 円\")",
        "fn fib(n) { if n < 2 { return n }; return fib(n - 1) + fib(n - 2) }\nprint(fib(10))",
        "let m = {\"メロンパン\": 180, name: \"x\"}\nm[\"カレーパン\"] = 200\nm.name = \"y\"\nprint(keys(m), values(m), m.メロンパン)",
        "let xs = [3, 1, 2]\nxs[0] = [xs]\nprint(sort([3, 1]), len(xs), xs[0][0][1], contains(\"パン\", \"ン\"))",
        "let n = 0\nwhile n < 5 { n += 1; if n % 2 == 0 { continue }; if n > 3 { break } }\nprint(n, not true or false and 1 < 2)",
        "fn make() { let c = 0; return fn () { c += 1; return c } }\nlet f = make()\nf(); print(f(), type(f), str(1.5), int(-2.7), round(3.14159, 2))",
        "detect tray.jpg --min-confidence 75\nlet r = detect(\"a.jpg\", min_confidence: 50)\nprint(r.labels[0].name)\nmodel start --units 1",
        "let s = \"ab\"\nfor c in s { s = s + c }\nlet l = [1]\nl += l\nprint(s, l, l == [1, 1], {a: [1, {b: 2}]})",
        "lesson \"t\" --backend mock\nstep \"one\" { say \"hi\"; let q = 1 }\nexpect q == 1, \"q\"\nprint(min(3, 1), max([1, 9]), sum([1, 2]), abs(-1), num(\"１２\"))",
    ]
    static let fragments = [
        "(", ")", "[", "]", "{", "}", ",", ".", ":", ";", "\n", " ", "+", "-", "*", "/", "%", "=", "==", "!=", "<", ">=",
        "+=", "$", "--", "\"", "\\", "{x}", "let ", "fn ", "if ", "else ", "for ", " in ", "while ", "return ", "break",
        "continue", "true", "false", "nil", " and ", " or ", "not ", "x", "total", "print(", "len(", "range(0, 3)", "f(",
        "0", "1", "-1", "1e9", "3.5", "1_000", "\"パン\"", "（", "＝", "\u{0}", "\u{200B}", "\u{3000}", "#", "detect ", "model ",
        "[1, 2]", "{a: 1}", "append(", "str(", "xs[0]", ".name", "fn (a) { return a }", "\"{", "}\"", "\u{FEFF}", "\r\n",
    ]

    func commands() -> CommandTable {
        let table = CommandTable()
        let label = Value.record(Record(kind: "detection", fields: [("name", .string("メロンパン")), ("confidence", .number(88.5))]))
        table.register(Command("detect", summary: .verbatim("d"), arguments: [.required("PHOTO", .photo)],
                                      flags: [.value("min-confidence", "N", .anyNumber, .verbatim(""))]) { call in
            _ = try call.string(at: 0)
            return .record(Record(kind: "detect_result", fields: [("labels", .list([label]))]))
        })
        table.register(Command("model start", summary: .verbatim("m"), flags: [.value("units", "N", .anyNumber, .verbatim(""))]) { _ in .string("STARTING") })
        return table
    }

    func mutate(_ text: String, _ rng: inout SeededGenerator) -> String {
        var chars = Array(text)
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            let at = chars.isEmpty ? 0 : Int.random(in: 0...chars.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0, 1:
                let fragment = FuzzTests.fragments[Int.random(in: 0..<FuzzTests.fragments.count, using: &rng)]
                chars.insert(contentsOf: Array(fragment), at: at)
            case 2:
                if at < chars.count { chars.removeSubrange(at..<min(chars.count, at + Int.random(in: 1...8, using: &rng))) }
            case 3:
                if at < chars.count {
                    let piece = chars[at..<min(chars.count, at + Int.random(in: 1...20, using: &rng))]
                    let times = Int.random(in: 1...4, using: &rng)
                    for _ in 0..<times { chars.insert(contentsOf: piece, at: at) }
                }
            case 4:
                if at < chars.count { chars[at] = Character(Unicode.Scalar(UInt8.random(in: 0...127, using: &rng))) }
            default:
                let other = Array(FuzzTests.seeds[Int.random(in: 0..<FuzzTests.seeds.count, using: &rng)])
                let start = Int.random(in: 0..<other.count, using: &rng)
                chars.insert(contentsOf: other[start..<min(other.count, start + Int.random(in: 1...30, using: &rng))], at: at)
            }
        }
        return String(chars)
    }

    @Test func mutatedProgramsNeverCrash() {
        var rng = SeededGenerator(seed: 0x5041_4E59_4121)
        let iterations = fuzzIterations(1500)
        let table = commands()
        var diagnostics = 0
        for n in 0..<iterations {
            let base = FuzzTests.seeds[n % FuzzTests.seeds.count]
            let source = mutate(base, &rng)
            let sink = OutputCapture()
            let interpreter = Interpreter(commands: table, language: n % 2 == 0 ? .en : .ja) { text in
                if sink.text.utf8.count < 100_000 { sink.append(text) }
            }
            interpreter.interrupt = PollBudget(stopAfter: 20_000, again: false).signal
            if let d = interpreter.run(source: source, file: "fuzz.panya") {
                diagnostics += 1
                let text = DiagnosticRenderer.render(source: source, diagnostics: [d], language: interpreter.language)
                #expect(text.hasPrefix("fuzz.panya"), "\(source.debugDescription)")
            }
            _ = Interpreter.needsMoreInput(source)
        }
        #expect(diagnostics > iterations / 4)
    }

    @Test func promptEntriesNeverCrash() throws {
        var rng = SeededGenerator(seed: 42)
        let iterations = fuzzIterations(1500) / 2
        let (interpreter, _) = makeInterpreter(commands: commands())
        interpreter.interrupt = PollBudget(stopAfter: 20_000, again: true).signal
        for n in 0..<iterations {
            let source = mutate(FuzzTests.seeds[n % FuzzTests.seeds.count], &rng)
            do { _ = try interpreter.evaluateEntry(source) } catch {
                _ = DiagnosticRenderer.render(source: source, diagnostics: [error], language: .ja)
            }
        }
        #expect((try? interpreter.evaluateEntry("1 + 1")) == .number(2))
    }
}

/// A private interrupt signal that asks to stop after a number of polls (once, or every that many),
/// so a mutated endless loop ends. Polled on the test's own thread only.
final class PollBudget: @unchecked Sendable {
    private var polls = 0
    private let limit: Int
    private let again: Bool
    init(stopAfter limit: Int, again: Bool) { self.limit = limit; self.again = again }
    var signal: InterruptSignal {
        InterruptSignal(pending: { [self] in
            polls += 1
            return again ? polls % limit == 0 : polls > limit
        }, clear: {})
    }
}
