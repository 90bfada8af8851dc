import Foundation
import PanyaSupport
import PanyaTestSupport
import Session
import Testing
@testable import Shell

/// A shell in a student's sandbox: the commands that read or write files keep to it.
@Suite struct ShellSandboxTests {
    @Test func aSandboxedSessionRefusesFilesOutsideAndTheLiveBackend() throws {
        let folder = try TemporaryFolder()
        let home = folder.file("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var options = ShellOptions()
        options.language = .en
        options.databasePath = ":memory:"
        options.assetsRoot = RepositoryRoot.path
        options.sandbox = Sandbox(home: home, readOnlyRoots: [RepositoryRoot.file("lessons"), RepositoryRoot.file("mock-responses")])
        let output = OutputCapture()
        let session = try ShellSession(options: options, output: { output.append($0) })
        func type(_ entry: String) -> String {
            output.clear()
            session.runEntry(entry)
            return output.text
        }
        _ = type("model start")
        _ = type("model wait")
        #expect(type("detect lessons/photos/breads3.jpg").contains("メロンパン"))
        #expect(type("detect /etc/passwd").contains("outside your folder"))
        #expect(type("detect ../../../../etc/passwd").contains("outside your folder"))
        #expect(type("backend aws").contains("not available in a class"))
        #expect(type("show lessons/photos/breads3.jpg --out /tmp/escape.png").contains("outside your folder"))
        _ = type("show lessons/photos/breads3.jpg --out mine.png")
        #expect(FileManager.default.fileExists(atPath: home + "/mine.png"))
        #expect(type("lesson start /etc/passwd").contains("outside your folder"))
        #expect(type("record lessons/photos/breads3.jpg").contains("not available in a class"))
    }
}
