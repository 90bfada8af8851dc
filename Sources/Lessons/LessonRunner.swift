import Foundation
import PanyaLanguage
import PanyaStore
import PanyaSupport

/// How an interactive lesson run ended.
public enum LessonRunOutcome: Equatable {
    /// Every step done; progress marked finished.
    case finished
    /// The student typed `quit` (or Ctrl-D); `lesson start` resumes at `step`.
    case paused(step: Int)
    /// The lesson could not run (unreadable, a syntax error, a failing statement outside a demo).
    /// The runner has not shown it: the caller renders it (`DiagnosticRenderer`, the lesson's source).
    case failed(Diagnostic)
}

/// Thrown from host methods to stop the script when the student quits.
struct LessonStop: Error {}

/// Runs one lesson interactively (lessons.md): step headers, narration wrapped to the terminal,
/// demos echoed after the prompt and run, tasks at `task> ` checked after every line with the next
/// hint after each wrong try, quizzes, Enter between steps, progress saved per student and resumed.
public final class LessonRunner: LessonHost {
    public let factory: any LessonEnvironmentFactory
    public let progressStore: any LessonProgressKeeping
    public let student: String
    public private(set) var language: UILanguage
    public let terminal: Terminal
    public let io: LessonIO
    /// The environment of the last run (the shell may keep its variables at the prompt).
    public private(set) var environment: (any LessonEnvironment)?

    // The run in progress.
    private var lessonFile: LessonFile?
    private var fileName = ""
    private var title = ""
    private var progress = LessonProgress(student: "", lesson: "")
    private var resumeStep = 1
    private var replaying = false
    private var stopRequested = false
    private var stepDone = 0, stepSkipped = 0, stepQuizRight = 0
    private var shownTaskHelp = false, shownQuizHelp = false

    public init(factory: any LessonEnvironmentFactory, progress: any LessonProgressKeeping, student: String,
                language: UILanguage, terminal: Terminal = .plain, io: LessonIO) {
        self.factory = factory
        self.progressStore = progress
        self.student = student
        self.language = language
        self.terminal = terminal
        self.io = io
    }

    /// `lesson reset N`: forgets the student's progress in `lesson`.
    public func reset(_ lesson: LessonFile) throws {
        try progressStore.reset(student: student, lesson: lesson.key)
    }

    /// `lesson start N` / `panya lesson FILE`: runs `lesson`, resuming where the student stopped.
    public func run(_ lesson: LessonFile) -> LessonRunOutcome {
        lessonFile = lesson
        fileName = lesson.fileName
        title = lesson.title ?? lesson.fileName
        stopRequested = false
        replaying = false
        shownTaskHelp = false
        shownQuizHelp = false
        // The runner speaks the lesson's language: its file name's (`.en.panya`), else its `--lang`,
        // else Japanese (lessons are Japanese first).
        language = lesson.language

        let source: String
        do {
            source = try LessonSource.read(path: lesson.path)
        } catch {
            return fail(Diagnostic(file: fileName, span: .unknown, message: error.message))
        }
        let env: any LessonEnvironment
        do {
            env = try factory.makeEnvironment(for: lesson, purpose: .interactive, language: language) { [weak self] text in
                self?.programOutput(text)
            }
        } catch {
            return fail(Diagnostic(file: fileName, span: .unknown, message: LessonError.environment(describe(error)).message))
        }
        environment = env
        let interpreter = env.interpreter
        interpreter.language = language
        interpreter.lessonHost = self
        defer { interpreter.lessonHost = nil }

        let program = interpreter.parse(source, file: fileName)
        if let first = program.diagnostics.first { return .failed(first) }

        let saved = try? progressStore.load(student: student, lesson: lesson.key)
        progress = saved ?? LessonProgress(student: student, lesson: lesson.key)
        progress.stepCount = program.steps.count
        if progress.finished {
            io.write(paint(Catalog.lessonStartingOver.text(language), .dim) + "\n")
            progress = LessonProgress(student: student, lesson: lesson.key, stepCount: program.steps.count)
        }
        resumeStep = max(1, min(progress.currentStep, max(1, program.steps.count)))
        if resumeStep > 1 {
            io.write(paint(Catalog.lessonResuming(resumeStep, program.steps.count).text(language), .dim) + "\n")
        }

        let diagnostic = interpreter.run(program: program, file: fileName)
        if stopRequested {
            save()
            io.write("\n" + Catalog.lessonStopped(progress.currentStep).text(language) + "\n")
            return .paused(step: progress.currentStep)
        }
        if let diagnostic {
            save()
            return .failed(diagnostic)
        }
        progress.finished = true
        progress.currentStep = program.steps.count + 1
        save()
        io.write("\n" + paint(Catalog.lessonFinished(title, done: progress.tasksDone, skipped: progress.tasksSkipped,
                                                     tries: progress.tries).text(language), .green) + "\n")
        return .finished
    }

