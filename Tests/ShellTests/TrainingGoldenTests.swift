import Foundation
import PanyaTestSupport
import Testing

/// Golden scripts under Golden/: each line of `NAME.panya` typed at the prompt (comments and blank
/// lines skipped), the transcript compared with `NAME.expected`. `PANYA_UPDATE_GOLDEN=1` rewrites it.
@Suite struct TrainingGoldenTests {
    static let folder = RepositoryRoot.path + "/Tests/ShellTests/Golden"

    static func transcript(_ name: String) throws -> String {
        let script = try String(contentsOfFile: folder + "/" + name + ".panya", encoding: .utf8)
        let h = try SessionHarness()
        var out = ""
        for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
            let entry = line.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty || entry.hasPrefix("#") { continue }
            out += "panya> " + entry + "\n" + h.type(entry)
        }
        return out
    }

    @Test(arguments: ["training-flow"])
    func goldenTranscript(_ name: String) throws {
        let actual = try Self.transcript(name)
        let expectedPath = Self.folder + "/" + name + ".expected"
        if ProcessInfo.processInfo.environment["PANYA_UPDATE_GOLDEN"] == "1" {
            try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        #expect(actual == expected)
    }
}
