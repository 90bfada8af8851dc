import PanyaSupport

/// The resolver: turns parsed statements into compiled ones before they run. Every name becomes
/// a frame slot (a local nobody captures), a cell (a local a closure captures, made fresh each
/// time its scope is entered), a capture of the running closure, or a global box by name (the
/// prompt's globals persist across entries, and a function may use a global declared later).
struct Compiler {
    /// One scope being compiled.
    final class Scope {
        let isGlobal: Bool
        var places: [String: LocalPlace] = [:]
        var names: [String] = []
        /// Captured names a later `let`/`fn` of this scope declares: closures made earlier see them.
        var pending: [String: Int] = [:]
        var freshCells: [Int] = []
        init(isGlobal: Bool) { self.isGlobal = isGlobal }
    }

    /// One function (or the prompt entry) being compiled.
    final class Context {
        let parent: Context?
        /// Names used inside functions nested in this one: locals with these names live in cells.
        let captured: Set<String>
        var scopes: [Scope] = []
        var valueCount = 0
        var cellCount = 0
        var captures: [CaptureSource] = []
        var captureIndex: [String: Int] = [:]
        init(parent: Context?, captured: Set<String>) { self.parent = parent; self.captured = captured }
    }

    let globals: GlobalTable
    private var context: Context

    /// A compiler for a prompt entry or a script over `statements` (used to find captured names).
    init(globals: GlobalTable, statements: [Stmt] = [], expressions: [Expr] = []) {
        self.globals = globals
        var captured = Set<String>()
        CapturedNames.collect(statements, nested: false, into: &captured)
        for e in expressions { CapturedNames.collect(e, nested: false, into: &captured) }
        context = Context(parent: nil, captured: captured)
        context.scopes = [Scope(isGlobal: true)]
    }

    /// Slots and cells the entry's frame needs.
    var frameSize: (values: Int, cells: Int) { (context.valueCount, context.cellCount) }

    // MARK: - Scopes

    private var scope: Scope { context.scopes[context.scopes.count - 1] }

    private mutating func pushScope(for statements: [Stmt]) {
        let scope = Scope(isGlobal: false)
        context.scopes.append(scope)
        reservePending(statements)
    }

    private mutating func reservePending(_ statements: [Stmt]) {
        let scope = self.scope
        for stmt in statements {
            let name: String
            switch stmt {
            case .let(let n, _, _, _): name = n
            case .function(let decl): name = decl.name ?? "<fn>"
            default: continue
            }
            guard context.captured.contains(name), scope.places[name] == nil, scope.pending[name] == nil else { continue }
            let cell = context.cellCount
            context.cellCount += 1
            scope.pending[name] = cell
            scope.freshCells.append(cell)
        }
    }

    private mutating func popScope() -> Scope { context.scopes.removeLast() }

    /// Declares `name` in the current (local) scope; nil when it is already declared there.
    private mutating func declare(_ name: String) -> LocalPlace? {
        let scope = self.scope
        if scope.places[name] != nil { return nil }
        let place: LocalPlace
        if let cell = scope.pending.removeValue(forKey: name) {
            place = .cell(cell)
        } else if context.captured.contains(name) {
            place = .cell(context.cellCount)
            scope.freshCells.append(context.cellCount)
            context.cellCount += 1
        } else {
            place = .slot(context.valueCount)
            context.valueCount += 1
        }
        scope.places[name] = place
        scope.names.append(name)
        return place
    }

    /// Where `name` lives, seen from here.
    private mutating func resolve(_ name: String) -> VariablePlace {
        for scope in context.scopes.reversed() where !scope.isGlobal {
            if let place = scope.places[name] { return VariablePlace(place) }
        }
        if let parent = context.parent, let source = Compiler.captureSource(name, in: parent) {
            return .capture(Compiler.addCapture(name, source, to: context))
        }
        return .global(globals.cell(name))
    }

