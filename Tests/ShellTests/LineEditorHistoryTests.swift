import Foundation
import PanyaSupport
import PanyaTestSupport
import Testing
@testable import Shell

/// History load/save through libedit on temporary files. The editor is built without a
/// terminal (swift test's stdin), which libedit allows: it just reads plain lines.
@Suite(.serialized)
struct LineEditorHistoryTests {
    /// A fresh folder per test, removed when the test's suite value is released.
    let folder: TemporaryFolder
    var directory: String { folder.path }

    init() throws {
        folder = try TemporaryFolder(prefix: "panya-history")
    }

    private func editor(_ file: String?, size: Int = 1000, warnings: WarningLog? = nil) -> LineEditor {
        LineEditor(programName: "panya-test", historyFile: file, historySize: size, warn: { warnings?.messages.append($0) })
    }

    @Test func entriesSurviveARestartInOrder() throws {
        let file = directory + "/state/panya/history"
        do {
            let first = editor(file)
            first.addHistory("model start")
            first.addHistory("register add メロンパン")
            first.addHistory("let 合計 = 180 +\n  220")
            first.addHistory("detect lessons/photos/breads3.jpg --min-confidence 75")
            #expect(first.historyEntries.count == 4)
        }
        // The folder was created, and the file is libedit's format.
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("_HiStOrY_V2_\n"))
        let second = editor(file)
        #expect(second.historyEntries == [
            "model start",
            "register add メロンパン",
            "let 合計 = 180 +\n  220",
            "detect lessons/photos/breads3.jpg --min-confidence 75",
        ])
    }

    @Test func savedImmediatelyWithoutClosing() throws {
        let file = directory + "/history"
        let live = editor(file)
        live.addHistory("bill")
        // A second editor reads the file while the first is still open (as after a kill).
        #expect(editor(file).historyEntries == ["bill"])
        withExtendedLifetime(live) {}
    }

    @Test func sizeLimitKeepsTheNewest() {
        let file = directory + "/history"
        let small = editor(file, size: 3)
        for entry in ["a1", "a2", "a3", "a4", "a5"] { small.addHistory(entry) }
        #expect(small.historyEntries == ["a3", "a4", "a5"])
        #expect(editor(file, size: 3).historyEntries == ["a3", "a4", "a5"])
    }

    @Test func blanksAndRepeatsAreSkipped() {
        let history = editor(nil)
        history.addHistory("")
        history.addHistory("   ")
        history.addHistory("clock\n")
        history.addHistory("clock")
        history.addHistory("bill")
        history.addHistory("clock")
        #expect(history.historyEntries == ["clock", "bill", "clock"])
    }

    @Test func aBadFileWarnsOnceIsMovedAsideAndHistoryGoesOn() throws {
        let file = directory + "/history"
        try Data([0x00, 0xFF, 0x41, 0x0A]).write(to: URL(fileURLWithPath: file))
        let warnings = WarningLog()
        let history = editor(file, warnings: warnings)
        #expect(history.historyEntries.isEmpty)
        #expect(warnings.messages.count == 1)
        #expect(FileManager.default.fileExists(atPath: file + ".bad"))
        history.addHistory("help")
        #expect(editor(file).historyEntries == ["help"])
    }

    @Test func anEmptyFileIsJustANewHistory() throws {
        let file = directory + "/history"
        #expect(FileManager.default.createFile(atPath: file, contents: Data()))
        let warnings = WarningLog()
        let history = editor(file, warnings: warnings)
        history.addHistory("photos")
        #expect(warnings.messages.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: file + ".bad"))
        #expect(editor(file).historyEntries == ["photos"])
    }

    @Test func wideCharactersRoundTrip() {
        let text = "register add 焼きそばパン 🍞 e\u{301}"
        let wide = LineEditor.wide(text)
        #expect(wide.count == text.unicodeScalars.count + 1)
        #expect(wide.last == 0)
        let back = wide.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { LineEditor.string(fromWide: $0, count: buffer.count - 1) }
        }
        #expect(back == text)
    }

    @Test func anUnwritablePlaceWarnsOnceAndKeepsHistoryInMemory() throws {
        // The "folder" is a regular file: nothing can be created under it.
        let blocker = directory + "/blocker"
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let warnings = WarningLog()
        let history = editor(blocker + "/panya/history", warnings: warnings)
        history.addHistory("model start")
        history.addHistory("model wait")
        #expect(history.historyEntries == ["model start", "model wait"])
        #expect(warnings.messages.count == 1)
    }

    @Test func noFileMeansMemoryOnly() {
        let history = editor(nil)
        history.addHistory("projects")
        #expect(history.historyEntries == ["projects"])
        history.clearHistory()
        #expect(history.historyEntries.isEmpty)
    }

    @Test func constructsWithoutATerminal() throws {
        // swift test runs without a terminal: libedit initialises anyway, locale is UTF-8.
        let history = editor(nil)
        #expect(history.isUTF8)
        _ = history.isInteractive
    }
}

/// Collects warnings given to the editor.
final class WarningLog: @unchecked Sendable {
    var messages: [Message] = []
}
