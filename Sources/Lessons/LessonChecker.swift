import Foundation
import PanyaLanguage
import PanyaSupport

/// The result of checking one lesson file.
public struct LessonCheckResult: Equatable {
    /// The path checked.
    public var path: String
    /// The file name printed in the report.
    public var fileName: String
    /// The first failure (its span is in the lesson file), nil when the lesson passed.
    public var failure: Diagnostic?
    /// Each quiz the run reached, with the answers it accepted then (`panya check --explain`).
    public var quizzes: [QuizExplanation] = []

    public var passed: Bool { failure == nil }

    /// `ok   01-ai-register.panya` or `FAIL 02-threshold-puzzle.panya:23:5: expect failed: …`.
    public func line(language: UILanguage = .en) -> String {
        guard let failure else { return "ok   \(fileName)" }
        let place = failure.span.line > 0 ? "\(fileName):\(failure.span.line):\(failure.span.column)" : fileName
        // One line per lesson: a message's further lines (how to fix it) are indented under it.
        let text = failure.text(language).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().map { $0.offset == 0 ? String($0.element) : "     " + $0.element }.joined(separator: "\n")
        return "FAIL \(place): \(text)"
    }
}

/// One quiz as `panya check --explain` shows it: where it is, its question, and the answers it
/// accepted in the run (computed answers evaluated, `or` alternatives listed).
public struct QuizExplanation: Equatable, Sendable {
    /// The quiz's line in the lesson file.
    public var line: Int
    /// The question.
    public var question: String
    /// The accepted answers, as the prompt prints them.
    public var answers: [String]

    /// Makes one from its parts.
    public init(line: Int, question: String, answers: [String]) {
        self.line = line; self.question = question; self.answers = answers
    }

    /// `     quiz 58: How many…? → 3` (alternatives joined with ` | `).
    public var text: String { "     quiz \(line): \(question) → \(answers.joined(separator: " | "))" }
}

/// `panya check [PATH...]`: runs every lesson with no terminal, each alone with fresh state from the
/// factory (purpose `.check`: an in-memory database), at the lesson's `--clock`, typing the
/// solutions of tasks and entering the answers of quizzes; every `check` and `expect` must hold.
public final class LessonChecker {
    public let factory: any LessonEnvironmentFactory
    public let language: UILanguage
    /// The most seconds one lesson may run (`panya check --time-limit`); past it the lesson fails
    /// at the statement that was running (an endless loop), and the next lesson is checked.
    public var timeLimit: Double
    /// `--explain`: after each lesson's line, every quiz with the answer it expected in the run, so
    /// that a teacher sees a wrong hard-coded answer before the class does.
    public var explain = false

    /// The default per-lesson limit: 120 seconds (a debug build checks lesson 5 in tens of seconds).
    public static let defaultTimeLimit: Double = 120

    public init(factory: any LessonEnvironmentFactory, language: UILanguage = .en, timeLimit: Double = LessonChecker.defaultTimeLimit) {
        self.factory = factory
        self.language = language
        self.timeLimit = timeLimit
    }

    /// The code of a lesson that ran past the time limit.
    public static let timedOutCode = "LessonTimedOut"

