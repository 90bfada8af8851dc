import Foundation
import Testing
import PanyaSupport
@testable import PanyaLanguage

/// Runs every `Golden/*.panya` script and compares stdout plus the rendered diagnostic (English)
/// with the `.expected` file beside it. `PANYA_UPDATE_GOLDEN=1` rewrites the expected files.
@Suite struct GoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func scripts() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".panya") }.sorted()
    }

    /// The commands golden scripts may use: a fixed `detect` and a `model start` that fails like the service.
    static func commands() -> CommandTable {
        let table = CommandTable()
        table.register(Command("detect", summary: .verbatim("detect"), arguments: [.required("PHOTO", .photo)],
                               flags: [.value("min-confidence", "N", .anyNumber, .verbatim(""))]) { call in
            let photo = try call.string(at: 0)
            let minimum = try call.number(flag: "min-confidence") ?? 90.7
            let all: [(String, Double)] = [("メロンパン", 98.21), ("あんぱん", 90.45), ("焼きそばパン", 77.54)]
            let labels = all.filter { $0.1 >= minimum }.map { label in
                Value.record(Record(kind: "detection", fields: [("name", .string(label.0)), ("confidence", .number(label.1))]))
            }
            return .record(Record(kind: "detect_result", fields: [("photo", .string(photo)), ("labels", .list(labels))]))
        })
        table.register(Command("model start", summary: .verbatim("start"), flags: [.value("units", "N", .wholeNumber(1...100), .verbatim(""))]) { _ in
            throw GoldenServiceError()
        })
        return table
    }

    struct GoldenServiceError: UserFacingError {
        var message: Message { .verbatim("Project version arn:aws:rekognition:us-east-1:123456789012:project/bakery/version/verification001/1 is in STOPPING state.") }
        var code: String? { "ResourceInUseException" }
    }

    @Test(arguments: scripts())
    func golden(script: String) throws {
        let url = GoldenTests.folder.appendingPathComponent(script)
        let source = try String(contentsOf: url, encoding: .utf8)
        let actual = runScript(source, file: script, commands: GoldenTests.commands())
        let expectedURL = url.deletingPathExtension().appendingPathExtension("expected")
        if ProcessInfo.processInfo.environment["PANYA_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected)
    }

    @Test func thereAreGoldenScripts() {
        #expect(GoldenTests.scripts().count >= 8)
    }
}
