/// An expression, with the span of its source.
public indirect enum Expr: Equatable, Sendable {
    case number(Double, SourceSpan)
    case string(String, SourceSpan)
    /// A string with `{expr}` interpolations.
    case template([TemplatePart], SourceSpan)
    case bool(Bool, SourceSpan)
    case null(SourceSpan)
    case variable(String, SourceSpan)
    case list([Expr], SourceSpan)
    case map([MapEntry], SourceSpan)
    case unary(UnaryOperator, Expr, SourceSpan)
    case binary(BinaryOperator, Expr, Expr, SourceSpan)
    case logical(LogicalOperator, Expr, Expr, SourceSpan)
    case call(Expr, [Argument], SourceSpan)
    case index(Expr, Expr, SourceSpan)
    case field(Expr, String, SourceSpan)
    /// An anonymous function: `fn (x) { ... }`.
    case function(FunctionDecl)
    /// A command statement used as a value: `let r = detect photo.jpg`.
    case command(CommandInvocation)
    /// Two or more left-associative steps after a first operand, kept flat so that a long line
    /// (`1 + 1 + …`, `x[0][0]…`) never nests: `a + b - c`, `r.labels[0].name`, `a or b or c`.
    case chain(Expr, [ChainStep], SourceSpan)

    /// Where the expression is.
    public var span: SourceSpan {
        switch self {
        case .number(_, let s), .string(_, let s), .template(_, let s), .bool(_, let s), .null(let s),
             .variable(_, let s), .list(_, let s), .map(_, let s), .unary(_, _, let s), .binary(_, _, _, let s),
             .logical(_, _, _, let s), .call(_, _, let s), .index(_, _, let s), .field(_, _, let s), .chain(_, _, let s):
            return s
        case .function(let decl): return decl.span
        case .command(let invocation): return invocation.span
        }
    }
}

/// One step of a chain: an operator and its right operand, or a call, index or field.
public struct ChainStep: Equatable, Sendable {
    /// What the step does.
    public enum Operation: Equatable, Sendable {
        case binary(BinaryOperator, Expr)
        case logical(LogicalOperator, Expr)
        case call([Argument])
        case index(Expr)
        case field(String)
    }
    /// What the step does.
    public var operation: Operation
    /// The span of the chain from its first operand through this step.
    public var span: SourceSpan
    /// Makes one from its parts.
    public init(_ operation: Operation, span: SourceSpan) { self.operation = operation; self.span = span }
}

/// A piece of an interpolated string.
public enum TemplatePart: Equatable, Sendable {
    case text(String)
    case expr(Expr)
}

/// `key: value` in a map literal.
public struct MapEntry: Equatable, Sendable {
    /// The key (a string).
    public var key: String
    /// The value expression.
    public var value: Expr
    /// Makes one from its parts.
    public init(key: String, value: Expr) { self.key = key; self.value = value }
}

/// A call argument, optionally labelled (`key: v`).
public struct Argument: Equatable, Sendable {
    /// The `name:` before the value, if any.
    public var label: String?
    /// The value expression.
    public var value: Expr
    /// Makes one from its parts.
    public init(label: String?, value: Expr) { self.label = label; self.value = value }
}

/// `-x`, `not x`.
public enum UnaryOperator: String, Sendable { case negate = "-", not = "not" }

/// Arithmetic and comparison operators.
public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
}

/// `and`, `or` (short-circuit).
public enum LogicalOperator: String, Sendable { case and, or }

/// `=`, `+=`, `-=`, `*=`.
public enum AssignOperator: String, Sendable {
    case assign = "=", add = "+=", subtract = "-=", multiply = "*="

    var binary: BinaryOperator? {
        switch self {
        case .assign: return nil
        case .add: return .add
        case .subtract: return .subtract
        case .multiply: return .multiply
        }
    }
}

/// A function: `fn name(a, b) { ... }` or anonymous.
public struct FunctionDecl: Equatable, Sendable {
    /// The declared name; nil for `fn (x) { ... }`.
    public var name: String?
    /// Parameter names in order.
    public var parameters: [String]
    /// The statements of the body.
    public var body: [Stmt]
    /// Where it is.
    public var span: SourceSpan
    /// Makes one from its parts.
    public init(name: String?, parameters: [String], body: [Stmt], span: SourceSpan) {
        self.name = name; self.parameters = parameters; self.body = body; self.span = span
    }
}

/// A command statement: `model start --units 1`.
public struct CommandInvocation: Equatable, Sendable {
    /// The registered name, words separated by spaces.
    public var name: String
    /// Positional arguments and flags in the order written.
    public var arguments: [CommandArgument]
    /// The whole statement.
    public var span: SourceSpan
    /// Makes one from its parts.
    public init(name: String, arguments: [CommandArgument], span: SourceSpan) {
        self.name = name; self.arguments = arguments; self.span = span
    }
}

/// One argument of a command statement.
public enum CommandArgument: Equatable, Sendable {
    case positional(Expr)
    /// `--flag value` (name in snake_case); value nil means the flag stood alone (`true`).
    case flag(name: String, value: Expr?, span: SourceSpan)
}

