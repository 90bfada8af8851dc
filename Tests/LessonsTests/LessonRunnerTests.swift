import Foundation
import PanyaLanguage
import PanyaStore
import PanyaSupport
import PanyaTestSupport
import Testing
@testable import Lessons

let countingLesson = """
lesson "Counting" --clock "2026-04-01T06:00:00+09:00"

step "Add" {
  say "We add to the counter."
  counter add 1
  task "type counter add 2" {
    check counter() == 3
    hint "counter add 2"
    hint "two more"
    solution "counter add 2"
  }
}

step "Quiz" {
  let x = 10
  quiz "what is x + 5?" {
    answer x + 5
    hint "10 + 5"
  }
  task "define y as 7" {
    check y == 7
    solution "let y = 7"
  }
}

"""

struct RunnerHarness {
    let factory = FakeFactory()
    let progress = InMemoryLessonProgress()
    let file: LessonFile
    /// Holds the lesson file; removed when the harness is released.
    let folder: TemporaryFolder

    init(source: String = countingLesson, name: String = "01-counting.en.panya") throws {
        folder = try lessonFolder([name: source])
        file = LessonFile(path: folder.file(name))
    }

    func run(_ lines: [String]) -> (LessonRunOutcome, String) {
        let out = SharedText()
        let runner = LessonRunner(factory: factory, progress: progress, student: "hana", language: .en,
                                  terminal: .plain, io: .scripted(lines, into: out))
        let outcome = runner.run(file)
        return (outcome, out.text)
    }
}

@Suite struct LessonRunnerTests {
    @Test func wrongTryShowsTheNextHintRightOnePasses() throws {
        let h = try RunnerHarness()
        let (outcome, text) = h.run(["counter", "counter add 2", "", "16", "10 + 5", "let y = 7"])
        #expect(outcome == .finished)
        #expect(text.contains("== Counting =="))
        #expect(text.contains("Step 1/2: Add"))
        #expect(text.contains("We add to the counter."))
        #expect(text.contains("panya> counter add 1\n1\n"), "a demo is echoed after the prompt, then its value shown")
        #expect(text.contains("task> counter\n1\n✘ Not yet. Try again.\nHint: counter add 2\n"))
        #expect(text.contains("task> counter add 2\n3\n✔ Correct! Task done.\n"))
        #expect(text.contains("(press Enter to continue, or type quit) \n"))
        #expect(text.contains("Step 2/2: Quiz"))
        #expect(text.contains("quiz> 16\n✘ Not yet. Try again.\nHint: 10 + 5\n"))
        #expect(text.contains("quiz> 10 + 5\n✔ Correct!\n"))
        #expect(text.contains("Lesson finished: Counting (tasks done 2, skipped 0, wrong tries 2)"))
        let p = try #require(h.progress.load(student: "hana", lesson: "01-counting"))
        #expect(p.finished && p.tasksDone == 2 && p.quizzesRight == 1 && p.tries == 2 && p.tasksSkipped == 0)
        #expect(h.factory.purposes == [.interactive])
        #expect(h.factory.made[0].appliedOptions.first?["clock"] == .string("2026-04-01T06:00:00+09:00"))
    }

    @Test func hintsRunOutAndSkipIsRecorded() throws {
        let h = try RunnerHarness()
        let (outcome, text) = h.run(["counter", "counter", "counter", "hint", "skip", "", "skip", "skip"])
        #expect(outcome == .finished)
        #expect(text.contains("Hint: counter add 2\n"))
        #expect(text.contains("Hint: two more\n"))
        #expect(text.contains("(no more hints; type 'skip' to go on)"))
        #expect(text.contains("→ skipped (the answer was: 15)"))
        let p = try #require(h.progress.load(student: "hana", lesson: "01-counting"))
        #expect(p.tasksSkipped == 3 && p.tasksDone == 0 && p.tries == 3)
    }

