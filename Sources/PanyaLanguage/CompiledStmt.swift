import PanyaSupport

/// A statement ready to run.
class CompiledStmt {
    let span: SourceSpan
    init(span: SourceSpan) { self.span = span }
    /// Runs the statement in `frame`.
    func exec(_ interpreter: Interpreter, _ frame: Frame) throws -> Flow { .normal }
    /// Runs the statement; the value a prompt shows for it (expressions and commands only).
    func display(_ interpreter: Interpreter, _ frame: Frame) throws -> Value? {
        _ = try exec(interpreter, frame)
        return nil
    }
}

/// Statements of one scope, and the boxes to make fresh each time the scope is entered.
final class CompiledBlock {
    let statements: [CompiledStmt]
    /// The same statements, unretained, in a buffer the block owns: the block keeps them alive
    /// through `statements`, and running them from here costs no reference counting.
    private let unretained: UnsafeMutableBufferPointer<Unmanaged<CompiledStmt>>
    let freshCells: [Int]
    let span: SourceSpan
    init(statements: [CompiledStmt], freshCells: [Int], span: SourceSpan) {
        self.statements = statements; self.freshCells = freshCells; self.span = span
        unretained = .allocate(capacity: statements.count)
        _ = unretained.initialize(from: statements.map { Unmanaged.passUnretained($0) })
    }

    deinit { unretained.deallocate() }

    /// Enters the scope (fresh boxes for captured variables) and runs its statements.
    @inline(__always)
    func run(_ interpreter: Interpreter, _ frame: Frame) throws -> Flow {
        try interpreter.checkStack(span)
        enter(frame)
        return try runStatements(interpreter, frame)
    }

    /// Makes the fresh boxes of this scope's captured variables.
    @inline(__always)
    func enter(_ frame: Frame) {
        if freshCells.isEmpty { return }
        for i in freshCells { frame.cells[i] = Cell() }
    }

    /// Runs the statements without entering the scope.
    @inline(__always)
    func runStatements(_ interpreter: Interpreter, _ frame: Frame) throws -> Flow {
        for statement in unretained {
            let flow = try statement._withUnsafeGuaranteedRef { try $0.exec(interpreter, frame) }
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }
}

final class ExpressionStmt: CompiledStmt {
    let expr: CompiledExpr
    init(_ expr: CompiledExpr) { self.expr = expr; super.init(span: expr.span) }
    override func exec(_ interpreter: Interpreter, _ frame: Frame) throws -> Flow {
        _ = try expr.eval(interpreter, frame)
        return .normal
    }
    override func display(_ interpreter: Interpreter, _ frame: Frame) throws -> Value? {
        let value = try expr.eval(interpreter, frame)
        return value.isNull ? nil : value
    }
}

final class CommandStmt: CompiledStmt {
    let command: CommandExpr
    init(_ command: CommandExpr) { self.command = command; super.init(span: command.span) }
    override func exec(_ interpreter: Interpreter, _ frame: Frame) throws -> Flow {
        let value = try command.eval(interpreter, frame)
        if !value.isNull { interpreter.showCommandValue?(value) }
        return .normal
    }
    override func display(_ interpreter: Interpreter, _ frame: Frame) throws -> Value? {
        let value = try command.eval(interpreter, frame)
        return value.isNull ? nil : value
    }
}

/// Where a declaration or an assignment stores its value.
enum VariablePlace {
    case slot(Int)
    case cell(Int)
    case capture(Int)
    case global(Cell)