    /// How a closure made in `context` reaches the box of `name`, if an enclosing function declares it.
    private static func captureSource(_ name: String, in context: Context) -> CaptureSource? {
        for scope in context.scopes.reversed() where !scope.isGlobal {
            if let place = scope.places[name] {
                switch place {
                case .cell(let i): return .cell(i)
                case .slot: return nil // not captured by the analysis: cannot happen for a name used in a nested function
                }
            }
            if let cell = scope.pending[name] { return .cell(cell) }
        }
        if let parent = context.parent, let source = captureSource(name, in: parent) {
            return .capture(addCapture(name, source, to: context))
        }
        return nil
    }

    private static func addCapture(_ name: String, _ source: CaptureSource, to context: Context) -> Int {
        if let i = context.captureIndex[name] { return i }
        let i = context.captures.count
        context.captures.append(source)
        context.captureIndex[name] = i
        return i
    }

    /// Every local name visible here (for "did you mean").
    private var visibleNames: [String] {
        var names: [String] = []
        var ctx: Context? = context
        while let c = ctx {
            for scope in c.scopes { names += scope.names }
            ctx = c.parent
        }
        return names
    }

    // MARK: - Blocks

    /// The statements of the entry (global scope).
    mutating func compileTop(_ statements: [Stmt]) -> [CompiledStmt] {
        statements.map { stmt($0) }
    }

    private mutating func block(_ statements: [Stmt], span: SourceSpan) -> CompiledBlock {
        pushScope(for: statements)
        let compiled = statements.map { stmt($0) }
        let scope = popScope()
        return CompiledBlock(statements: compiled, freshCells: scope.freshCells, span: span)
    }

    mutating func function(_ decl: FunctionDecl) -> FunctionCode {
        var captured = Set<String>()
        CapturedNames.collect(decl.body, nested: false, into: &captured)
        let inner = Context(parent: context, captured: captured)
        let outer = context
        context = inner
        defer { context = outer }
        let scope = Scope(isGlobal: false)
        inner.scopes.append(scope)
        let places = decl.parameters.map { declare($0) ?? .slot(0) }
        reservePending(decl.body)
        let body = decl.body.map { stmt($0) }
        _ = popScope()
        return FunctionCode(name: decl.name ?? "<fn>", parameters: decl.parameters, parameterPlaces: places,
                            body: CompiledBlock(statements: body, freshCells: [], span: decl.span),
                            valueCount: inner.valueCount, cellCount: inner.cellCount, captures: inner.captures, span: decl.span)
    }

    // MARK: - Statements

    mutating func stmt(_ stmt: Stmt) -> CompiledStmt {
        switch stmt {
        case .expression(let e): return ExpressionStmt(expr(e))
        case .command(let c): return CommandStmt(command(c))
        case .let(let name, let nameSpan, let valueExpr, let span):
            let value = expr(valueExpr)
            return declaration(name, nameSpan: nameSpan, span: span) { _ in value }
        case .function(let decl):
            let name = decl.name ?? "<fn>"
            return declaration(name, nameSpan: decl.span, span: decl.span) { compiler in FunctionExpr(code: compiler.function(decl)) }
        case .assign(let target, let op, let valueExpr, let span):
            let place = resolve(target.name)
            let visible: [String]
            switch place {
            case .slot: visible = []
            default: visible = visibleNames
            }
            let path: [CompiledPathStep] = target.path.map { component in
                switch component {
                case .index(let e, let s): return .index(expr(e), s)
                case .field(let name, let s): return .field(name, s)
                }
            }
            // `xs += [x]`, the language's append: the item is kept apart so it goes straight onto the list.
            if op == .add, path.isEmpty, case .list(let items, let listSpan) = valueExpr, items.count == 1 {
                let item = expr(items[0])
                return AssignStmt(place: place, name: target.name, nameSpan: target.nameSpan, visible: visible, path: path,
                                  op: op, value: ListExpr(items: [item], span: listSpan), appendedItem: item, span: span)
            }
            return AssignStmt(place: place, name: target.name, nameSpan: target.nameSpan, visible: visible, path: path,
                              op: op, value: expr(valueExpr), span: span)
        case .if(let test, let thenBlock, let elseBlock, let span):
            let condition = expr(test)
            let then = block(thenBlock, span: span)
            let otherwise = elseBlock.map { block($0, span: span) }
            return IfStmt(condition: condition, then: then, otherwise: otherwise, span: span)
        case .for(let name, _, let sequenceExpr, let body, let span):
            let sequence = expr(sequenceExpr)
            let scope = Scope(isGlobal: false)
            context.scopes.append(scope)
            let place = declare(name) ?? .slot(0)
            reservePending(body)
            let compiled = body.map { self.stmt($0) }
            _ = popScope()
            return ForStmt(place: place, sequence: sequence, body: CompiledBlock(statements: compiled, freshCells: scope.freshCells, span: span), span: span)
        case .while(let test, let body, let span):
            return WhileStmt(condition: expr(test), body: block(body, span: span), span: span)
        case .break(let span): return BreakStmt(span: span)
        case .continue(let span): return ContinueStmt(span: span)
        case .return(let value, let span): return ReturnStmt(value: value.map { expr($0) }, span: span)
        case .lesson(let title, let options, let span):
            let compiledOptions: [(String, CompiledExpr?)] = options.compactMap { option in
                if case .flag(let name, let value, _) = option { return (name, value.map { expr($0) }) }
                return nil
            }
            return LessonHeaderStmt(title: expr(title), options: compiledOptions, span: span)
        case .step(let step):
            // A step's body runs in the scope around it (its `let`s stay visible afterwards).
            let body = step.body.map { self.stmt($0) }
            return StepStmt(title: expr(step.title), body: body, sources: step.sources, span: step.span)
        case .say(let e, let span): return SayStmt(text: expr(e), span: span)
        case .task(let task):
            return TaskStmt(task: task, instruction: expr(task.instruction), hints: task.hints.map { expr($0) },
                            solutions: task.solutions.map { expr($0) })
        case .quiz(let quiz):
            return QuizStmt(quiz: quiz, question: expr(quiz.question), hints: quiz.hints.map { expr($0) })
        case .expect(let test, let message, let span):
            return ExpectStmt(condition: expr(test), message: expr(message), span: span)
        }
    }