    @Test func studentVariablesStayVisibleAndQuizTakesExpressions() throws {
        let h = try RunnerHarness()
        let (_, text) = h.run(["let mine = 2", "counter add $mine", "", "x + 5", "let y = mine + 5"])
        #expect(text.contains("task> counter add $mine\n3\n✔ Correct!"))
        #expect(text.contains("quiz> x + 5\n✔ Correct!"))
        #expect(h.factory.made[0].interpreter.global("y") == .number(7))
    }

    @Test func mistakesAreDiagnosticsNotCrashes() throws {
        let h = try RunnerHarness()
        let (_, text) = h.run(["(1 + )", "nope + 1", "counter add 2", "quit"])
        #expect(text.contains("error: ") && !text.contains("<stdin>"))
        #expect(text.contains("unknown variable 'nope'") || text.contains("nope"))
        #expect(text.contains("✔ Correct! Task done."))
    }

    @Test func quittingThenStartingAgainResumesAtTheSameStep() throws {
        let h = try RunnerHarness()
        let (first, text1) = h.run(["counter add 2", "", "quit"])
        #expect(first == .paused(step: 2))
        #expect(text1.contains("Lesson paused at step 2."))
        var p = try #require(h.progress.load(student: "hana", lesson: "01-counting"))
        #expect(p.currentStep == 2 && p.tasksDone == 1 && !p.finished)

        let (second, text2) = h.run(["15", "let y = 7"])
        #expect(second == .finished)
        #expect(text2.contains("Resuming at step 2/2"))
        #expect(!text2.contains("Step 1/2"))
        #expect(!text2.contains("We add to the counter."), "earlier steps replay quietly")
        #expect(text2.contains("Step 2/2: Quiz"))
        #expect(h.factory.made.count == 2)
        #expect(h.factory.made[1].counter == 3, "the replay rebuilt the state: demo + solution")
        p = try #require(h.progress.load(student: "hana", lesson: "01-counting"))
        #expect(p.finished && p.tasksDone == 2 && p.quizzesRight == 1)

        // Finished: the next start begins again from step 1.
        let (_, text3) = h.run([])
        #expect(text3.contains("starting over"))
        #expect(text3.contains("Step 1/2: Add"))
    }

    @Test func quitWhileWaitingForEnterResumesAtTheNextStep() throws {
        let h = try RunnerHarness()
        let (first, _) = h.run(["counter add 2"])   // then end of input at the Enter prompt
        #expect(first == .paused(step: 2))
    }

    @Test func resetForgetsProgress() throws {
        let h = try RunnerHarness()
        _ = h.run(["counter add 2", "", "quit"])
        let runner = LessonRunner(factory: h.factory, progress: h.progress, student: "hana", language: .en,
                                  io: .scripted([], into: SharedText()))
        try runner.reset(h.file)
        #expect(h.progress.load(student: "hana", lesson: "01-counting") == nil)
    }

    @Test func japaneseHeadersAndMarks() throws {
        let source = countingLesson.replacingOccurrences(of: "lesson \"Counting\"", with: "lesson \"かぞえる\" --lang ja")
        let h = try RunnerHarness(source: source, name: "01-counting.panya")
        let out = SharedText()
        let runner = LessonRunner(factory: h.factory, progress: h.progress, student: "hana", language: .en,
                                  io: .scripted(["counter add 2", "", "１５円", "let y = 7"], into: out))
        #expect(runner.run(h.file) == .finished)
        #expect(out.text.contains("ステップ 1/2: Add"))
        #expect(out.text.contains("✔ 正解! できました。"))
        #expect(out.text.contains("quiz> １５円\n✔ 正解!"), "full-width digits and 円 are forgiven")
    }

