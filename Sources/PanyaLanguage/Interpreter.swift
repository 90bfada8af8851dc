import PanyaSupport

/// Runs panya programs: scripts, prompt entries and lesson statements. Used on one thread.
public final class Interpreter {
    /// The commands command statements and command functions run.
    public let commands: CommandTable
    /// The language diagnostics and messages are written in.
    public var language: UILanguage
    /// The lesson runner, when a lesson is running. Held weakly: the host usually owns the interpreter.
    public weak var lessonHost: LessonHost?
    /// How deep function calls may nest before it is a diagnostic.
    public var maxCallDepth = 200
    /// Asked in every loop iteration and function call: true stops the running statement.
    /// The default consumes a pending Ctrl-C (`Interrupt`); the host clears stale ones before an entry.
    public var interruptRequested: () -> Bool = {
        guard Interrupt.isPending else { return false }
        Interrupt.clear()
        return true
    }
    /// Shows the value of a command statement that is not at the top of a prompt entry (scripts
    /// print what command statements return, in their human form); nil shows nothing.
    public var showCommandValue: ((Value) -> Void)?
    /// The number of `step` statements in the program being run (set by `run`).
    public var stepCount = 0

    private let output: (String) -> Void
    private let builtins: Environment
    private let globals: Environment
    private var environment: Environment
    private var file = "<stdin>"
    private var callDepth = 0
    private var stepIndex = 0
    private var entryDepth = 0
    private var stackGuard = StackGuard()
    private var commandFunctions: [String: Function] = [:]

    enum Completion {
        case normal
        case breakLoop
        case continueLoop
        case returnValue(Value)
    }

    /// An interpreter over `commands`; `output` receives printed text including its trailing newline.
    public init(commands: CommandTable, language: UILanguage, output: @escaping (String) -> Void) {
        self.commands = commands
        self.language = language
        self.output = output
        self.builtins = Environment(parent: nil)
        self.globals = Environment(parent: builtins)
        self.environment = globals
        for builtin in Builtins.all {
            builtins.declare(builtin.name, .function(Function(name: builtin.name, body: .builtin(builtin))))
        }
    }

    // MARK: - Entry points

    /// Parses `source` with this interpreter's command names.
    public func parse(_ source: String, file: String) -> Program {
        Parser.parse(source, file: file, commands: commands.parserNames)
    }

    /// Parses one expression typed by a student (a quiz answer), knowing the command names.
    public func parseExpression(_ source: String, file: String = "<stdin>") throws(Diagnostic) -> Expr {
        try Parser.parseExpression(source, file: file, commands: commands.parserNames)
    }

    /// Runs a script: stops at the first error and returns it; nil on success.
    public func run(source: String, file: String) -> Diagnostic? {
        let program = parse(source, file: file)
        if let first = program.diagnostics.first { return first }
        return run(program: program, file: file)
    }

    /// Runs a parsed program (counting its steps for the lesson host); the first error, or nil.
    public func run(program: Program, file: String) -> Diagnostic? {
        stepCount = program.steps.count
        stepIndex = 0
        do {
            try entering(file: file) { () throws in
                for stmt in program.statements { _ = try exec(stmt) }
            }
            return nil
        } catch {
            return error
        }
    }

    /// Runs one prompt entry in the global scope; returns the value to show (nil when nil, assigned or declared).
    public func evaluateEntry(_ source: String, file: String = "<stdin>") throws(Diagnostic) -> Value? {
        let program = parse(source, file: file)
        if let first = program.diagnostics.first { throw first }
        var shown: Value? = nil
        try entering(file: file) { () throws in
            // A lesson host may call this while a lesson statement runs; the entry still
            // belongs to the global scope, and the lesson's scope comes back afterwards.
            let saved = environment
            environment = globals
            defer { environment = saved }
            for stmt in program.statements { shown = try executeForDisplay(stmt) }
        }
        return shown
    }

