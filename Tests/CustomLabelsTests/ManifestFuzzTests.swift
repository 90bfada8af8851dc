import Foundation
import Testing
@testable import CustomLabels

/// Seeded mutations of manifests (bytes flipped, cut, NULs, bytes that are not UTF-8, huge
/// numbers, lines doubled): every one is read into lines and issues, never a crash, and the
/// counts agree with each other.
@Suite struct ManifestFuzzTests {
    static let good = #"{"source-ref":"s3://b/IMG_1.jpg","bounding-box":{"image_size":[{"width":640,"height":480,"depth":3}],"annotations":[{"class_id":0,"top":10,"left":20,"width":100,"height":80},{"class_id":1,"top":200,"left":300,"width":64,"height":64}]},"bounding-box-metadata":{"class-map":{"0":"あんぱん","1":"メロンパン"},"type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2026-04-01T00:00:00"}}"#
    static let fragments: [[UInt8]] = [[0], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x0A], [0x0D], Array("1e308".utf8), Array("-1".utf8),
                                       Array("9223372036854775808".utf8), Array("\\u0000".utf8), Array("{".utf8), Array("]".utf8),
                                       Array("\"class_id\":".utf8), Array("NaN".utf8)]

    @Test func mutatedManifestsAreReadWithoutACrash() {
        var rng = JSONParserFuzzTests.SplitMix(state: 0x4D41_4E49)
        let iterations = Int(ProcessInfo.processInfo.environment["PANYA_FUZZ_ITERATIONS"] ?? "") ?? 600
        var usable = 0
        for _ in 0..<iterations {
            var lines = Array(repeating: Array(Self.good.utf8), count: Int.random(in: 1...6, using: &rng))
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let l = Int.random(in: 0..<lines.count, using: &rng)
                guard !lines[l].isEmpty else { continue }
                let at = Int.random(in: 0..<lines[l].count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: lines[l][at] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
                case 1: lines[l].insert(contentsOf: Self.fragments[Int.random(in: 0..<Self.fragments.count, using: &rng)], at: at)
                case 2: lines[l].removeSubrange(at...)
                default: lines.append(lines[l])
                }
            }
            let bytes = Array(lines.joined(separator: [0x0A]))
            let reading = ManifestReader.read(bytes: bytes)
            let lineCount = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count
            #expect(reading.rows.count + reading.invalidRows == reading.countedRows)
            #expect(reading.issues.allSatisfy { ($0.line ?? 1) >= 1 && ($0.line ?? 1) <= lineCount })
            #expect(reading.rows.allSatisfy { row in row.entry.boxes.allSatisfy { !$0.label.unicodeScalars.contains("\u{0}") } })
            #expect(reading.rows.allSatisfy { !$0.entry.sourceRef.contains("\u{FFFD}") || Self.good.contains("\u{FFFD}") })
            if reading.isUsable { usable += 1 }
        }
        #expect(usable > 0 && usable < iterations)
    }
}