    @Test func failingDemosAndExpectsAreShownAndTheLessonGoesOn() throws {
        let source = "lesson \"x\"\nstep \"s\" {\n  detect x.jpg\n  expect 1 == 2, \"one is two\"\n  say \"still here\"\n}\n"
        let h = try RunnerHarness(source: source, name: "08-warn.en.panya")
        let (outcome, text) = h.run([])
        #expect(outcome == .finished)
        #expect(text.contains("panya> detect x.jpg\n08-warn.en.panya:3:3: error: ResourceNotReadyException: the model is not running\n"))
        #expect(text.contains("[for the teacher] expect failed: one is two (08-warn.en.panya:4:3)"))
        #expect(text.contains("still here"))
    }

    @Test func aBrokenLessonIsReturnedForTheCallerToShow() throws {
        let h = try RunnerHarness(source: "lesson \"x\"\nstep \"s\" {\n  let = 3\n}\n", name: "07-broken.en.panya")
        let (outcome, text) = h.run([])
        guard case .failed(let d) = outcome else { Issue.record("expected a failure, got \(outcome)"); return }
        #expect(d.file == "07-broken.en.panya" && d.span.line == 3)
        #expect(!text.contains("error"), "the caller renders it, once")
    }

    @Test func narrationWrapsToTheTerminal() throws {
        let long = String(repeating: "パン", count: 30)
        let source = "lesson \"Wrap\"\nstep \"one\" {\n  say \"\(long)\"\n}\n"
        let h = try RunnerHarness(source: source, name: "09-wrap.en.panya")
        let out = SharedText()
        let runner = LessonRunner(factory: h.factory, progress: h.progress, student: "hana", language: .en,
                                  terminal: Terminal(color: false, columns: 41), io: .scripted([], into: out))
        #expect(runner.run(h.file) == .finished)
        let sayLines = out.text.split(separator: "\n").filter { !$0.isEmpty && $0.allSatisfy { $0 == "パ" || $0 == "ン" } }
        #expect(sayLines.count >= 3)
        #expect(sayLines.joined() == long)
        #expect(sayLines.allSatisfy { DisplayWidth.of(String($0)) <= 40 })
        // A line never starts with closing punctuation: it stays with the line before.
        let ja = LessonRunner.wrap(String(repeating: "あ", count: 19) + "。次の文です。", width: 40)
        #expect(ja == [String(repeating: "あ", count: 19) + "。", "次の文です。"])
        #expect(ja.allSatisfy { DisplayWidth.of($0) <= 40 })
    }
}

@Suite struct LessonProgressStoreTests {
    @Test func progressSurvivesARestartInSQLite() throws {
        let database = try TemporaryFolder(prefix: "panya-progress")
        defer { database.remove() }
        let path = database.file("panya.sqlite")
        let lessonsFolder = try lessonFolder(["01-counting.en.panya": countingLesson])
        defer { lessonsFolder.remove() }
        let file = LessonFile(path: lessonsFolder.file("01-counting.en.panya"))
        do {
            let store = LessonProgressStore(try PanyaDatabase(path: path))
            let runner = LessonRunner(factory: FakeFactory(), progress: store, student: "hana", language: .en,
                                      io: .scripted(["counter", "counter add 2", "", "quit"], into: SharedText()))
            #expect(runner.run(file) == .paused(step: 2))
        }
        let store = LessonProgressStore(try PanyaDatabase(path: path))
        let saved = try #require(try store.load(student: "hana", lesson: "01-counting"))
        #expect(saved.currentStep == 2 && saved.stepCount == 2 && saved.tasksDone == 1 && saved.tries == 1 && !saved.finished)
        #expect(try store.load(student: "ken", lesson: "01-counting") == nil, "progress is per student")
        let out = SharedText()
        let runner = LessonRunner(factory: FakeFactory(), progress: store, student: "hana", language: .en,
                                  io: .scripted(["15", "let y = 7"], into: out))
        #expect(runner.run(file) == .finished)
        #expect(out.text.contains("Resuming at step 2/2"))
        #expect(try store.all(student: "hana").map(\.finished) == [true])
        try store.reset(student: "hana", lesson: "01-counting")
        #expect(try store.all(student: "hana").isEmpty)
    }
}