    /// Whether the prompt should ask for another line: a bracket is open or the line ends in an operator or comma.
    public static func needsMoreInput(_ source: String) -> Bool {
        let (tokens, problems) = Lexer.tokenize(source)
        // An unclosed string cannot continue on the next line: show the mistake now.
        if !problems.isEmpty { return false }
        var depth = 0
        var lineStart = 0
        var lastIndex: Int? = nil
        for (i, token) in tokens.enumerated() {
            switch token.kind {
            case .symbol(.leftParen), .symbol(.leftBracket), .symbol(.leftBrace): depth += 1
            case .symbol(.rightParen), .symbol(.rightBracket), .symbol(.rightBrace): depth -= 1
            case .newline: lineStart = i + 1; continue
            case .end: continue
            default: break
            }
            lastIndex = i
        }
        if depth > 0 { return true }
        guard let last = lastIndex, last >= lineStart else { return false }
        let continues: Bool
        switch tokens[last].kind {
        case .symbol(.plus), .symbol(.minus), .symbol(.star), .symbol(.slash), .symbol(.percent), .symbol(.comma),
             .symbol(.equal), .symbol(.equalEqual), .symbol(.bangEqual), .symbol(.less), .symbol(.lessEqual),
             .symbol(.greater), .symbol(.greaterEqual), .symbol(.plusEqual), .symbol(.minusEqual), .symbol(.starEqual),
             .keyword(.and), .keyword(.or), .keyword(.not):
            continues = true
        default:
            continues = false
        }
        guard continues else { return false }
        // `photos lessons/` is a command with a bare word, not an unfinished expression.
        if case .identifier = tokens[lineStart].kind, lineStart + 1 < last {
            switch tokens[lineStart + 1].kind {
            case .identifier, .number, .string: return false
            default: break
            }
        }
        return true
    }

    /// User-declared global names and built-in names, sorted (for Tab completion).
    public var globalNames: [String] {
        Array(Set(globals.visibleNames)).sorted()
    }

    /// The value of a global (or built-in) name.
    public func global(_ name: String) -> Value? { globals.lookup(name) }

    /// Declares or replaces a global variable (hosts use it to seed values).
    public func setGlobal(_ name: String, _ value: Value) {
        globals.declare(name, value)
    }

    /// Calls a function value with positional arguments (hosts call back into scripts with it).
    public func call(_ function: Function, _ arguments: [Value]) throws(Diagnostic) -> Value {
        var result = Value.null
        try entering(file: file) { () throws in
            result = try callFunction(function, arguments, labelled: [], span: .unknown)
        }
        return result
    }

    /// Evaluates an expression in the current scope (lesson checks and quiz answers).
    public func evaluate(_ expr: Expr) throws(Diagnostic) -> Value {
        var result = Value.null
        try entering(file: file) { () throws in result = try eval(expr) }
        return result
    }

    /// Executes one statement in the current scope.
    public func execute(_ stmt: Stmt) throws(Diagnostic) {
        try entering(file: file) { () throws in _ = try exec(stmt) }
    }

    /// Executes one statement; returns the value a prompt would show for it.
    public func executeForDisplay(_ stmt: Stmt) throws(Diagnostic) -> Value? {
        var shown: Value? = nil
        try entering(file: file) { () throws in
            switch stmt {
            case .expression(let e):
                let v = try eval(e)
                shown = v.isNull ? nil : v
            case .command(let c):
                let v = try runCommand(c)
                shown = v.isNull ? nil : v
            default:
                _ = try exec(stmt)
            }
        }
        return shown
    }

    private func entering(file: String, _ body: () throws -> Void) throws(Diagnostic) {
        self.file = file
        if entryDepth == 0 { setStackGuard(); callDepth = 0 }
        entryDepth += 1
        defer {
            entryDepth -= 1
            if entryDepth == 0 { environment = globals }
        }
        do { try body() } catch { throw diagnostic(from: error, at: .unknown) }
    }

    // MARK: - Stack and interruption

    private func setStackGuard() { stackGuard = StackGuard() }

    private func checkStack(_ span: SourceSpan) throws {
        if stackGuard.isExhausted { throw diagnostic(Catalog.tooDeep(limit: maxCallDepth), span) }
    }

    private func poll(_ span: SourceSpan) throws {
        if interruptRequested() { throw diagnostic(Catalog.interrupted, span, code: Interrupted.code) }
    }

