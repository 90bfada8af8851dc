import PanyaSupport

// The lesson statements (lesson, step, say, task, quiz, expect): what they do with and without
// a lesson host (lessons.md). The interpreter compiles them like any statement.

/// `lesson "title" --flags`: the header, for the host; ignored in a plain script.
final class LessonHeaderStmt: CompiledStmt {
    let title: CompiledExpr
    let options: [(String, CompiledExpr?)]
    init(title: CompiledExpr, options: [(String, CompiledExpr?)], span: SourceSpan) {
        self.title = title; self.options = options; super.init(span: span)
    }
    override func exec(_ interpreter: Interpreter, _ frame: Frame) throws -> Flow {
        guard let host = interpreter.lessonHost else { return .normal }
        let text = try interpreter.printedForm(try title.eval(interpreter, frame), span: title.span)
        var values = OrderedMap()
        for (name, value) in options {
            values[name] = try value.map { e throws in try e.eval(interpreter, frame) } ?? .bool(true)
        }
        let span = self.span
        try interpreter.hostCall(span) { try host.lessonHeader(title: text, options: values, span: span) }
        return .normal
    }
}

/// `step "title" { ... }`: with a host, each plain statement is a demo; without one, the body runs.
final class StepStmt: CompiledStmt {
    let title: CompiledExpr
    let body: [CompiledStmt]
    let sources: [String]
    init(title: CompiledExpr, body: [CompiledStmt], sources: [String], span: SourceSpan) {
        self.title = title; self.body = body; self.sources = sources; super.init(span: span)
    }
    override func exec(_ interpreter: Interpreter, _ frame: Frame) throws -> Flow {
        interpreter.stepIndex += 1
        let index = interpreter.stepIndex
        let text = try interpreter.printedForm(try title.eval(interpreter, frame), span: title.span)
        guard let host = interpreter.lessonHost else {
            for stmt in body { _ = try stmt.exec(interpreter, frame) }
            return .normal
        }
        let span = self.span
        let count = max(interpreter.stepCount, index)
        try interpreter.hostCall(span) { try host.beginStep(title: text, index: index, count: count, span: span) }
        for (i, stmt) in body.enumerated() {
            if stmt is LessonStatement {
                _ = try stmt.exec(interpreter, frame)
                continue
            }
            let source = i < sources.count ? sources[i] : ""
            try interpreter.hostCall(stmt.span) {
                try host.demo(sourceText: source) { () throws -> Value? in
                    try interpreter.displaying { () throws -> Value? in try stmt.display(interpreter, frame) }
                }
            }
        }
        try interpreter.hostCall(span) { try host.endStep(index: index) }
        return .normal
    }
}

/// Marks the statements a step runs itself rather than as demos.
protocol LessonStatement {}
extension LessonHeaderStmt: LessonStatement {}
extension StepStmt: LessonStatement {}

/// `say EXPR`: narration with a host, a printed line without.
final class SayStmt: CompiledStmt, LessonStatement {
    let text: CompiledExpr
    init(text: CompiledExpr, span: SourceSpan) { self.text = text; super.init(span: span) }
    override func exec(_ interpreter: Interpreter, _ frame: Frame) throws -> Flow {
        let words = try interpreter.printedForm(try text.eval(interpreter, frame), span: text.span)
        if let host = interpreter.lessonHost {
            try interpreter.hostCall(span) { try host.say(words) }
        } else {
            interpreter.write(words + "\n")
        }
        return .normal
    }
}

/// `task "..." { check; hint; solution }`: only in a lesson.
final class TaskStmt: CompiledStmt, LessonStatement {
    let task: TaskDecl
    let instruction: CompiledExpr
    let hints: [CompiledExpr]
    let solutions: [CompiledExpr]
    init(task: TaskDecl, instruction: CompiledExpr, hints: [CompiledExpr], solutions: [CompiledExpr]) {
        self.task = task; self.instruction = instruction; self.hints = hints; self.solutions = solutions
        super.init(span: task.span)
    }
    override func exec(_ interpreter: Interpreter, _ frame: Frame) throws -> Flow {
        guard let host = interpreter.lessonHost else { throw interpreter.diagnostic(Catalog.lessonOnly("task"), span) }
        let spec = TaskSpec(instruction: try interpreter.printedForm(try instruction.eval(interpreter, frame), span: instruction.span),
                            checks: task.checks, hints: try interpreter.texts(hints, frame),
                            solutions: try interpreter.texts(solutions, frame), span: span)
        try interpreter.hostCall(span) { try host.task(spec) }
        return .normal
    }
}

/// `quiz "..." { answer; hint }`: only in a lesson.
final class QuizStmt: CompiledStmt, LessonStatement {
    let quiz: QuizDecl
    let question: CompiledExpr
    let hints: [CompiledExpr]
    init(quiz: QuizDecl, question: CompiledExpr, hints: [CompiledExpr]) {
        self.quiz = quiz; self.question = question; self.hints = hints
        super.init(span: quiz.span)
    }
    override func exec(_ interpreter: Interpreter, _ frame: Frame) throws -> Flow {
        guard let host = interpreter.lessonHost else { throw interpreter.diagnostic(Catalog.lessonOnly("quiz"), span) }
        let spec = QuizSpec(question: try interpreter.printedForm(try question.eval(interpreter, frame), span: question.span),
                            answer: quiz.answer, hints: try interpreter.texts(hints, frame), span: span)
        try interpreter.hostCall(span) { try host.quiz(spec) }
        return .normal
    }
}

/// `expect EXPR, "message"`: a teacher's warning with a host, an error when false without.
final class ExpectStmt: CompiledStmt, LessonStatement {
    let condition: CompiledExpr
    let message: CompiledExpr
    init(condition: CompiledExpr, message: CompiledExpr, span: SourceSpan) {
        self.condition = condition; self.message = message; super.init(span: span)
    }
    override func exec(_ interpreter: Interpreter, _ frame: Frame) throws -> Flow {
        let passed = try interpreter.condition(condition, "expect", frame)
        let text = try interpreter.printedForm(try message.eval(interpreter, frame), span: message.span)
        if let host = interpreter.lessonHost {
            let span = self.span
            try interpreter.hostCall(span) { try host.expect(passed: passed, message: text, span: span) }
        } else if !passed {
            throw interpreter.diagnostic(Catalog.expectationFailed(text), condition.span)
        }
        return .normal
    }
}

extension Interpreter {
    /// Each expression's printed form.
    func texts(_ exprs: [CompiledExpr], _ frame: Frame) throws -> [String] {
        var result: [String] = []
        for e in exprs { result.append(try printedForm(try e.eval(self, frame), span: e.span)) }
        return result
    }

    /// Runs a host callback; its errors become diagnostics at `span`.
    func hostCall(_ span: SourceSpan, _ body: () throws -> Void) throws {
        do { try body() } catch { throw diagnostic(from: error, at: span) }
    }
}
