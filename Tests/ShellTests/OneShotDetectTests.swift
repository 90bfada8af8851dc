import Foundation
import PanyaSupport
import PanyaTestSupport
import Session
import Testing
@testable import Shell

/// `panya detect`: the session asked directly, with the same output as the `detect` command on
/// the same store, and the service's own check of MinConfidence.
@Suite struct OneShotDetectTests {
    /// A store with the seed model running, and the shell that started it.
    static func runningStore(_ folder: TemporaryFolder) throws -> (path: String, shell: SessionHarness) {
        let path = folder.file("panya.sqlite")
        let shell = try SessionHarness(database: path)
        shell.type("model start", "model wait")
        return (path, shell)
    }

    static func detect(_ photo: String, minConfidence: Double? = nil, maxResults: Int? = nil, json: Bool = false,
                       database: String) -> (status: Int32, output: String) {
        var options = ShellOptions()
        options.databasePath = database
        options.assetsRoot = RepositoryRoot.path
        var output = ""
        let status = ShellEntry.detectOnce(photo: photo, minConfidence: minConfidence, maxResults: maxResults, json: json,
                                           options: options) { output += $0 }
        return (status, output)
    }

    @Test(arguments: [(nil, nil), (75.0, nil), (75.0, 1)] as [(Double?, Int?)])
    func theOneShotShowsWhatTheCommandShows(minConfidence: Double?, maxResults: Int?) throws {
        let folder = try TemporaryFolder()
        let (path, shell) = try Self.runningStore(folder)
        var line = "detect lessons/photos/breads3.jpg"
        if let minConfidence { line += " --min-confidence \(minConfidence)" }
        if let maxResults { line += " --max-results \(maxResults)" }
        let plain = Self.detect("lessons/photos/breads3.jpg", minConfidence: minConfidence, maxResults: maxResults, database: path)
        #expect(plain.status == 0)
        #expect(plain.output.contains("パン"))
        #expect(plain.output == shell.type(line))
        let json = Self.detect("lessons/photos/breads3.jpg", minConfidence: minConfidence, maxResults: maxResults, json: true, database: path)
        #expect(json.status == 0)
        #expect(json.output.hasPrefix("{"))
        #expect(json.output == shell.type(line + " --json"))
    }

    @Test(arguments: [-1.0, 100.5])
    func minConfidenceOutsideTheRangeIsRefusedByTheService(minConfidence: Double) throws {
        let folder = try TemporaryFolder()
        let (path, _) = try Self.runningStore(folder)
        let refused = Self.detect("lessons/photos/breads3.jpg", minConfidence: minConfidence, database: path)
        #expect(refused.status == 1)
        #expect(refused.output.isEmpty)
    }

    @Test func aStoppedModelIsAnErrorNotAnOutput() throws {
        let refused = Self.detect("lessons/photos/breads3.jpg", database: ":memory:")
        #expect(refused.status == 1)
        #expect(refused.output.isEmpty)
    }
}