    // MARK: - Diagnostics

    func diagnostic(_ message: Message, _ span: SourceSpan, code: String? = nil) -> Diagnostic {
        Diagnostic(file: file, span: span, message: message, code: code)
    }

    /// Any error as a diagnostic at `span`.
    func diagnostic(from error: any Error, at span: SourceSpan) -> Diagnostic {
        switch error {
        case let d as Diagnostic: return d
        case is Interrupted: return diagnostic(Catalog.interrupted, span, code: Interrupted.code)
        case let e as ValueError: return diagnostic(e.message, span)
        case let e as UserFacingError: return diagnostic(e.message, span, code: e.code)
        default: return diagnostic(.verbatim(String(describing: error)), span)
        }
    }

    // MARK: - Statements

    // Each case lives in its own small function: in debug builds a big switch gets one huge
    // stack frame, and every panya call nests several of these.

    private func exec(_ stmt: Stmt) throws -> Completion {
        try checkStack(stmt.span)
        switch stmt {
        case .expression(let e): _ = try eval(e)
        case .command(let c):
            let value = try runCommand(c)
            if !value.isNull { showCommandValue?(value) }
        case .let(let name, let nameSpan, let valueExpr, _): try execLet(name, nameSpan, valueExpr)
        case .assign(let target, let op, let valueExpr, let span): try assign(target, op, valueExpr, span: span)
        case .function(let decl): try execFunction(decl)
        case .if(let test, let thenBlock, let elseBlock, _): return try execIf(test, thenBlock, elseBlock)
        case .for(let name, _, let sequence, let body, let span): return try execFor(name, sequence, body, span)
        case .while(let test, let body, let span): return try execWhile(test, body, span)
        case .break: return .breakLoop
        case .continue: return .continueLoop
        case .return(let valueExpr, _): return .returnValue(try valueExpr.map { e throws in try eval(e) } ?? .null)
        case .lesson(let title, let options, let span): try execLesson(title, options, span)
        case .step(let step): try executeStep(step)
        case .say(let expr, let span): try execSay(expr, span)
        case .task(let task): try execTask(task)
        case .quiz(let quiz): try execQuiz(quiz)
        case .expect(let test, let message, let span): try execExpect(test, message, span)
        }
        return .normal
    }

    @inline(never)
    private func execLet(_ name: String, _ nameSpan: SourceSpan, _ valueExpr: Expr) throws {
        if environment.declaresLocally(name) { throw diagnostic(Catalog.alreadyDeclared(name), nameSpan) }
        let value = try eval(valueExpr)
        environment.declare(name, value)
    }

    @inline(never)
    private func execFunction(_ decl: FunctionDecl) throws {
        let name = decl.name ?? "<fn>"
        if environment.declaresLocally(name) { throw diagnostic(Catalog.alreadyDeclared(name), decl.span) }
        environment.declare(name, .function(Function(name: name, body: .closure(decl, environment))))
    }

    @inline(never)
    private func execIf(_ test: Expr, _ thenBlock: [Stmt], _ elseBlock: [Stmt]?) throws -> Completion {
        if try condition(test, "if") {
            return try executeBlock(thenBlock, in: Environment(parent: environment))
        } else if let elseBlock {
            return try executeBlock(elseBlock, in: Environment(parent: environment))
        }
        return .normal
    }

    @inline(never)
    private func execFor(_ name: String, _ sequenceExpr: Expr, _ body: [Stmt], _ span: SourceSpan) throws -> Completion {
        let sequence = try eval(sequenceExpr)
        let items: [Value]
        switch sequence {
        case .list(let list): items = list
        case .string(let s): items = s.map { .string(String($0)) }
        case .map(let m): items = m.keys.map { .string($0) }
        default: throw diagnostic(Catalog.notIterable(sequence.typeName), sequenceExpr.span)
        }
        for item in items {
            try poll(span)
            let scope = Environment(parent: environment)
            scope.declare(name, item)
            switch try executeBlock(body, in: scope) {
            case .breakLoop: return .normal
            case .returnValue(let v): return .returnValue(v)
            case .normal, .continueLoop: continue
            }
        }
        return .normal
    }