    init(_ local: LocalPlace) {
        switch local {
        case .slot(let i): self = .slot(i)
        case .cell(let i): self = .cell(i)
        }
    }
}

/// `let name = value` and `fn name(...) { }`.
final class LetStmt: CompiledStmt {
    let place: VariablePlace
    let name: String
    let nameSpan: SourceSpan
    let value: CompiledExpr
    init(place: VariablePlace, name: String, nameSpan: SourceSpan, value: CompiledExpr, span: SourceSpan) {
        self.place = place; self.name = name; self.nameSpan = nameSpan; self.value = value; super.init(span: span)
    }
    override func exec(_ interpreter: Interpreter, _ frame: Frame) throws -> Flow {
        switch place {
        case .slot(let i):
            frame.values[i] = try value.eval(interpreter, frame)
        case .cell(let i):
            let cell = frame.cells[i]
            cell.value = try value.eval(interpreter, frame)
            cell.state = .declared
        case .capture(let i):
            let cell = frame.captures[i]
            cell.value = try value.eval(interpreter, frame)
            cell.state = .declared
        case .global(let cell):
            if cell.state != .undeclared { throw interpreter.diagnostic(Catalog.alreadyDeclared(name), nameSpan) }
            let v = try value.eval(interpreter, frame)
            // Evaluating may have declared it (a host callback); the first declaration wins the check.
            if cell.state != .undeclared { throw interpreter.diagnostic(Catalog.alreadyDeclared(name), nameSpan) }
            cell.value = v
            cell.state = .declared
            interpreter.globals.noteDeclared(name)
        }
        return .normal
    }
}

/// A second `let` of a name in the same scope: an error when it runs.
final class RedeclaredStmt: CompiledStmt {
    let name: String
    init(name: String, span: SourceSpan) { self.name = name; super.init(span: span) }
    override func exec(_ interpreter: Interpreter, _ frame: Frame) throws -> Flow {
        throw interpreter.diagnostic(Catalog.alreadyDeclared(name), span)
    }
}

/// One step of an assignment's path: `[expr]` or `.field`.
enum CompiledPathStep {
    case index(CompiledExpr, SourceSpan)
    case field(String, SourceSpan)
}

/// `x = v`, `x += v`, `xs[i].f = v`.
final class AssignStmt: CompiledStmt {
    let place: VariablePlace
    let name: String
    let nameSpan: SourceSpan
    let visible: [String]
    let path: [CompiledPathStep]
    let op: AssignOperator
    let value: CompiledExpr
    /// In `xs += [x]`, the `x`: appended in place, without making the one-item list first.
    let appendedItem: CompiledExpr?
    /// The global's box unretained (the global table keeps it), so assigning costs no reference counting.
    private let globalCell: Unmanaged<Cell>?
    init(place: VariablePlace, name: String, nameSpan: SourceSpan, visible: [String], path: [CompiledPathStep],
         op: AssignOperator, value: CompiledExpr, appendedItem: CompiledExpr? = nil, span: SourceSpan) {
        self.place = place; self.name = name; self.nameSpan = nameSpan; self.visible = visible; self.path = path
        self.op = op; self.value = value; self.appendedItem = appendedItem
        if case .global(let cell) = place { globalCell = Unmanaged.passUnretained(cell) } else { globalCell = nil }
        super.init(span: span)
    }

    override func exec(_ interpreter: Interpreter, _ frame: Frame) throws -> Flow {
        if let globalCell {
            try globalCell._withUnsafeGuaranteedRef { try assign($0, interpreter, frame) }
            return .normal
        }
        switch place {
        case .slot(let i):
            if path.isEmpty && op == .assign {
                frame.values[i] = try value.eval(interpreter, frame)
                return .normal
            }
            if let appendedItem {
                let item = try appendedItem.eval(interpreter, frame)
                try interpreter.checkNesting(item, span: appendedItem.span)
                try interpreter.charge(MemoryBudget.valueBytes, span: span)
                var root = frame.take(i)
                defer { frame.values[i] = root }
                try append(consume item, to: &root, interpreter)
                return .normal
            }
            let newValue = try value.eval(interpreter, frame)
            if !path.isEmpty { try interpreter.checkNesting(newValue, span: span, levels: path.count) }
            try interpreter.chargeAssignment(op, newValue, pathCount: path.count, span: span)
            var root = frame.take(i)
            defer { frame.values[i] = root }
            try interpreter.update(&root, path: path[...], op: op, newValue: newValue, span: span, frame: frame)
        case .cell(let i):
            try assign(frame.cells[i], interpreter, frame)
        case .capture(let i):
            try assign(frame.captures[i], interpreter, frame)
        case .global(let cell):
            try assign(cell, interpreter, frame)
        }
        return .normal
    }

    private func assign(_ cell: Cell, _ interpreter: Interpreter, _ frame: Frame) throws {
        switch cell.state {
        case .declared: break
        case .builtin: throw interpreter.diagnostic(Catalog.nameIsBuiltin(name), nameSpan)
        case .undeclared:
            let suggestion = Suggestions.closest(to: name, in: visible + interpreter.globals.visibleNames)
            throw interpreter.diagnostic(Catalog.assignUndeclared(name, suggestion: suggestion), nameSpan)
        }
        if let appendedItem {
            let item = try appendedItem.eval(interpreter, frame)
            try interpreter.checkNesting(item, span: appendedItem.span)
            try interpreter.charge(MemoryBudget.valueBytes, span: span)
            var root = cell.value
            cell.value = .null
            defer { cell.value = root }
            try append(consume item, to: &root, interpreter)
            return
        }
        let newValue = try value.eval(interpreter, frame)
        if path.isEmpty && op == .assign {
            if case .function = cell.value, case .global = place { interpreter.retireIfRunning(cell.value) }
            cell.value = newValue
            return
        }
        if !path.isEmpty { try interpreter.checkNesting(newValue, span: span, levels: path.count) }
        try interpreter.chargeAssignment(op, newValue, pathCount: path.count, span: span)
        var root = cell.value
        cell.value = .null
        defer { cell.value = root }
        try interpreter.update(&root, path: path[...], op: op, newValue: newValue, span: span, frame: frame)
    }