    /// Directories become their `*.panya` files (sorted); files stay as given. No paths: `defaultDirectory`.
    public static func lessonPaths(_ paths: [String], defaultDirectory: String = "lessons") -> [String] {
        let given = paths.isEmpty ? [defaultDirectory] : paths
        var result: [String] = []
        for path in given {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                result += LessonLibrary.panyaFiles(in: path)
            } else {
                result.append(path)
            }
        }
        return result
    }

    /// Checks the lessons at `paths`, writes one line per lesson and `N passed, N failed`, and
    /// returns the exit status: 0 when all passed, 1 otherwise (also when there was nothing to check).
    public func run(paths: [String], defaultDirectory: String = "lessons", write: (String) -> Void) -> Int32 {
        let files = Self.lessonPaths(paths, defaultDirectory: defaultDirectory)
        if files.isEmpty {
            write(Catalog.lessonCheckNoFiles.text(language) + "\n")
            write("0 passed, 0 failed\n")
            return 1
        }
        var passed = 0, failed = 0
        for path in files {
            let result = check(path: path)
            write(result.line(language: language) + "\n")
            if explain { for quiz in result.quizzes { write(quiz.text + "\n") } }
            if result.passed { passed += 1 } else { failed += 1 }
        }
        write("\(passed) passed, \(failed) failed\n")
        return failed == 0 ? 0 : 1
    }

    /// Checks one lesson file.
    public func check(path: String) -> LessonCheckResult {
        let file = LessonFile(path: path)
        var result = LessonCheckResult(path: path, fileName: file.fileName, failure: nil)
        let source: String
        do {
            source = try LessonSource.read(path: path)
        } catch {
            result.failure = Diagnostic(file: file.fileName, span: .unknown, message: error.message)
            return result
        }
        let env: any LessonEnvironment
        do {
            env = try factory.makeEnvironment(for: file, purpose: .check, language: file.fileLanguage ?? language) { _ in }
        } catch {
            result.failure = Diagnostic(file: file.fileName, span: .unknown, message: LessonError.environment(String(describing: error)).message)
            return result
        }
        let host = CheckHost(environment: env, fileName: file.fileName, source: source, language: language)
        result.failure = host.check(timeLimit: timeLimit)
        result.quizzes = host.quizzes
        return result
    }
}