    @inline(never)
    private func execWhile(_ test: Expr, _ body: [Stmt], _ span: SourceSpan) throws -> Completion {
        while true {
            try poll(span)
            guard try condition(test, "while") else { break }
            switch try executeBlock(body, in: Environment(parent: environment)) {
            case .breakLoop: return .normal
            case .returnValue(let v): return .returnValue(v)
            case .normal, .continueLoop: continue
            }
        }
        return .normal
    }

    @inline(never)
    private func execLesson(_ titleExpr: Expr, _ optionExprs: [CommandArgument], _ span: SourceSpan) throws {
        guard let host = lessonHost else { return }
        let title = try eval(titleExpr).printed
        var options = OrderedMap()
        for option in optionExprs {
            if case .flag(let name, let valueExpr, _) = option {
                options[name] = try valueExpr.map { e throws in try eval(e) } ?? .bool(true)
            }
        }
        try hostCall(span) { try host.lessonHeader(title: title, options: options, span: span) }
    }

    @inline(never)
    private func execSay(_ expr: Expr, _ span: SourceSpan) throws {
        let text = try eval(expr).printed
        if let host = lessonHost {
            try hostCall(span) { try host.say(text) }
        } else {
            output(text + "\n")
        }
    }

    @inline(never)
    private func execTask(_ task: TaskDecl) throws {
        guard let host = lessonHost else { throw diagnostic(Catalog.lessonOnly("task"), task.span) }
        let spec = TaskSpec(instruction: try eval(task.instruction).printed, checks: task.checks,
                            hints: try texts(task.hints), solutions: try texts(task.solutions), span: task.span)
        try hostCall(task.span) { try host.task(spec) }
    }

    @inline(never)
    private func execQuiz(_ quiz: QuizDecl) throws {
        guard let host = lessonHost else { throw diagnostic(Catalog.lessonOnly("quiz"), quiz.span) }
        let spec = QuizSpec(question: try eval(quiz.question).printed, answer: quiz.answer, hints: try texts(quiz.hints), span: quiz.span)
        try hostCall(quiz.span) { try host.quiz(spec) }
    }

    @inline(never)
    private func execExpect(_ test: Expr, _ messageExpr: Expr, _ span: SourceSpan) throws {
        let passed = try condition(test, "expect")
        let message = try eval(messageExpr).printed
        if let host = lessonHost {
            try hostCall(span) { try host.expect(passed: passed, message: message, span: span) }
        } else if !passed {
            throw diagnostic(Catalog.expectationFailed(message), test.span)
        }
    }

    private func texts(_ exprs: [Expr]) throws -> [String] {
        var result: [String] = []
        for e in exprs { result.append(try eval(e).printed) }
        return result
    }

    private func hostCall(_ span: SourceSpan, _ body: () throws -> Void) throws {
        do { try body() } catch { throw diagnostic(from: error, at: span) }
    }

    private func executeStep(_ step: StepDecl) throws {
        stepIndex += 1
        let index = stepIndex
        let title = try eval(step.title).printed
        guard let host = lessonHost else {
            for stmt in step.body { _ = try exec(stmt) }
            return
        }
        try hostCall(step.span) { try host.beginStep(title: title, index: index, count: max(stepCount, index), span: step.span) }
        for (i, stmt) in step.body.enumerated() {
            switch stmt {
            case .say, .task, .quiz, .expect, .lesson, .step:
                _ = try exec(stmt)
            default:
                let source = i < step.sources.count ? step.sources[i] : ""
                try hostCall(stmt.span) {
                    try host.demo(sourceText: source) { () throws -> Value? in try self.executeForDisplay(stmt) }
                }
            }
        }
        try hostCall(step.span) { try host.endStep(index: index) }
    }

    private func executeBlock(_ statements: [Stmt], in scope: Environment) throws -> Completion {
        let saved = environment
        environment = scope
        defer { environment = saved }
        for stmt in statements {
            let completion = try exec(stmt)
            if case .normal = completion { continue }
            return completion
        }
        return .normal
    }

