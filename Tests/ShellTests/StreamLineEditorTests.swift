import Foundation
import PanyaSupport
import Synchronization
import Testing
@testable import Shell

/// The browser terminal's line editor: keys in, exact VT100 text out.
@Suite struct StreamLineEditorTests {
    final class Screen: Sendable {
        let text = Mutex("")
        func append(_ more: String) { text.withLock { $0 += more } }
        var all: String { text.withLock { $0 } }
    }

    /// Feeds `keys` (already complete) and reads one line.
    func read(_ keys: String, history: [String] = [], completer: ((String, Int) -> Completion)? = nil) -> (LineInput, String) {
        let screen = Screen()
        let editor = StreamLineEditor(output: { screen.append($0) })
        for entry in history { editor.addHistory(entry) }
        editor.completer = completer
        // The keys arrive while the prompt waits, as from a browser.
        let typist = Thread {
            while !editor.isReading { usleep(1000) }
            editor.feed(keys)
            editor.close()
        }
        typist.start()
        return (editor.readLine(prompt: "> "), screen.all)
    }

    @Test func typedTextIsEchoedAndEnterEndsTheLine() {
        let (line, screen) = read("ab\r")
        #expect(line == .line("ab"))
        #expect(screen == "> \r> a\u{1b}[K\r> ab\u{1b}[K\r\n")
    }

    @Test func arrowsMoveTheCursorAndInsertionHappensThere() {
        let (line, screen) = read("ab\u{1b}[DX\r")
        #expect(line == .line("aXb"))
        #expect(screen.hasSuffix("\r> ab\u{1b}[K\u{1b}[1D\r> aXb\u{1b}[K\u{1b}[1D\r\n"))
    }

    @Test func wideCharactersMoveTheCursorTwoColumns() {
        let (line, screen) = read("パン\u{1b}[D\r")
        #expect(line == .line("パン"))
        #expect(screen.hasSuffix("\r> パン\u{1b}[K\u{1b}[2D\r\n"))
    }

    @Test func backspaceDeleteHomeEndAndCtrlU() {
        #expect(read("abc\u{7f}\r").0 == .line("ab"))
        #expect(read("abc\u{1}\u{1b}[3~\r").0 == .line("bc"))
        #expect(read("abc\u{1}X\u{5}Y\r").0 == .line("XabcY"))
        #expect(read("abc\u{1b}[D\u{15}\r").0 == .line("c"))
    }

    @Test func upAndDownWalkTheHistoryAndComeBackToTheDraft() {
        #expect(read("\u{1b}[A\r", history: ["first", "second"]).0 == .line("second"))
        #expect(read("\u{1b}[A\u{1b}[A\r", history: ["first", "second"]).0 == .line("first"))
        #expect(read("dra\u{1b}[A\u{1b}[B\r", history: ["first"]).0 == .line("dra"))
    }

    @Test func ctrlCDropsTheLineAndCtrlDOnAnEmptyLineEndsTheInput() {
        let (interrupted, screen) = read("abc\u{3}")
        #expect(interrupted == .interrupted)
        #expect(screen.hasSuffix("^C\r\n"))
        #expect(read("\u{4}").0 == .endOfFile)
        #expect(read("ab\u{1}\u{4}\r").0 == .line("b"))
        #expect(read("").0 == .endOfFile)
    }

    @Test func tabCompletesTheWordBeforeTheCursor() {
        let one = read("reg\t\r") { line, cursor in
            Completion(word: String(line.prefix(cursor)), candidates: ["register"])
        }
        #expect(one.0 == .line("register"))
        let many = read("re\t\r") { _, _ in Completion(word: "re", candidates: ["register", "record"]) }
        #expect(many.0 == .line("re"))
        #expect(many.1.contains("\r\nrecord  register\r\n"))
        let common = read("mo\t\r") { _, _ in Completion(word: "mo", candidates: ["model start", "model stop"]) }
        #expect(common.0 == .line("model st"))
    }

    @Test func ctrlCWhileNoLineIsReadAsksTheStatementToStop() {
        let asked = Mutex(0)
        let editor = StreamLineEditor(output: { _ in }, onInterrupt: { asked.withLock { $0 += 1 } })
        editor.feed("\u{3}")
        #expect(asked.withLock { $0 } == 1)
        editor.feed("x\r")
        #expect(editor.readLine(prompt: "") == .line("x"))
    }

    @Test func theHistoryKeepsItsNewestEntriesOnly() {
        let editor = StreamLineEditor(output: { _ in })
        for i in 0..<(StreamLineEditor.historyLimit + 10) { editor.addHistory("line \(i)") }
        editor.addHistory("   ")
        #expect(editor.historyEntries.count == StreamLineEditor.historyLimit)
        #expect(editor.historyEntries.last == "line \(StreamLineEditor.historyLimit + 9)")
    }
}