/// The host for one lesson under `panya check`: the first failure throws and stops the script.
final class CheckHost: LessonHost {
    let environment: any LessonEnvironment
    let fileName: String
    let source: String
    let language: UILanguage
    /// The quizzes reached so far, with their answers in this run.
    private(set) var quizzes: [QuizExplanation] = []
    private lazy var lines: [[Character]] = source.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }

    init(environment: any LessonEnvironment, fileName: String, source: String, language: UILanguage) {
        self.environment = environment
        self.fileName = fileName
        self.source = source
        self.language = language
    }

    var interpreter: Interpreter { environment.interpreter }

    /// Runs the lesson within `timeLimit` seconds; the first failure, or nil. Past the limit the
    /// interpreter stops where it is (as Ctrl-C would) and the failure says the limit at that place.
    func check(timeLimit: Double = LessonChecker.defaultTimeLimit) -> Diagnostic? {
        interpreter.lessonHost = self
        let previous = interpreter.interrupt
        let deadline = ContinuousClock.now + .milliseconds(Int64((max(0, timeLimit) * 1000).rounded()))
        interpreter.interrupt = InterruptSignal(pending: { previous.isPending || ContinuousClock.now >= deadline },
                                                clear: { previous.clear() })
        defer {
            interpreter.lessonHost = nil
            interpreter.interrupt = previous
        }
        // A long command (`simulate`) polls the same deadline through InterruptSignal's check().
        let failure = InterruptSignal.polling({ ContinuousClock.now >= deadline }) { run() }
        // Stopped, and the time is up: the deadline stopped it (a Ctrl-C is answered before it is).
        if let failure, failure.isInterruption, ContinuousClock.now >= deadline {
            return Diagnostic(file: failure.file, span: failure.span, message: Catalog.lessonCheckTimedOut(seconds: timeLimit),
                              code: LessonChecker.timedOutCode)
        }
        return failure
    }

    private func run() -> Diagnostic? {
        let program = interpreter.parse(source, file: fileName)
        if let first = program.diagnostics.first { return first }
        guard let firstStatement = program.statements.first, case .lesson = firstStatement else {
            return Diagnostic(file: fileName, span: program.statements.first?.span ?? SourceSpan(line: 1, column: 1, length: 1),
                              message: Catalog.lessonCheckNoHeader)
        }
        guard !program.steps.isEmpty else { return Diagnostic(file: fileName, span: firstStatement.span, message: Catalog.lessonCheckNoSteps) }
        return interpreter.run(program: program, file: fileName)
    }

    func lessonHeader(title: String, options: OrderedMap, span: SourceSpan) throws {
        if let lang = options["lang"]?.asString.flatMap(UILanguage.init(code:)) { interpreter.language = lang }
        var rest = options
        rest["lang"] = nil
        try environment.applyLessonOptions(rest)
    }

    func beginStep(title: String, index: Int, count: Int, span: SourceSpan) throws {}
    func endStep(index: Int) throws {}
    func say(_ text: String) throws {}

    func demo(sourceText: String, run: () throws -> Value?) throws {
        if let value = try run() { _ = environment.display(value) }
    }

    func task(_ task: TaskSpec) throws {
        guard !task.solutions.isEmpty else { throw failure(Catalog.lessonCheckNoSolution, task.span) }
        // A task whose checks already hold before anything is typed cannot be got wrong: any line passes.
        if task.checks.allSatisfy({ (try? interpreter.evaluate($0)) == .bool(true) }) {
            throw failure(Catalog.lessonCheckAlreadyDone(task.checks.map { text(of: $0.span) }.joined(separator: "; ")), task.span)
        }
        for solution in task.solutions {
            do {
                _ = try interpreter.evaluateEntry(solution, file: "<solution>")
            } catch {
                restoreFile()
                throw failure(Catalog.lessonCheckSolutionFailed(solution, error.text(language)), task.span, code: nil)
            }
        }
        restoreFile()
        for check in task.checks {
            let value: Value
            do {
                value = try interpreter.evaluate(check)
            } catch {
                throw failure(Catalog.lessonCheckCheckError(text(of: check.span), error.text(language)), check.span)
            }
            guard value == .bool(true) else { throw failure(Catalog.lessonCheckCheckFailed(text(of: check.span)), check.span) }
        }
    }

    func quiz(_ quiz: QuizSpec) throws {
        let accepted: [Value]
        do {
            accepted = try AnswerMatching.accepted(quiz.answer) { (expr: Expr) throws(Diagnostic) -> Value in try interpreter.evaluate(expr) }
        } catch {
            throw failure(Catalog.lessonCheckAnswerFailed(error.text(language)), quiz.answer.span)
        }
        quizzes.append(QuizExplanation(line: quiz.span.line, question: quiz.question, answers: accepted.map(\.printed)))
        for answer in accepted {
            guard AnswerMatching.matches(answer, answer) else { throw failure(Catalog.lessonCheckAnswerNotItself, quiz.answer.span) }
            // What the prompt prints for the answer must itself be accepted when typed back.
            let typedBack = AnswerMatching.judge(answer.printed, accepted: accepted) { text in
                guard let expr = try? self.interpreter.parseExpression(text) else { return nil }
                return try? self.interpreter.evaluate(expr)
            }
            guard typedBack == .right else { throw failure(Catalog.lessonCheckAnswerNotTypable(answer.printed), quiz.answer.span) }
        }
    }

    func expect(passed: Bool, message: String, span: SourceSpan) throws {
        guard passed else { throw failure(Catalog.lessonCheckExpectFailed(message), span) }
    }

    private func failure(_ message: Message, _ span: SourceSpan, code: String? = nil) -> Diagnostic {
        Diagnostic(file: fileName, span: span, message: message, code: code)
    }

    /// `evaluateEntry` leaves the interpreter's file at the entry's; set it back to the lesson's.
    private func restoreFile() {
        _ = try? interpreter.evaluateEntry("", file: fileName)
    }

    /// The lesson's text under `span` (one line; longer spans are cut at the line's end).
    func text(of span: SourceSpan) -> String {
        guard span.line >= 1, span.line <= lines.count else { return "" }
        let line = lines[span.line - 1]
        let start = max(0, min(span.column - 1, line.count))
        let end = span.endLine == span.line ? max(start, min(span.endColumn - 1, line.count)) : line.count
        return String(line[start..<end]).trimmingCharacters(in: .whitespaces)
    }
}