    // MARK: LessonHost

    public func lessonHeader(title: String, options: OrderedMap, span: SourceSpan) throws {
        self.title = title
        if let lang = options["lang"]?.asString.flatMap(UILanguage.init(code:)) {
            language = lang
            environment?.interpreter.language = lang
        }
        var rest = options
        rest["lang"] = nil
        try environment?.applyLessonOptions(rest)
        if resumeStep <= 1 {
            io.write(paint("== \(title) ==", .bold) + "\n")
        }
    }

    public func beginStep(title: String, index: Int, count: Int, span: SourceSpan) throws {
        replaying = index < resumeStep
        stepDone = 0; stepSkipped = 0; stepQuizRight = 0
        guard !replaying else { return }
        progress.currentStep = index
        progress.stepCount = count
        save()
        io.write("\n" + paint(Catalog.lessonStepHeader(index, count, title).text(language), .bold) + "\n")
    }

    public func endStep(index: Int) throws {
        guard !replaying else { return }
        progress.tasksDone += stepDone
        progress.tasksSkipped += stepSkipped
        progress.quizzesRight += stepQuizRight
        progress.currentStep = index + 1
        save()
        if index < progress.stepCount {
            guard let line = io.readLine("\n" + Catalog.lessonPressEnter.text(language)) else { throw stop() }
            if isQuit(line) { throw stop() }
        }
    }

    public func say(_ text: String) throws {
        guard !replaying else { return }
        for line in LessonRunner.wrap(text, width: max(20, terminal.columns - 1)) { io.write(line + "\n") }
    }

    public func demo(sourceText: String, run: () throws -> Value?) throws {
        if replaying {
            _ = try? run()
            return
        }
        io.write(echo(sourceText))
        do {
            if let value = try run() { show(value) }
        } catch let d as Diagnostic {
            io.write(DiagnosticRenderer.render(d, source: sourceOfLesson(), language: language))
        }
    }

    public func task(_ task: TaskSpec) throws {
        guard let interpreter = environment?.interpreter else { return }
        if replaying {
            for solution in task.solutions { _ = try? interpreter.evaluateEntry(solution, file: "<solution>") }
            restoreFile()
            return
        }
        io.write("\n" + paint(wrapped(Catalog.lessonTaskLabel(task.instruction).text(language)), .cyan) + "\n")
        if !shownTaskHelp {
            io.write(paint(Catalog.lessonTaskHelp.text(language), .dim) + "\n")
            shownTaskHelp = true
        }
        var nextHint = 0
        while true {
            guard let entry = readEntry(prompt: "task> ") else { throw stop() }
            let word = entry.trimmingCharacters(in: .whitespacesAndNewlines)
            if word.isEmpty { continue }
            switch word.lowercased() {
            case "skip":
                stepSkipped += 1
                io.write(Catalog.lessonSkipped.text(language) + "\n")
                typeSolutions(task.solutions)
                return
            case "hint":
                showHint(task.hints, &nextHint)
                continue
            case "quit", "exit":
                throw stop()
            default:
                break
            }
            runStudentEntry(entry)
            if checksPass(task.checks) {
                stepDone += 1
                io.write(paint(Catalog.lessonTaskDone.text(language), .green) + "\n")
                return
            }
            progress.tries += 1
            save()
            io.write(paint(Catalog.lessonNotYet.text(language), .red) + "\n")
            showHint(task.hints, &nextHint)
        }
    }