    private func condition(_ expr: Expr, _ keyword: String) throws -> Bool {
        let value = try eval(expr)
        guard case .bool(let b) = value else { throw diagnostic(Catalog.conditionNotBool(keyword, value), expr.span) }
        return b
    }

    // MARK: - Assignment

    private func assign(_ target: AssignTarget, _ op: AssignOperator, _ valueExpr: Expr, span: SourceSpan) throws {
        guard let (owner, current) = environment.owner(of: target.name) else {
            let suggestion = Suggestions.closest(to: target.name, in: environment.visibleNames)
            throw diagnostic(Catalog.assignUndeclared(target.name, suggestion: suggestion), target.nameSpan)
        }
        if owner === builtins {
            throw diagnostic(Catalog.nameIsBuiltin(target.name), target.nameSpan)
        }
        var root = current
        let newValue = try eval(valueExpr)
        if target.path.isEmpty {
            root = try combine(op, root, newValue, span: span)
        } else {
            try update(&root, path: target.path[...], op: op, newValue: newValue, span: span)
        }
        owner.replace(target.name, root)
    }

    private func combine(_ op: AssignOperator, _ old: Value, _ new: Value, span: SourceSpan) throws -> Value {
        guard let binary = op.binary else { return new }
        return try applyBinary(binary, old, new, span: span)
    }

    private func update(_ value: inout Value, path: ArraySlice<PathComponent>, op: AssignOperator, newValue: Value, span: SourceSpan) throws {
        guard let component = path.first else { value = try combine(op, value, newValue, span: span); return }
        let rest = path.dropFirst()
        switch component {
        case .index(let indexExpr, let componentSpan):
            let key = try eval(indexExpr)
            switch value {
            case .list(var items):
                let i = try listIndex(key, count: items.count, span: indexExpr.span)
                try update(&items[i], path: rest, op: op, newValue: newValue, span: span)
                value = .list(items)
            case .map(var map):
                guard case .string(let k) = key else { throw diagnostic(Catalog.mapKeyType(key), indexExpr.span) }
                try updateEntry(&map, key: k, path: rest, op: op, newValue: newValue, span: span, keySpan: componentSpan)
                value = .map(map)
            case .record(let r):
                throw diagnostic(Catalog.recordReadOnly(r.kind), componentSpan)
            case .string:
                throw diagnostic(Catalog.stringReadOnly, componentSpan)
            default:
                throw diagnostic(Catalog.notIndexable(value.typeName), componentSpan)
            }
        case .field(let name, let componentSpan):
            switch value {
            case .map(var map):
                try updateEntry(&map, key: name, path: rest, op: op, newValue: newValue, span: span, keySpan: componentSpan)
                value = .map(map)
            case .record(let r):
                throw diagnostic(Catalog.recordReadOnly(r.kind), componentSpan)
            default:
                throw diagnostic(Catalog.noFields(value.typeName), componentSpan)
            }
        }
    }

    private func updateEntry(_ map: inout OrderedMap, key: String, path: ArraySlice<PathComponent>, op: AssignOperator,
                             newValue: Value, span: SourceSpan, keySpan: SourceSpan) throws {
        if path.isEmpty && op == .assign {
            map[key] = newValue
            return
        }
        guard var inner = map[key] else {
            throw diagnostic(Catalog.missingKey(key, suggestion: Suggestions.closest(to: key, in: map.keys)), keySpan)
        }
        try update(&inner, path: path, op: op, newValue: newValue, span: span)
        map[key] = inner
    }

    // MARK: - Expressions

    private func eval(_ expr: Expr) throws -> Value {
        try checkStack(expr.span)
        switch expr {
        case .number(let n, _): return .number(n)
        case .string(let s, _): return .string(s)
        case .bool(let b, _): return .bool(b)
        case .null: return .null
        case .template(let parts, _): return try evalTemplate(parts)
        case .variable(let name, let span): return try lookup(name, span: span, asFunction: false)
        case .list(let items, _): return try evalList(items)
        case .map(let entries, _): return try evalMap(entries)
        case .unary(let op, let operand, let span): return try evalUnary(op, operand, span)
        case .binary(let op, let lhs, let rhs, let span): return try evalBinary(op, lhs, rhs, span)
        case .logical(let op, let lhs, let rhs, _): return try evalLogical(op, lhs, rhs)
        case .call(let callee, let arguments, let span): return try evalCall(callee, arguments, span)
        case .index(let base, let index, let span): return try evalIndex(base, index, span)
        case .field(let base, let name, let span): return try field(try eval(base), name, span: span)
        case .function(let decl): return .function(Function(name: decl.name ?? "<fn>", body: .closure(decl, environment)))
        case .command(let invocation): return try runCommand(invocation)
        }
    }

