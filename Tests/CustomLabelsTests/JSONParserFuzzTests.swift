import Foundation
import Testing
@testable import CustomLabels

/// Seeded mutations of JSON texts: every one parses or fails with a JSONError, never a crash.
@Suite struct JSONParserFuzzTests {
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

    static let seeds = [
        #"{"CustomLabels": [{"Name": "メロンパン", "Confidence": 88.004, "Geometry": {"BoundingBox": {"Width": 0.25, "Top": 1e-3}}}]}"#,
        #"[1, -0.5, 2E+10, true, false, null, "a\"\\\/\b\f\n\r\t\u3042\ud83c\udf5e", [], {}]"#,
        "{\n  \"a\": {\"b\": [1, 2, {\"c\": \"\"}]},\n  \"d\": 12345678901234567890\n}",
    ]
    static let fragments = ["{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "0", "-", "e", ".", "tru", "null",
                            " ", "\n", "\u{0}", "\u{7F}", "あ", "\u{FEFF}", "1e999", "'", "/*"]

    @Test func mutatedJSONNeverCrashes() {
        var rng = SplitMix(state: 0x4A53_4F4E)
        let iterations = Int(ProcessInfo.processInfo.environment["PANYA_FUZZ_ITERATIONS"] ?? "") ?? 3000
        var failures = 0
        for n in 0..<iterations {
            var bytes = Array(JSONParserFuzzTests.seeds[n % JSONParserFuzzTests.seeds.count].utf8)
            for _ in 0..<Int.random(in: 1...5, using: &rng) {
                let at = Int.random(in: 0...bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes.insert(contentsOf: Array(JSONParserFuzzTests.fragments[Int.random(in: 0..<JSONParserFuzzTests.fragments.count, using: &rng)].utf8), at: at)
                case 1: if at < bytes.count { bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...6, using: &rng))) }
                case 2: if at < bytes.count { bytes[at] = UInt8.random(in: 0...255, using: &rng) }
                default: if at < bytes.count { bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 12)], at: at) }
                }
            }
            do {
                _ = try JSONParser.parse(bytes: bytes, allowDuplicateKeys: n % 3 == 0)
            } catch let error as JSONError {
                failures += 1
                #expect(error.location != nil)
                _ = error.message
            } catch {
                Issue.record("not a JSONError: \(error)")
            }
        }
        #expect(failures > iterations / 4)
    }

    @Test func deepNestingIsAnError() throws {
        let text = String(repeating: "[", count: 100_000)
        let error = try #require(throws: JSONError.self) { try JSONParser.parse(text) }
        #expect(error.message.en.contains("nested too deeply"))
    }

    @Test func columnsOnALongLineAreCountedOnce() throws {
        // A compact recording is one long line: locations are counted incrementally, not from the line's start.
        let item = #"{"Name":"あんぱん","Confidence":77.5}"#
        let text = "[" + Array(repeating: item, count: 20_000).joined(separator: ",") + ",{\"Name\":\"x\",\"Confidence\":01}]"
        let error = try #require(throws: JSONError.self) { try JSONParser.parse(text) }
        let itemColumns = item.count + 1
        #expect(error.location == JSONLocation(line: 1, column: 2 + 20_000 * itemColumns + #"{"Name":"x","Confidence":"#.count))
        let doc = try JSONParser.parse("[" + Array(repeating: item, count: 3).joined(separator: ",") + "]")
        #expect(doc.cursor.location == JSONLocation(line: 1, column: 1))
        let second = try doc.cursor.elements()[1].member("Confidence")
        #expect(second.location == JSONLocation(line: 1, column: 2 + itemColumns + #"{"Name":"あんぱん","Confidence":"#.count))
    }
}