    /// `root += [item]`: onto the list in place; anything else is `+` with a one-item list.
    private func append(_ item: consuming Value, to root: inout Value, _ interpreter: Interpreter) throws {
        guard case .list(var items) = root else {
            root = try interpreter.applyBinary(.add, root, .list([item]), span: span)
            return
        }
        try interpreter.checkCount(items.count + 1, span: span)
        root = .null
        items.append(consume item)
        root = .list(items)
    }
}

final class IfStmt: CompiledStmt {
    let condition: CompiledExpr
    let then: CompiledBlock
    let otherwise: CompiledBlock?
    init(condition: CompiledExpr, then: CompiledBlock, otherwise: CompiledBlock?, span: SourceSpan) {
        self.condition = condition; self.then = then; self.otherwise = otherwise; super.init(span: span)
    }
    override func exec(_ interpreter: Interpreter, _ frame: Frame) throws -> Flow {
        if try interpreter.condition(condition, "if", frame) { return try then.run(interpreter, frame) }
        if let otherwise { return try otherwise.run(interpreter, frame) }
        return .normal
    }
}

final class WhileStmt: CompiledStmt {
    let condition: CompiledExpr
    let body: CompiledBlock
    init(condition: CompiledExpr, body: CompiledBlock, span: SourceSpan) {
        self.condition = condition; self.body = body; super.init(span: span)
    }
    override func exec(_ interpreter: Interpreter, _ frame: Frame) throws -> Flow {
        while true {
            try interpreter.poll(span)
            guard try interpreter.condition(condition, "while", frame) else { break }
            switch try body.run(interpreter, frame) {
            case .breakLoop: return .normal
            case .returnValue: return .returnValue
            case .normal, .continueLoop: continue
            }
        }
        return .normal
    }
}

final class ForStmt: CompiledStmt {
    let place: LocalPlace
    let sequence: CompiledExpr
    let body: CompiledBlock
    init(place: LocalPlace, sequence: CompiledExpr, body: CompiledBlock, span: SourceSpan) {
        self.place = place; self.sequence = sequence; self.body = body; super.init(span: span)
    }

    override func exec(_ interpreter: Interpreter, _ frame: Frame) throws -> Flow {
        let value: Value
        switch try sequence.evalSequence(interpreter, frame) {
        case .numbers(let range):
            for n in range {
                if let flow = try round(.number(Double(n)), interpreter, frame) { return flow }
            }
            return .normal
        case .value(let v): value = v
        }
        switch value {
        case .list(let items):
            for item in items {
                if let flow = try round(item, interpreter, frame) { return flow }
            }
        case .string(let text):
            for c in text {
                if let flow = try round(.string(String(c)), interpreter, frame) { return flow }
            }
        case .map(let map):
            for key in map.keys {
                if let flow = try round(.string(key), interpreter, frame) { return flow }
            }
        default:
            throw interpreter.diagnostic(Catalog.notIterable(value.typeName), sequence.span)
        }
        return .normal
    }

    /// One round of the loop; the flow that ends the loop, or nil to go on.
    @inline(__always)
    private func round(_ item: consuming Value, _ interpreter: Interpreter, _ frame: Frame) throws -> Flow? {
        try interpreter.poll(span)
        try interpreter.checkStack(span)
        body.enter(frame)
        frame.bind(item, to: place)
        switch try body.runStatements(interpreter, frame) {
        case .breakLoop: return .normal
        case .returnValue: return .returnValue
        case .normal, .continueLoop: return nil
        }
    }
}

final class BreakStmt: CompiledStmt {
    override func exec(_ interpreter: Interpreter, _ frame: Frame) throws -> Flow { .breakLoop }
}

final class ContinueStmt: CompiledStmt {
    override func exec(_ interpreter: Interpreter, _ frame: Frame) throws -> Flow { .continueLoop }
}

final class ReturnStmt: CompiledStmt {
    let value: CompiledExpr?
    init(value: CompiledExpr?, span: SourceSpan) { self.value = value; super.init(span: span) }
    override func exec(_ interpreter: Interpreter, _ frame: Frame) throws -> Flow {
        frame.returnValue = try value?.eval(interpreter, frame) ?? .null
        return .returnValue
    }
}

/// What a `for` loop walks.
enum LoopSequence {
    /// A list, a string or a map (anything else is the loop's error).
    case value(Value)
    /// The numbers of `range(...)`, without making their list.
    case numbers(Range<Int>)
}