    /// `let` and `fn`: a global at the top of an entry, else a local of the current scope.
    private mutating func declaration(_ name: String, nameSpan: SourceSpan, span: SourceSpan,
                                      value: (inout Compiler) -> CompiledExpr) -> CompiledStmt {
        if scope.isGlobal {
            return LetStmt(place: .global(globals.cell(name)), name: name, nameSpan: nameSpan, value: value(&self), span: span)
        }
        guard let place = declare(name) else { return RedeclaredStmt(name: name, span: nameSpan) }
        return LetStmt(place: VariablePlace(place), name: name, nameSpan: nameSpan, value: value(&self), span: span)
    }

    // MARK: - Expressions

    mutating func expr(_ e: Expr, asFunction: Bool = false) -> CompiledExpr {
        switch e {
        case .number(let n, let span): return ConstantExpr(.number(n), span: span)
        case .string(let s, let span): return ConstantExpr(.string(s), span: span)
        case .bool(let b, let span): return ConstantExpr(.bool(b), span: span)
        case .null(let span): return ConstantExpr(.null, span: span)
        case .template(let parts, let span):
            return TemplateExpr(parts: parts.map { part in
                switch part {
                case .text(let t): return .text(t)
                case .expr(let inner): return .expr(expr(inner))
                }
            }, span: span)
        case .variable(let name, let span): return variable(name, span: span, asFunction: asFunction)
        case .list(let items, let span): return ListExpr(items: items.map { expr($0) }, span: span)
        case .map(let entries, let span): return MapExpr(keys: entries.map(\.key), values: entries.map { expr($0.value) }, span: span)
        case .unary(let op, let operand, let span): return UnaryExpr(op: op, operand: expr(operand), span: span)
        case .binary(let op, let lhs, let rhs, let span): return Compiler.binary(op, expr(lhs), expr(rhs), span: span)
        case .logical(let op, let lhs, let rhs, let span): return LogicalExpr(op: op, operands: [expr(lhs), expr(rhs)], span: span)
        case .call(let callee, let arguments, let span):
            return CallExpr(callee: expr(callee, asFunction: true), arguments: compileArguments(arguments), span: span)
        case .index(let base, let index, let span): return IndexExpr(base: expr(base), index: expr(index), span: span)
        case .field(let base, let name, let span): return FieldExpr(base: expr(base), name: name, span: span)
        case .function(let decl): return FunctionExpr(code: function(decl))
        case .command(let invocation): return command(invocation)
        case .chain(let first, let steps, let span): return chain(first, steps, span: span)
        }
    }

