import Testing
import PanyaSupport
@testable import PanyaLanguage

/// Records every lesson call; runs demos and evaluates checks like a real runner would.
final class FakeHost: LessonHost {
    var events: [String] = []
    var tasks: [TaskSpec] = []
    var quizzes: [QuizSpec] = []
    weak var interpreter: Interpreter?

    func lessonHeader(title: String, options: OrderedMap, span: SourceSpan) throws {
        events.append("lesson \(title) \(Value.map(options).literal)")
    }
    func beginStep(title: String, index: Int, count: Int, span: SourceSpan) throws {
        events.append("step \(index)/\(count) \(title)")
    }
    func endStep(index: Int) throws { events.append("end \(index)") }
    func say(_ text: String) throws { events.append("say \(text)") }
    func demo(sourceText: String, run: () throws -> Value?) throws {
        events.append("> \(sourceText)")
        if let value = try run() { events.append("= \(value.literal)") }
    }
    func task(_ task: TaskSpec) throws {
        tasks.append(task)
        let passed = try task.checks.allSatisfy { check in try interpreter?.evaluate(check) == .bool(true) }
        events.append("task \(task.instruction) checks=\(task.checks.count) hints=\(task.hints) solutions=\(task.solutions) passed=\(passed)")
    }
    func quiz(_ quiz: QuizSpec) throws {
        quizzes.append(quiz)
        let answer = try interpreter?.evaluate(quiz.answer)
        events.append("quiz \(quiz.question) answer=\(answer?.literal ?? "?") hints=\(quiz.hints)")
    }
    func expect(passed: Bool, message: String, span: SourceSpan) throws {
        events.append("expect \(passed) \(message)")
    }
}

@Suite struct LessonStatementTests {
    let lesson = """
    lesson "AIレジ" --backend mock --clock "2026-04-01T06:00:00+09:00" --lang en

    step "モデル" {
      say "開始しましょう"
      task "model start と入力" {
        check started == true
        hint "model start と入力して Enter"
        hint "もう一度"
        solution "model start"
      }
      let total = 180 + 150
      total
    }

    step "合計" {
      quiz "合計は?" {
        answer 180 + 150 + 220
        hint "180 + 150 + 220"
      }
      expect total == 330, "subtotal {total}"
    }
    """

    @Test func hostSeesEveryStatement() throws {
        let host = FakeHost()
        let (interpreter, sink) = makeInterpreter()
        host.interpreter = interpreter
        interpreter.lessonHost = host
        _ = try interpreter.evaluateEntry("let started = true")
        #expect(interpreter.run(source: lesson, file: "01.panya") == nil)
        #expect(host.events == [
            "lesson AIレジ {\"backend\": \"mock\", \"clock\": \"2026-04-01T06:00:00+09:00\", \"lang\": \"en\"}",
            "step 1/2 モデル",
            "say 開始しましょう",
            "task model start と入力 checks=1 hints=[\"model start と入力して Enter\", \"もう一度\"] solutions=[\"model start\"] passed=true",
            "> let total = 180 + 150",
            "> total",
            "= 330",
            "end 1",
            "step 2/2 合計",
            "quiz 合計は? answer=550 hints=[\"180 + 150 + 220\"]",
            "expect true subtotal 330",
            "end 2",
        ])
        #expect(sink.text == "")
        #expect(interpreter.global("total") == .number(330))
    }

    @Test func withoutAHostSayPrintsAndStepsRun() {
        #expect(printed("lesson \"x\"\nstep \"s\" {\n  say \"hello\"\n  print(1)\n}\nexpect 1 == 1, \"ok\"") == "hello\n1\n")
    }

    @Test func withoutAHostAFailedExpectIsAnError() {
        #expect(runScript("expect 1 == 2, \"one is two\"") == """
        test.panya:1:8: error: expectation failed: one is two
          1 | expect 1 == 2, "one is two"
            |        ^~~~~~

        """)
    }

    @Test func withoutAHostTasksNeedALesson() {
        #expect(firstDiagnostic("task \"t\" { check true }")?.message == Catalog.lessonOnly("task"))
        #expect(firstDiagnostic("quiz \"q\" { answer 1 }")?.message == Catalog.lessonOnly("quiz"))
    }

    @Test func clausesAreChecked() {
        #expect(firstDiagnostic("task \"t\" { hint \"h\" }")?.message == Catalog.taskNeedsCheck)
        #expect(firstDiagnostic("quiz \"q\" { hint \"h\" }")?.message == Catalog.quizNeedsOneAnswer)
        #expect(firstDiagnostic("task \"t\" { answer 1 }")?.message == Catalog.clauseExpected(block: "task", allowed: ["check", "hint", "solution"]))
        #expect(firstDiagnostic("step \"a\" { step \"b\" { } }")?.message == Catalog.stepAtTopLevel)
    }

    @Test func hostErrorsStopTheScript() throws {
        final class Failing: LessonHost {
            func lessonHeader(title: String, options: OrderedMap, span: SourceSpan) throws {}
            func beginStep(title: String, index: Int, count: Int, span: SourceSpan) throws {}
            func endStep(index: Int) throws {}
            func say(_ text: String) throws { throw Interrupted() }
            func demo(sourceText: String, run: () throws -> Value?) throws { _ = try run() }
            func task(_ task: TaskSpec) throws {}
            func quiz(_ quiz: QuizSpec) throws {}
            func expect(passed: Bool, message: String, span: SourceSpan) throws {}
        }
        let host = Failing()
        let (interpreter, _) = makeInterpreter()
        interpreter.lessonHost = host
        let d = try #require(interpreter.run(source: "step \"s\" {\n  say \"x\"\n}", file: "l"))
        #expect(d.isInterruption)
        #expect(d.span.line == 2)
        let demoError = try #require(interpreter.run(source: "step \"s\" {\n  print(nope)\n}", file: "l"))
        #expect(demoError.message.en.hasPrefix("unknown variable 'nope'"))
    }
}