    @inline(never)
    private func evalTemplate(_ parts: [TemplatePart]) throws -> Value {
        var text = ""
        for part in parts {
            switch part {
            case .text(let t): text += t
            case .expr(let e): text += try eval(e).printed
            }
        }
        return .string(text)
    }

    @inline(never)
    private func evalList(_ items: [Expr]) throws -> Value {
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for item in items { values.append(try eval(item)) }
        return .list(values)
    }

    @inline(never)
    private func evalMap(_ entries: [MapEntry]) throws -> Value {
        var map = OrderedMap()
        for entry in entries { map[entry.key] = try eval(entry.value) }
        return .map(map)
    }

    @inline(never)
    private func evalUnary(_ op: UnaryOperator, _ operandExpr: Expr, _ span: SourceSpan) throws -> Value {
        let operand = try eval(operandExpr)
        switch (op, operand) {
        case (.negate, .number(let n)): return .number(-n)
        case (.not, .bool(let b)): return .bool(!b)
        case (.negate, _): throw diagnostic(Catalog.unaryType("-", operand), span)
        case (.not, _): throw diagnostic(Catalog.conditionNotBool("not", operand), operandExpr.span)
        }
    }

    @inline(never)
    private func evalBinary(_ op: BinaryOperator, _ lhsExpr: Expr, _ rhsExpr: Expr, _ span: SourceSpan) throws -> Value {
        let lhs = try eval(lhsExpr)
        let rhs = try eval(rhsExpr)
        return try applyBinary(op, lhs, rhs, span: span)
    }

    @inline(never)
    private func evalLogical(_ op: LogicalOperator, _ lhsExpr: Expr, _ rhsExpr: Expr) throws -> Value {
        let keyword = op.rawValue
        let left = try condition(lhsExpr, keyword)
        switch op {
        case .and: if !left { return .bool(false) }
        case .or: if left { return .bool(true) }
        }
        return .bool(try condition(rhsExpr, keyword))
    }

    @inline(never)
    private func evalCall(_ calleeExpr: Expr, _ arguments: [Argument], _ span: SourceSpan) throws -> Value {
        let callee: Value
        if case .variable(let name, let nameSpan) = calleeExpr {
            callee = try lookup(name, span: nameSpan, asFunction: true)
        } else {
            callee = try eval(calleeExpr)
        }
        guard case .function(let function) = callee else {
            throw diagnostic(Catalog.notCallable(callee.typeName), calleeExpr.span)
        }
        var positional: [Value] = []
        var labelled: [(String, Value, SourceSpan)] = []
        for argument in arguments {
            let value = try eval(argument.value)
            if let label = argument.label {
                labelled.append((label, value, argument.value.span))
            } else {
                if !labelled.isEmpty { throw diagnostic(Catalog.positionalAfterKeyword, argument.value.span) }
                positional.append(value)
            }
        }
        return try callFunction(function, positional, labelled: labelled, span: span)
    }

    @inline(never)
    private func evalIndex(_ baseExpr: Expr, _ indexExpr: Expr, _ span: SourceSpan) throws -> Value {
        let base = try eval(baseExpr)
        let index = try eval(indexExpr)
        return try subscriptValue(base, index, indexSpan: indexExpr.span, span: span)
    }