    private mutating func chain(_ first: Expr, _ steps: [ChainStep], span: SourceSpan) -> CompiledExpr {
        var logicalOp: LogicalOperator? = nil
        var operands: [CompiledExpr] = []
        var compiled: [ChainExpr.Step] = []
        let firstIsCall: Bool = { if case .call = steps.first?.operation { return true } else { return false } }()
        let head = expr(first, asFunction: firstIsCall)
        for step in steps {
            switch step.operation {
            case .logical(let op, let operand):
                logicalOp = op
                operands.append(expr(operand))
            case .binary(let op, let operand): compiled.append(.binary(op, expr(operand), step.span))
            case .call(let arguments): compiled.append(.call(compileArguments(arguments), step.span))
            case .index(let index): compiled.append(.index(expr(index), step.span))
            case .field(let name): compiled.append(.field(name, step.span))
            }
        }
        if let logicalOp, compiled.isEmpty { return LogicalExpr(op: logicalOp, operands: [head] + operands, span: span) }
        if compiled.count > Compiler.maxNestedChainSteps { return ChainExpr(first: head, steps: compiled, span: span) }
        // A short chain runs faster as nested nodes (no steps to walk); each node's span is the
        // chain up to its step, as in `ChainExpr`.
        var nested = head
        for step in compiled {
            switch step {
            case .binary(let op, let operand, let span): nested = Compiler.binary(op, nested, operand, span: span)
            case .call(let arguments, let span): nested = CallExpr(callee: nested, arguments: arguments, span: span)
            case .index(let index, let span): nested = IndexExpr(base: nested, index: index, span: span)
            case .field(let name, let span): nested = FieldExpr(base: nested, name: name, span: span)
            }
        }
        return nested
    }

    /// `a op b`; `n - 1`, `i < 3000000` (a number written on the right) as one node that holds the number.
    private static func binary(_ op: BinaryOperator, _ lhs: CompiledExpr, _ rhs: CompiledExpr, span: SourceSpan) -> CompiledExpr {
        if let constant = rhs as? ConstantExpr, case .number(let n) = constant.value {
            return NumberOperandExpr(op: op, lhs: lhs, number: n, span: span)
        }
        return BinaryExpr(op: op, lhs: lhs, rhs: rhs, span: span)
    }

    /// Chains longer than this run as a `ChainExpr` loop, so a very long line never nests deeply.
    static let maxNestedChainSteps = 16

    private mutating func compileArguments(_ arguments: [Argument]) -> [CompiledArgument] {
        arguments.map { CompiledArgument(label: $0.label, value: expr($0.value)) }
    }

    private mutating func variable(_ name: String, span: SourceSpan, asFunction: Bool) -> CompiledExpr {
        switch resolve(name) {
        case .slot(let i): return LocalExpr(slot: i, span: span)
        case .cell(let i): return BoxedExpr(place: .cell(i), name: name, asFunction: asFunction, visible: visibleNames, span: span)
        case .capture(let i): return BoxedExpr(place: .capture(i), name: name, asFunction: asFunction, visible: visibleNames, span: span)
        case .global(let cell): return BoxedExpr(place: .global(cell), name: name, asFunction: asFunction, visible: visibleNames, span: span)
        }
    }

    private mutating func command(_ invocation: CommandInvocation) -> CommandExpr {
        let arguments: [CommandExpr.Argument] = invocation.arguments.map { argument in
            switch argument {
            case .positional(let e): return .positional(expr(e))
            case .flag(let name, let value, let span): return .flag(name, value.map { expr($0) }, span)
            }
        }
        return CommandExpr(name: invocation.name, arguments: arguments, span: invocation.span)
    }
}

/// Finds the names used inside nested functions: the locals closures may capture.
enum CapturedNames {
    static func collect(_ statements: [Stmt], nested: Bool, into names: inout Set<String>) {
        for stmt in statements { collect(stmt, nested: nested, into: &names) }
    }