    public func quiz(_ quiz: QuizSpec) throws {
        guard !replaying, let interpreter = environment?.interpreter else { return }
        let accepted: [Value]
        do {
            accepted = try AnswerMatching.accepted(quiz.answer) { (expr: Expr) throws(Diagnostic) -> Value in try interpreter.evaluate(expr) }
        } catch {
            io.write(Catalog.lessonTeacherWarning(describe(error)).text(language) + "\n")
            return
        }
        io.write("\n" + paint(wrapped(Catalog.lessonQuizLabel(quiz.question).text(language)), .cyan) + "\n")
        if !shownQuizHelp {
            io.write(paint(Catalog.lessonQuizHelp.text(language), .dim) + "\n")
            shownQuizHelp = true
        }
        var nextHint = 0
        while true {
            guard let entry = readEntry(prompt: "quiz> ") else { throw stop() }
            let word = entry.trimmingCharacters(in: .whitespacesAndNewlines)
            if word.isEmpty { continue }
            switch word.lowercased() {
            case "skip":
                stepSkipped += 1
                io.write(Catalog.lessonQuizSkipped(accepted.first?.printed ?? "").text(language) + "\n")
                return
            case "hint":
                showHint(quiz.hints, &nextHint)
                continue
            case "quit", "exit":
                throw stop()
            default:
                break
            }
            switch judge(entry, accepted) {
            case .right:
                stepQuizRight += 1
                io.write(paint(Catalog.lessonQuizRight.text(language), .green) + "\n")
                return
            case .justTheNumber:
                // The right form is not a wrong answer: no try counted, no hint used up.
                io.write(paint(Catalog.lessonJustTheNumber.text(language), .yellow) + "\n")
                continue
            case .wrong:
                break
            }
            progress.tries += 1
            save()
            io.write(paint(Catalog.lessonNotYet.text(language), .red) + "\n")
            showHint(quiz.hints, &nextHint)
        }
    }

    public func expect(passed: Bool, message: String, span: SourceSpan) throws {
        guard !passed, !replaying else { return }
        io.write(paint(Catalog.lessonExpectFailedWarning(message).text(language) + " (\(fileName):\(span))", .yellow) + "\n")
    }

    // MARK: helpers

    /// Whether `typed` is the quiz's answer (``AnswerMatching/judge(_:accepted:evaluate:)``): the
    /// text itself, read forgivingly, else its value as an expression (`180 + 150 + 220`).
    public func answerMatches(_ typed: String, _ expected: Value) -> Bool {
        judge(typed, [expected]) == .right
    }

    /// How `typed` stands against the accepted answers.
    public func judge(_ typed: String, _ accepted: [Value]) -> AnswerMatching.Verdict {
        AnswerMatching.judge(typed, accepted: accepted) { text in
            guard let interpreter = environment?.interpreter, let expr = try? interpreter.parseExpression(text) else { return nil }
            return try? interpreter.evaluate(expr)
        }
    }

    private func checksPass(_ checks: [Expr]) -> Bool {
        guard let interpreter = environment?.interpreter else { return false }
        for check in checks {
            guard let value = try? interpreter.evaluate(check), value == .bool(true) else { return false }
        }
        return true
    }

