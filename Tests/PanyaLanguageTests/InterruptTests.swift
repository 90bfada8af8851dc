import Foundation
import PanyaTestSupport
import Testing
import PanyaSupport
@testable import PanyaLanguage

/// Every stop goes through an interpreter's own signal, raised from another thread or before a run:
/// the process-wide Ctrl-C flag is shared by every suite running beside these (a class desk's
/// `schedule add`, a lesson check), so raising it here would stop their work. That flag itself is
/// tested in InterruptSignalTests and, with a real Ctrl-C, in the tmux tests.
@Suite(.serialized) struct InterruptTests {
    func interpreter() -> (Interpreter, OutputCapture) {
        let sink = OutputCapture()
        let interpreter = Interpreter(commands: CommandTable(), language: .en) { sink.append($0) }
        return (interpreter, sink)
    }

    /// An interpreter whose stop signal is `stop` (pending while set; consuming it resets it).
    func interpreter(stoppedBy stop: Atomic) -> Interpreter {
        let (interpreter, _) = interpreter()
        interpreter.interrupt = InterruptSignal(pending: { stop.value }, clear: { stop.reset() })
        return interpreter
    }

    @Test func pendingInterruptStopsAnEndlessLoop() throws {
        let stop = Atomic()
        let interpreter = interpreter(stoppedBy: stop)
        stop.set()
        let d = try #require(interpreter.run(source: "while true {}", file: "loop.panya"))
        #expect(d.isInterruption)
        #expect(d.message == Catalog.interrupted)
        #expect(d.span == SourceSpan(line: 1, column: 1, endLine: 1, endColumn: 14))
        #expect(!stop.value, "the stop is consumed")
    }

    @Test func interruptFromAnotherThread() throws {
        let stop = Atomic()
        let sink = OutputCapture()
        let interpreter = Interpreter(commands: CommandTable(), language: .en) { sink.append($0) }
        interpreter.interrupt = InterruptSignal(pending: { stop.value }, clear: { stop.reset() })
        let done = Atomic()
        let thread = Thread {
            // Keep raising until the loop has stopped, so the test ends whatever the scheduling.
            while !done.value {
                stop.set()
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
        thread.start()
        let d = interpreter.run(source: "let n = 0\nwhile true { n += 1 }\nprint(\"never\")", file: "loop.panya")
        done.set()
        #expect(d?.isInterruption == true)
        #expect(d?.span.line == 2)
        #expect(sink.text == "")
    }

    @Test func interruptFromAnotherThreadStopsARunawayRecursion() throws {
        let stop = Atomic()
        let sink = OutputCapture()
        let interpreter = Interpreter(commands: CommandTable(), language: .en) { sink.append($0) }
        interpreter.interrupt = InterruptSignal(pending: { stop.value }, clear: { stop.reset() })
        let done = Atomic()
        let thread = Thread {
            while !done.value {
                stop.set()
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
        thread.start()
        // 2^61 calls, never deeper than 61: only the interruption ends it.
        let source = "fn f(n) { if n > 60 { return 0 }; return f(n + 1) + f(n + 1) }; f(0)\nprint(\"never\")"
        let d = interpreter.run(source: source, file: "recursion.panya")
        done.set()
        #expect(d?.isInterruption == true)
        #expect(d?.span.line == 1)
        #expect(sink.text == "")
    }

    @Test func interruptStopsRecursionAndForLoops() throws {
        let stop = Atomic()
        let interpreter = interpreter(stoppedBy: stop)
        stop.set()
        #expect(interpreter.run(source: "fn f(n) { return n }\nf(1)", file: "f")?.isInterruption == true)
        stop.set()
        #expect(interpreter.run(source: "for i in range(0, 10) { }", file: "f")?.isInterruption == true)
    }

    @Test func commandThrowingInterruptedBecomesAnInterruption() throws {
        InterruptSignal.ctrlC.clear()
        let commands = CommandTable()
        commands.register(Command("model wait", summary: .verbatim("w")) { _ in throw Interrupted() })
        let sink = OutputCapture()
        let interpreter = Interpreter(commands: commands, language: .ja) { sink.append($0) }
        let source = "model wait"
        let d = try #require(interpreter.run(source: source, file: "<stdin>"))
        #expect(d.isInterruption)
        #expect(DiagnosticRenderer.render(source: source, diagnostics: [d], language: .ja) == """
        エラー: 中断しました (Ctrl-C)
          1 | model wait
            | ^~~~~~~~~~

        """)
    }

    @Test func thePromptSurvivesAnInterruption() throws {
        let stop = Atomic()
        let interpreter = interpreter(stoppedBy: stop)
        _ = try interpreter.evaluateEntry("let n = 0")
        stop.set()
        #expect(throws: Diagnostic.self) { try interpreter.evaluateEntry("while true { n += 1 }") }
        #expect(try interpreter.evaluateEntry("n + 1") != nil)
    }
}

/// A flag shared with the raising thread.
final class Atomic: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    var value: Bool { lock.lock(); defer { lock.unlock() }; return flag }
    func set() { lock.lock(); flag = true; lock.unlock() }
    func reset() { lock.lock(); flag = false; lock.unlock() }
}
