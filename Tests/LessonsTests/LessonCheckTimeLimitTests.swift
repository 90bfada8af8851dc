import Foundation
import PanyaLanguage
import PanyaSupport
import Testing
@testable import Lessons

/// Issue 12 item 7: `panya check` has a per-lesson time limit; an endless loop fails at its place.
@Suite struct LessonCheckTimeLimitTests {
    let endless = """
    lesson "Endless"

    step "Loop" {
      say "counting"
      let n = 0
      while true { n += 1 }
    }

    """

    @Test func anEndlessLessonFailsAtItsLoopAndTheNextIsChecked() throws {
        let folder = try lessonFolder(["01-endless.panya": endless, "02-pass.panya": passingLesson])
        defer { folder.remove() }
        let dir = folder.path
        var out = ""
        let start = Date()
        let status = LessonChecker(factory: FakeFactory(), language: .en, timeLimit: 0.3).run(paths: [dir]) { out += $0 }
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(status == 1)
        #expect(out == """
            FAIL 01-endless.panya:6:3: LessonTimedOut: the lesson was still running after 0.3 seconds (an endless loop?) and was stopped here; allow longer with panya check --time-limit SECONDS
            ok   02-pass.panya
            1 passed, 1 failed

            """)
    }

    @Test func theFailureCarriesItsCodeAndJapanese() throws {
        let folder = try lessonFolder(["01-endless.panya": endless])
        defer { folder.remove() }
        let dir = folder.path
        let result = LessonChecker(factory: FakeFactory(), language: .ja, timeLimit: 0.2).check(path: dir + "/01-endless.panya")
        let failure = try #require(result.failure)
        #expect(failure.code == LessonChecker.timedOutCode)
        #expect(failure.span.line == 6)
        #expect(failure.message.ja == "レッスンが 0.2 秒たっても終わらないため、ここで止めました (無限ループ?)。もっと待つには panya check --time-limit 秒数 を使ってください")
    }

    @Test func aQuickLessonIsNotTouchedByTheLimit() throws {
        let folder = try lessonFolder(["01-pass.panya": passingLesson])
        defer { folder.remove() }
        let dir = folder.path
        #expect(LessonChecker(factory: FakeFactory(), language: .en).check(path: dir + "/01-pass.panya").passed)
        #expect(LessonChecker.defaultTimeLimit == 120)
    }
}