    private func lookup(_ name: String, span: SourceSpan, asFunction: Bool) throws -> Value {
        if let value = environment.lookup(name) { return value }
        if let function = commandFunction(name) { return .function(function) }
        let family = commands.names.filter { $0.hasPrefix(name + " ") }
        if !family.isEmpty { throw diagnostic(Catalog.notACommandAlone(name, family: family), span) }
        let functionNames = commands.names.map { $0.replacingOccurrences(of: " ", with: "_") }
        let suggestion = Suggestions.closest(to: name, in: environment.visibleNames + functionNames)
        if asFunction { throw diagnostic(Catalog.unknownFunction(name, suggestion: suggestion), span) }
        throw diagnostic(Catalog.unknownVariable(name, suggestion: suggestion), span)
    }

    private func commandFunction(_ name: String) -> Function? {
        if let cached = commandFunctions[name], let command = cached.command, commands.command(named: command.name) != nil { return cached }
        guard let command = commands.command(functionNamed: name) else { return nil }
        let function = Function(name: command.functionName, body: .command(command))
        commandFunctions[name] = function
        return function
    }

    func applyBinary(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, span: SourceSpan) throws -> Value {
        switch op {
        case .equal: return .bool(lhs == rhs)
        case .notEqual: return .bool(lhs != rhs)
        case .add:
            switch (lhs, rhs) {
            case (.number(let a), .number(let b)): return .number(a + b)
            case (.string(let a), .string(let b)): return .string(a + b)
            case (.list(let a), .list(let b)): return .list(a + b)
            case (.string, .number), (.number, .string): throw diagnostic(Catalog.stringPlusNumber, span)
            default: throw diagnostic(Catalog.operandTypes(op.rawValue, lhs, rhs), span)
            }
        case .subtract, .multiply, .divide, .remainder:
            guard case .number(let a) = lhs, case .number(let b) = rhs else {
                throw diagnostic(Catalog.operandTypes(op.rawValue, lhs, rhs), span)
            }
            switch op {
            case .subtract: return .number(a - b)
            case .multiply: return .number(a * b)
            case .divide:
                if b == 0 { throw diagnostic(Catalog.divisionByZero, span) }
                return .number(a / b)
            default:
                if b == 0 { throw diagnostic(Catalog.divisionByZero, span) }
                return .number(a.truncatingRemainder(dividingBy: b))
            }
        case .less, .lessEqual, .greater, .greaterEqual:
            let order: Int
            switch (lhs, rhs) {
            case (.number(let a), .number(let b)): order = a < b ? -1 : (a > b ? 1 : 0)
            case (.string(let a), .string(let b)): order = a < b ? -1 : (a > b ? 1 : 0)
            default:
                if lhs.typeName != rhs.typeName { throw diagnostic(Catalog.compareDifferentTypes(op.rawValue, lhs, rhs), span) }
                throw diagnostic(Catalog.cannotOrder(lhs.typeName), span)
            }
            switch op {
            case .less: return .bool(order < 0)
            case .lessEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        }
    }

    private func listIndex(_ index: Value, count: Int, span: SourceSpan) throws -> Int {
        guard case .number(let n) = index else { throw diagnostic(Catalog.indexType(index), span) }
        guard n == n.rounded(), abs(n) < 1e15 else { throw diagnostic(Catalog.indexNotWhole(n), span) }
        guard n >= 0, Int(n) < count else { throw diagnostic(Catalog.indexOutOfRange(Int(n), count: count), span) }
        return Int(n)
    }

    private func subscriptValue(_ base: Value, _ index: Value, indexSpan: SourceSpan, span: SourceSpan) throws -> Value {
        switch base {
        case .list(let items):
            return items[try listIndex(index, count: items.count, span: indexSpan)]
        case .string(let s):
            let chars = Array(s)
            return .string(String(chars[try listIndex(index, count: chars.count, span: indexSpan)]))
        case .map(let map):
            guard case .string(let key) = index else { throw diagnostic(Catalog.mapKeyType(index), indexSpan) }
            guard let value = map[key] else {
                throw diagnostic(Catalog.missingKey(key, suggestion: Suggestions.closest(to: key, in: map.keys)), indexSpan)
            }
            return value
        case .record(let record):
            guard case .string(let key) = index else { throw diagnostic(Catalog.mapKeyType(index), indexSpan) }
            return try field(base, key, span: indexSpan, recordOverride: record)
        default:
            throw diagnostic(Catalog.notIndexable(base.typeName), span)
        }
    }

    private func field(_ base: Value, _ name: String, span: SourceSpan, recordOverride: Record? = nil) throws -> Value {
        switch base {
        case .record(let record):
            guard let value = record[name] else {
                throw diagnostic(Catalog.missingField(name, kind: record.kind, fields: record.fields.keys,
                                                      suggestion: Suggestions.closest(to: name, in: record.fields.keys)), span)
            }
            return value
        case .map(let map):
            guard let value = map[name] else {
                throw diagnostic(Catalog.missingKey(name, suggestion: Suggestions.closest(to: name, in: map.keys)), span)
            }
            return value
        default:
            throw diagnostic(Catalog.noFields(base.typeName), span)
        }
    }

    // MARK: - Calls

    private func callFunction(_ function: Function, _ positional: [Value], labelled: [(String, Value, SourceSpan)], span: SourceSpan) throws -> Value {
        try poll(span)
        try checkStack(span)
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > maxCallDepth { throw diagnostic(Catalog.tooDeep(limit: maxCallDepth), span) }
        switch function.box.body {
        case .closure(let decl, let closure):
            let parameters = decl.parameters
            var bound: [Value?] = positional.map { Optional($0) }
            if bound.count > parameters.count {
                throw diagnostic(Catalog.argumentCount(function.name, expected: parameters.count, got: positional.count + labelled.count), span)
            }
            bound += Array(repeating: nil, count: parameters.count - bound.count)
            for (label, value, labelSpan) in labelled {
                guard let i = parameters.firstIndex(of: label) else {
                    throw diagnostic(Catalog.unknownKeyword(function.name, label, suggestion: Suggestions.closest(to: label, in: parameters)), labelSpan)
                }
                if bound[i] != nil { throw diagnostic(Catalog.duplicateArgument(label), labelSpan) }
                bound[i] = value
            }
            let values = bound.compactMap { $0 }
            guard values.count == parameters.count else {
                throw diagnostic(Catalog.argumentCount(function.name, expected: parameters.count, got: positional.count + labelled.count), span)
            }
            let scope = Environment(parent: closure)
            for (name, value) in zip(parameters, values) { scope.declare(name, value) }
            if case .returnValue(let v) = try executeBlock(decl.body, in: scope) { return v }
            return .null
        case .builtin(let builtin):
            if let first = labelled.first { throw diagnostic(Catalog.builtinNoKeywords(builtin.name), first.2) }
            guard builtin.arity.contains(positional.count) else {
                throw diagnostic(Catalog.builtinArgumentCount(builtin.name, arity: builtin.arity, got: positional.count), span)
            }
            do {
                return try builtin.run(self, positional)
            } catch {
                throw diagnostic(from: error, at: span)
            }
        case .command(let command):
            let arguments = CommandArguments(positional: positional.map { (value: $0, span: span) },
                                             flags: labelled.map { (key: $0.0, value: $0.1, span: $0.2) })
            return try invoke(command, arguments, span: span)
        }
    }

    private func runCommand(_ invocation: CommandInvocation) throws -> Value {
        guard let command = commands.command(named: invocation.name) else {
            throw diagnostic(Catalog.unknownCommand(invocation.name, suggestion: Suggestions.closest(to: invocation.name, in: commands.names)), invocation.span)
        }
        var arguments = CommandArguments()
        for argument in invocation.arguments {
            switch argument {
            case .positional(let e): arguments.positional.append((value: try eval(e), span: e.span))
            case .flag(let name, let valueExpr, let span):
                arguments.flags.append((key: name, value: try valueExpr.map { e throws in try eval(e) } ?? .bool(true), span: span))
            }
        }
        return try invoke(command, arguments, span: invocation.span)
    }

    private func invoke(_ command: Command, _ arguments: CommandArguments, span: SourceSpan) throws -> Value {
        try poll(span)
        do {
            return try command.invoke(arguments, span: span)
        } catch let error as CommandArgumentError {
            throw diagnostic(from: error, at: error.span ?? span)
        } catch {
            throw diagnostic(from: error, at: span)
        }
    }

    /// Writes printed text (used by `print`).
    func write(_ text: String) { output(text) }
}