    static func collect(_ stmt: Stmt, nested: Bool, into names: inout Set<String>) {
        switch stmt {
        case .expression(let e): collect(e, nested: nested, into: &names)
        case .command(let c): collect(c, nested: nested, into: &names)
        case .let(_, _, let value, _):
            collect(value, nested: nested, into: &names)
        case .assign(let target, _, let value, _):
            if nested { names.insert(target.name) }
            for component in target.path { if case .index(let e, _) = component { collect(e, nested: nested, into: &names) } }
            collect(value, nested: nested, into: &names)
        case .function(let decl):
            collect(decl.body, nested: true, into: &names)
        case .if(let test, let then, let otherwise, _):
            collect(test, nested: nested, into: &names)
            collect(then, nested: nested, into: &names)
            if let otherwise { collect(otherwise, nested: nested, into: &names) }
        case .for(_, _, let sequence, let body, _):
            collect(sequence, nested: nested, into: &names)
            collect(body, nested: nested, into: &names)
        case .while(let test, let body, _):
            collect(test, nested: nested, into: &names)
            collect(body, nested: nested, into: &names)
        case .break, .continue: break
        case .return(let value, _): if let value { collect(value, nested: nested, into: &names) }
        case .lesson(let title, let options, _):
            collect(title, nested: nested, into: &names)
            for option in options { collect(option, nested: nested, into: &names) }
        case .step(let step):
            collect(step.title, nested: nested, into: &names)
            collect(step.body, nested: nested, into: &names)
        case .say(let e, _): collect(e, nested: nested, into: &names)
        case .task(let task):
            for e in [task.instruction] + task.checks + task.hints + task.solutions { collect(e, nested: nested, into: &names) }
        case .quiz(let quiz):
            for e in [quiz.question, quiz.answer] + quiz.hints { collect(e, nested: nested, into: &names) }
        case .expect(let test, let message, _):
            collect(test, nested: nested, into: &names)
            collect(message, nested: nested, into: &names)
        }
    }

    static func collect(_ invocation: CommandInvocation, nested: Bool, into names: inout Set<String>) {
        for argument in invocation.arguments { collect(argument, nested: nested, into: &names) }
    }

    static func collect(_ argument: CommandArgument, nested: Bool, into names: inout Set<String>) {
        switch argument {
        case .positional(let e): collect(e, nested: nested, into: &names)
        case .flag(_, let value, _): if let value { collect(value, nested: nested, into: &names) }
        }
    }

    static func collect(_ e: Expr, nested: Bool, into names: inout Set<String>) {
        switch e {
        case .number, .string, .bool, .null: break
        case .variable(let name, _): if nested { names.insert(name) }
        case .template(let parts, _):
            for part in parts { if case .expr(let inner) = part { collect(inner, nested: nested, into: &names) } }
        case .list(let items, _): for item in items { collect(item, nested: nested, into: &names) }
        case .map(let entries, _): for entry in entries { collect(entry.value, nested: nested, into: &names) }
        case .unary(_, let operand, _): collect(operand, nested: nested, into: &names)
        case .binary(_, let l, let r, _), .logical(_, let l, let r, _):
            collect(l, nested: nested, into: &names)
            collect(r, nested: nested, into: &names)
        case .call(let callee, let arguments, _):
            collect(callee, nested: nested, into: &names)
            for argument in arguments { collect(argument.value, nested: nested, into: &names) }
        case .index(let base, let index, _):
            collect(base, nested: nested, into: &names)
            collect(index, nested: nested, into: &names)
        case .field(let base, _, _): collect(base, nested: nested, into: &names)
        case .function(let decl):
            // Parameters are the nested function's own; the names it uses may be ours.
            collect(decl.body, nested: true, into: &names)
        case .command(let invocation): collect(invocation, nested: nested, into: &names)
        case .chain(let first, let steps, _):
            collect(first, nested: nested, into: &names)
            for step in steps {
                switch step.operation {
                case .binary(_, let operand), .logical(_, let operand), .index(let operand): collect(operand, nested: nested, into: &names)
                case .call(let arguments): for argument in arguments { collect(argument.value, nested: nested, into: &names) }
                case .field: break
                }
            }
        }
    }
}