/// Where an assignment stores its value: a variable, then indexes or fields into it.
public struct AssignTarget: Equatable, Sendable {
    /// The variable assigned to.
    public var name: String
    /// Where the name is.
    public var nameSpan: SourceSpan
    /// Indexes and fields after the variable, outermost first.
    public var path: [PathComponent]
    /// Makes one from its parts.
    public init(name: String, nameSpan: SourceSpan, path: [PathComponent]) {
        self.name = name; self.nameSpan = nameSpan; self.path = path
    }
}

/// One step into a value: `[expr]` or `.field`.
public enum PathComponent: Equatable, Sendable {
    case index(Expr, SourceSpan)
    case field(String, SourceSpan)
}

/// A statement.
public indirect enum Stmt: Equatable, Sendable {
    case expression(Expr)
    case command(CommandInvocation)
    case `let`(name: String, nameSpan: SourceSpan, value: Expr, span: SourceSpan)
    case assign(AssignTarget, AssignOperator, Expr, span: SourceSpan)
    case function(FunctionDecl)
    case `if`(condition: Expr, then: [Stmt], else: [Stmt]?, span: SourceSpan)
    case `for`(name: String, nameSpan: SourceSpan, sequence: Expr, body: [Stmt], span: SourceSpan)
    case `while`(condition: Expr, body: [Stmt], span: SourceSpan)
    case `break`(SourceSpan)
    case `continue`(SourceSpan)
    case `return`(Expr?, span: SourceSpan)
    // Lesson statements (lessons.md).
    case lesson(title: Expr, options: [CommandArgument], span: SourceSpan)
    case step(StepDecl)
    case say(Expr, span: SourceSpan)
    case task(TaskDecl)
    case quiz(QuizDecl)
    case expect(Expr, message: Expr, span: SourceSpan)

    /// Where the statement is.
    public var span: SourceSpan {
        switch self {
        case .expression(let e): return e.span
        case .command(let c): return c.span
        case .let(_, _, _, let s), .assign(_, _, _, let s), .if(_, _, _, let s), .for(_, _, _, _, let s),
             .while(_, _, let s), .break(let s), .continue(let s), .return(_, let s), .lesson(_, _, let s),
             .say(_, let s), .expect(_, _, let s):
            return s
        case .function(let f): return f.span
        case .step(let s): return s.span
        case .task(let t): return t.span
        case .quiz(let q): return q.span
        }
    }
}

/// `step "title" { ... }`; `sources` holds each body statement's source text (for demos).
public struct StepDecl: Equatable, Sendable {
    /// The step's title.
    public var title: Expr
    /// The statements of the body.
    public var body: [Stmt]
    /// Each body statement's source text, for demos.
    public var sources: [String]
    /// Where it is.
    public var span: SourceSpan
    /// Makes one from its parts.
    public init(title: Expr, body: [Stmt], sources: [String], span: SourceSpan) {
        self.title = title; self.body = body; self.sources = sources; self.span = span
    }
}

/// `task "instruction" { check ...; hint "..."; solution "..." }`.
public struct TaskDecl: Equatable, Sendable {
    /// What the student is asked to do.
    public var instruction: Expr
    /// Conditions that are all true once the task is done.
    public var checks: [Expr]
    /// Hints, shown one per wrong try.
    public var hints: [Expr]
    /// Lines that solve the task (typed by `panya check`).
    public var solutions: [Expr]
    /// Where it is.
    public var span: SourceSpan
    /// Makes one from its parts.
    public init(instruction: Expr, checks: [Expr], hints: [Expr], solutions: [Expr], span: SourceSpan) {
        self.instruction = instruction; self.checks = checks; self.hints = hints; self.solutions = solutions; self.span = span
    }
}

/// `quiz "question" { answer EXPR; hint "..." }`.
public struct QuizDecl: Equatable, Sendable {
    /// The question shown to the student.
    public var question: Expr
    /// The expected answer, evaluated by the host.
    public var answer: Expr
    /// Hints, shown one per wrong try.
    public var hints: [Expr]
    /// Where it is.
    public var span: SourceSpan
    /// Makes one from its parts.
    public init(question: Expr, answer: Expr, hints: [Expr], span: SourceSpan) {
        self.question = question; self.answer = answer; self.hints = hints; self.span = span
    }
}

/// A parsed source: its statements and every mistake found.
public struct Program: Equatable, Sendable {
    /// The statements that parsed (broken ones are left out).
    public var statements: [Stmt]
    /// Every mistake found, in source order.
    public var diagnostics: [Diagnostic]
    /// Makes one from its parts.
    public init(statements: [Stmt], diagnostics: [Diagnostic]) {
        self.statements = statements; self.diagnostics = diagnostics
    }

    /// The `step` statements at the top level, in order.
    public var steps: [StepDecl] {
        statements.compactMap { if case .step(let s) = $0 { return s } else { return nil } }
    }
}
