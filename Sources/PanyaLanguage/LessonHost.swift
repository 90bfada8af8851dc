/// What runs a lesson: the interpreter calls it for lesson statements (lessons.md).
///
/// Any error a method throws stops the script: a `Diagnostic` as it is, a `UserFacingError`
/// as a diagnostic at the statement, `Interrupted` as an interruption.
public protocol LessonHost: AnyObject {
    /// `lesson "title" --flags`: the options by snake_case name.
    func lessonHeader(title: String, options: OrderedMap, span: SourceSpan) throws
    /// Before a step's body; `index` is 1-based, `count` the number of steps in the program.
    func beginStep(title: String, index: Int, count: Int, span: SourceSpan) throws
    /// After a step's body.
    func endStep(index: Int) throws
    /// `say "text"`.
    func say(_ text: String) throws
    /// A plain statement inside a step: echo `sourceText`, call `run()`, show its value if any.
    func demo(sourceText: String, run: () throws -> Value?) throws
    /// `task "instruction" { ... }`.
    func task(_ task: TaskSpec) throws
    /// `quiz "question" { ... }`.
    func quiz(_ quiz: QuizSpec) throws
    /// `expect EXPR, "message"`.
    func expect(passed: Bool, message: String, span: SourceSpan) throws
}

/// A task as the host sees it: checks to evaluate (with `Interpreter.evaluate`), hints and solutions as text.
public struct TaskSpec: Equatable, Sendable {
    /// What the student is asked to do.
    public var instruction: String
    /// Conditions that are all true once the task is done.
    public var checks: [Expr]
    /// Hints, shown one per wrong try.
    public var hints: [String]
    /// Lines that solve the task (typed by `panya check`).
    public var solutions: [String]
    /// Where it is.
    public var span: SourceSpan
    /// Makes one from its parts.
    public init(instruction: String, checks: [Expr], hints: [String], solutions: [String], span: SourceSpan) {
        self.instruction = instruction; self.checks = checks; self.hints = hints; self.solutions = solutions; self.span = span
    }
}

/// A quiz as the host sees it: the answer to evaluate and the hints as text.
public struct QuizSpec: Equatable, Sendable {
    /// The question shown to the student.
    public var question: String
    /// The expected answer, evaluated by the host.
    public var answer: Expr
    /// Hints, shown one per wrong try.
    public var hints: [String]
    /// Where it is.
    public var span: SourceSpan
    /// Makes one from its parts.
    public init(question: String, answer: Expr, hints: [String], span: SourceSpan) {
        self.question = question; self.answer = answer; self.hints = hints; self.span = span
    }
}