    /// After a skip, types the task's solutions for the student (shown like demos) so that the
    /// following steps find the variables and state they expect.
    private func typeSolutions(_ solutions: [String]) {
        guard !solutions.isEmpty else { return }
        io.write(paint(Catalog.lessonSolutionTyped.text(language), .dim) + "\n")
        for solution in solutions {
            io.write(echo(solution))
            runStudentEntry(solution)
        }
    }

    private func runStudentEntry(_ entry: String) {
        guard let env = environment else { return }
        do {
            if let value = try env.interpreter.evaluateEntry(entry, file: "<stdin>") { show(value) }
        } catch {
            io.write(DiagnosticRenderer.render(error, source: entry, language: language))
        }
        restoreFile()
    }

    /// Shows a value as the prompt would (nothing when its human form is empty).
    private func show(_ value: Value) {
        guard let env = environment else { return }
        let text = env.display(value)
        if !text.isEmpty { io.write(text.hasSuffix("\n") ? text : text + "\n") }
    }

    /// `evaluateEntry` leaves the interpreter's file at `<stdin>`; set it back to the lesson's so
    /// later diagnostics name the lesson file.
    private func restoreFile() {
        _ = try? environment?.interpreter.evaluateEntry("", file: fileName)
    }

    private func readEntry(prompt: String) -> String? {
        guard var entry = io.readLine(prompt) else { return nil }
        while Interpreter.needsMoreInput(entry), let more = io.readLine("...> ") {
            entry += "\n" + more
        }
        return entry
    }

    private func showHint(_ hints: [String], _ next: inout Int) {
        if next < hints.count {
            io.write(paint(wrapped(Catalog.lessonHint(hints[next]).text(language)), .yellow) + "\n")
            next += 1
        } else if !hints.isEmpty {
            io.write(paint(Catalog.lessonNoMoreHints.text(language), .dim) + "\n")
        }
    }

    private func echo(_ source: String) -> String {
        var out = ""
        for (i, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            out += (i == 0 ? paint("panya> ", .dim) : paint("...> ", .dim)) + line + "\n"
        }
        return out
    }

    private func programOutput(_ text: String) {
        if !replaying { io.write(text) }
    }

    private func stop() -> LessonStop {
        stopRequested = true
        return LessonStop()
    }

    private func isQuit(_ line: String) -> Bool {
        ["quit", "exit"].contains(line.trimmingCharacters(in: .whitespaces).lowercased())
    }

    private func save() {
        progress.updatedAt = Date().timeIntervalSince1970
        try? progressStore.save(progress)
    }

    private func fail(_ d: Diagnostic) -> LessonRunOutcome { .failed(d) }

    private func sourceOfLesson() -> String {
        guard let path = lessonFile?.path else { return "" }
        return (try? LessonSource.read(path: path)) ?? ""
    }

    private func wrapped(_ text: String) -> String {
        LessonRunner.wrap(text, width: max(20, terminal.columns - 1)).joined(separator: "\n")
    }

    /// `DisplayWidth.wrap`, plus the Japanese rule that a line never starts with closing
    /// punctuation (。、」) ): such a character goes back to the end of the line before.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let closing: Set<Character> = ["。", "、", "」", "』", "）", ")", "!", "?", "！", "？", "・", "ー", "…", ".", ",", "〜"]
        var lines = DisplayWidth.wrap(text, width: max(4, width - 2))
        var i = 1
        while i < lines.count {
            while let first = lines[i].first, closing.contains(first), !lines[i - 1].isEmpty {
                lines[i - 1].append(first)
                lines[i].removeFirst()
            }
            if lines[i].isEmpty { lines.remove(at: i) } else { i += 1 }
        }
        return lines
    }

    private func describe(_ error: any Error) -> String {
        if let d = error as? Diagnostic { return d.text(language) }
        if let e = error as? UserFacingError { return e.message.text(language) }
        return String(describing: error)
    }

    enum Style: String { case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", cyan = "36" }

    private func paint(_ text: String, _ style: Style) -> String {
        terminal.color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
