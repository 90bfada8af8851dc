import Foundation
import PanyaLanguage
import PanyaSupport
import Testing
@testable import Lessons

/// A lesson's host with one command that runs until something stops it (as `simulate 365d` ran
/// for minutes before): it polls `InterruptSignal`'s `check()` as long commands do.
private final class BusyHost: LessonEnvironment, LessonEnvironmentFactory {
    let interpreter: Interpreter
    private(set) var polls = 0

    init() {
        let table = CommandTable()
        interpreter = Interpreter(commands: table, language: .en, output: { _ in })
        table.register(Command("busy", summary: .verbatim("busy"), arguments: []) { [unowned self] _ in
            while true {
                polls += 1
                try InterruptSignal.ctrlC.check()
            }
        })
    }

    func applyLessonOptions(_ options: OrderedMap) throws {}
    func display(_ value: Value) -> String { value.printed }
    func makeEnvironment(for lesson: LessonFile, purpose: LessonEnvironmentPurpose, language: UILanguage,
                         output: @escaping (String) -> Void) throws -> any LessonEnvironment { self }
}

@Suite struct LessonCheckLongCommandTests {
    /// The time limit reaches a command that runs long: the lesson fails at the command's line
    /// with the time-limit message, not Ctrl-C's, and the checker goes on.
    @Test func aLongCommandStopsAtTheTimeLimit() throws {
        let lesson = """
        lesson "Long"

        step "Wait" {
          say "waiting"
          busy
        }

        """
        let folder = try lessonFolder(["01-long.panya": lesson])
        defer { folder.remove() }
        let host = BusyHost()
        let result = LessonChecker(factory: host, language: .en, timeLimit: 0.3).check(path: folder.path + "/01-long.panya")
        let failure = try #require(result.failure)
        #expect(failure.code == LessonChecker.timedOutCode)
        #expect(failure.span.line == 5)
        #expect(host.polls > 1)
        // Outside a check nothing else is asked: a pending Ctrl-C is the only stop.
        #expect(throws: Never.self) { try InterruptSignal.ctrlC.check() }
    }
}
