import PanyaSupport

// Expressions after the resolver: every name is a slot, a cell or a global box, and chains are
// flat lists of steps, so evaluating never recurses once per term of a long line.

/// An expression ready to run.
class CompiledExpr {
    let span: SourceSpan
    init(span: SourceSpan) { self.span = span }
    /// The expression's value in `frame`.
    func eval(_ interpreter: Interpreter, _ frame: Frame) throws -> Value { .null }
    /// What a `for` loop walks: the value, or the numbers of a `range(...)` call without its list.
    func evalSequence(_ interpreter: Interpreter, _ frame: Frame) throws -> LoopSequence {
        .value(try eval(interpreter, frame))
    }
    /// The field `name` of the expression's value (`x.name`); variables read it in place.
    func evalField(_ name: String, _ interpreter: Interpreter, _ frame: Frame, span: SourceSpan) throws -> Value {
        try interpreter.field(try eval(interpreter, frame), name, span: span)
    }
}

final class ConstantExpr: CompiledExpr {
    let value: Value
    init(_ value: Value, span: SourceSpan) { self.value = value; super.init(span: span) }
    override func eval(_ interpreter: Interpreter, _ frame: Frame) throws -> Value { value }
}

/// A local variable no closure captures.
final class LocalExpr: CompiledExpr {
    let slot: Int
    init(slot: Int, span: SourceSpan) { self.slot = slot; super.init(span: span) }
    override func eval(_ interpreter: Interpreter, _ frame: Frame) throws -> Value { frame.values[slot] }
    override func evalField(_ name: String, _ interpreter: Interpreter, _ frame: Frame, span: SourceSpan) throws -> Value {
        // Moved out of the slot and back: reading one field copies neither the record nor the map.
        let place = frame.values + slot
        let container = place.move()
        let found = container[field: name]
        place.initialize(to: container)
        if let found { return found }
        return try interpreter.field(frame.values[slot], name, span: span)
    }
}

/// A name whose value lives in a box: a captured local, a capture of the closure, or a global.
final class BoxedExpr: CompiledExpr {
    enum Place { case cell(Int), capture(Int), global(Cell) }
    let place: Place
    let name: String
    let asFunction: Bool
    /// Names visible here, for "did you mean".
    let visible: [String]
    init(place: Place, name: String, asFunction: Bool, visible: [String], span: SourceSpan) {
        self.place = place; self.name = name; self.asFunction = asFunction; self.visible = visible
        super.init(span: span)
    }
    override func eval(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
        let cell: Cell
        switch place {
        case .cell(let i): cell = frame.cells[i]
        case .capture(let i): cell = frame.captures[i]
        case .global(let c): cell = c
        }
        if cell.state != .undeclared { return cell.value }
        return try interpreter.undeclared(name, visible: visible, asFunction: asFunction, span: span)
    }
}

final class TemplateExpr: CompiledExpr {
    enum Part { case text(String), expr(CompiledExpr) }
    let parts: [Part]
    init(parts: [Part], span: SourceSpan) { self.parts = parts; super.init(span: span) }
    override func eval(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
        var text = ""
        for part in parts {
            switch part {
            case .text(let t): text += t
            case .expr(let e): text += try interpreter.printedForm(try e.eval(interpreter, frame), span: e.span)
            }
            if text.utf8.count > ValueLimits.maxStringBytes {
                throw interpreter.diagnostic(Catalog.stringTooLong(limit: ValueLimits.maxStringBytes), span)
            }
        }
        try interpreter.charge(MemoryBudget.string(text.utf8.count), span: span)
        return .string(text)
    }
}

final class ListExpr: CompiledExpr {
    let items: [CompiledExpr]
    init(items: [CompiledExpr], span: SourceSpan) { self.items = items; super.init(span: span) }
    override func eval(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for item in items {
            let value = try item.eval(interpreter, frame)
            try interpreter.checkNesting(value, span: item.span)
            values.append(value)
        }
        try interpreter.charge(MemoryBudget.list(values.count), span: span)
        return .list(values)
    }
}

/// `{a: 1, b: x}`. Every map a literal makes shares one copy of the literal's keys (the keys are
/// fixed when it is compiled), so making one stores only its values.
final class MapExpr: CompiledExpr {
    /// The keys with nil values, in order; nil when a key repeats (the last value wins then).
    let template: OrderedMap?
    let keys: [String]
    let values: [CompiledExpr]
    init(keys: [String], values: [CompiledExpr], span: SourceSpan) {
        self.keys = keys; self.values = values
        let unique = OrderedMap(keys.map { ($0, Value.null) })
        template = unique.count == keys.count ? unique : nil
        super.init(span: span)
    }
    override func eval(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
        guard var map = template else {
            var map = OrderedMap()
            for (key, expr) in zip(keys, values) {
                let value = try expr.eval(interpreter, frame)
                try interpreter.checkNesting(value, span: expr.span)
                map[key] = value
            }
            try interpreter.charge(MemoryBudget.map(map.count), span: span)
            return .map(map)
        }
        for (index, expr) in values.enumerated() {
            let value = try expr.eval(interpreter, frame)
            try interpreter.checkNesting(value, span: expr.span)
            map.values[index] = value
        }
        // The keys are the literal's, shared: only the values are new.
        try interpreter.charge(MemoryBudget.list(values.count), span: span)
        return .map(map)
    }
}

final class UnaryExpr: CompiledExpr {
    let op: UnaryOperator
    let operand: CompiledExpr
    init(op: UnaryOperator, operand: CompiledExpr, span: SourceSpan) { self.op = op; self.operand = operand; super.init(span: span) }
    override func eval(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
        let value = try operand.eval(interpreter, frame)
        switch (op, value) {
        case (.negate, .number(let n)): return .number(-n)
        case (.not, .bool(let b)): return .bool(!b)
        case (.negate, _): throw interpreter.diagnostic(Catalog.unaryType("-", value), span)
        case (.not, _): throw interpreter.diagnostic(Catalog.conditionNotBool("not", value), operand.span)
        }
    }
}

final class BinaryExpr: CompiledExpr {
    let op: BinaryOperator
    let lhs: CompiledExpr
    let rhs: CompiledExpr
    init(op: BinaryOperator, lhs: CompiledExpr, rhs: CompiledExpr, span: SourceSpan) {
        self.op = op; self.lhs = lhs; self.rhs = rhs; super.init(span: span)
    }
    override func eval(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
        let left = try lhs.eval(interpreter, frame)
        let right = try rhs.eval(interpreter, frame)
        if case .number(let a) = left, case .number(let b) = right, let fast = Interpreter.numeric(op, a, b) { return fast }
        return try interpreter.applyBinary(op, left, right, span: span)
    }
}

/// `a op 2`: a binary operation whose right operand is a number written in the source, held here
/// (one node less to run; the same answers and errors as `BinaryExpr`).
final class NumberOperandExpr: CompiledExpr {
    let op: BinaryOperator
    let lhs: CompiledExpr
    let number: Double
    /// The slot of the left operand when it is a local variable (read in place), else -1.
    private let lhsSlot: Int
    init(op: BinaryOperator, lhs: CompiledExpr, number: Double, span: SourceSpan) {
        self.op = op; self.lhs = lhs; self.number = number
        lhsSlot = (lhs as? LocalExpr)?.slot ?? -1
        super.init(span: span)
    }
    override func eval(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
        if lhsSlot >= 0, case .number(let a) = frame.values[lhsSlot], let fast = Interpreter.numeric(op, a, number) { return fast }
        let left = try lhs.eval(interpreter, frame)
        if case .number(let a) = left, let fast = Interpreter.numeric(op, a, number) { return fast }
        return try interpreter.applyBinary(op, left, .number(number), span: span)
    }
}

final class LogicalExpr: CompiledExpr {
    let op: LogicalOperator
    let operands: [CompiledExpr]
    init(op: LogicalOperator, operands: [CompiledExpr], span: SourceSpan) { self.op = op; self.operands = operands; super.init(span: span) }
    override func eval(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
        let keyword = op.rawValue
        let stopAt = op == .or
        for operand in operands {
            if try interpreter.condition(operand, keyword, frame) == stopAt { return .bool(stopAt) }
        }
        return .bool(!stopAt)
    }
}

/// A compiled call argument.
struct CompiledArgument {
    let label: String?
    let value: CompiledExpr
}

/// `a + b - c`, `r.labels[0].name`, `f(1)(2)`: a first operand and steps applied in a loop.
final class ChainExpr: CompiledExpr {
    enum Step {
        case binary(BinaryOperator, CompiledExpr, SourceSpan)
        case call([CompiledArgument], SourceSpan)
        case index(CompiledExpr, SourceSpan)
        case field(String, SourceSpan)
    }
    let first: CompiledExpr
    let steps: [Step]
    init(first: CompiledExpr, steps: [Step], span: SourceSpan) { self.first = first; self.steps = steps; super.init(span: span) }
    override func eval(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
        var value = try first.eval(interpreter, frame)
        var soFar = first.span
        for step in steps {
            switch step {
            case .binary(let op, let rhs, let span):
                let right = try rhs.eval(interpreter, frame)
                if case .number(let a) = value, case .number(let b) = right, let fast = Interpreter.numeric(op, a, b) {
                    value = fast
                } else {
                    value = try interpreter.applyBinary(op, value, right, span: span)
                }
                soFar = span
            case .call(let arguments, let span):
                value = try interpreter.call(value, calleeSpan: soFar, arguments, frame, span: span)
                soFar = span
            case .index(let indexExpr, let span):
                let index = try indexExpr.eval(interpreter, frame)
                value = try interpreter.subscriptValue(value, index, indexSpan: indexExpr.span, span: span)
                soFar = span
            case .field(let name, let span):
                value = try interpreter.field(value, name, span: span)
                soFar = span
            }
        }
        return value
    }
}

final class CallExpr: CompiledExpr {
    /// Where a callee is read in place, without a reference of its own for the call: a local slot
    /// (nothing but its own frame's statements can change it, and they wait for the call), or a
    /// global box (an assignment there keeps a running function alive: `Interpreter.retireIfRunning`).
    enum DirectCallee {
        case slot(Int)
        case global(Unmanaged<Cell>)
    }

    let callee: CompiledExpr
    let arguments: [CompiledArgument]
    /// Whether no argument has a `name:` label.
    let positionalOnly: Bool
    /// How the callee is read in place, when it can be (positional calls of a local or a global).
    private let direct: DirectCallee?
    /// The arguments' expressions unretained, in a buffer the node owns (it keeps them through
    /// `arguments`): evaluating them costs no reference counting.
    private let argumentValues: UnsafeMutableBufferPointer<Unmanaged<CompiledExpr>>

    init(callee: CompiledExpr, arguments: [CompiledArgument], span: SourceSpan) {
        self.callee = callee; self.arguments = arguments
        let positionalOnly = arguments.allSatisfy { $0.label == nil }
        self.positionalOnly = positionalOnly
        switch callee {
        case let local as LocalExpr where positionalOnly:
            direct = .slot(local.slot)
        case let boxed as BoxedExpr where positionalOnly:
            if case .global(let cell) = boxed.place { direct = .global(.passUnretained(cell)) } else { direct = nil }
        default:
            direct = nil
        }
        argumentValues = .allocate(capacity: arguments.count)
        _ = argumentValues.initialize(from: arguments.map { Unmanaged.passUnretained($0.value) })
        super.init(span: span)
    }

    deinit { argumentValues.deallocate() }

    override func evalSequence(_ interpreter: Interpreter, _ frame: Frame) throws -> LoopSequence {
        let function = try callee.eval(interpreter, frame)
        guard positionalOnly, Builtins.rangeArity.contains(arguments.count), let range = interpreter.rangeFunction,
              case .function(let f) = function, f == range else {
            return .value(try call(function, interpreter, frame))
        }
        // `for i in range(a, b)`: the built-in's argument checks and errors, without a list of the numbers.
        var values: [Value] = []
        for argument in arguments { values.append(try argument.value.eval(interpreter, frame)) }
        try interpreter.poll(span)
        do {
            return .numbers(try Builtins.rangeBounds(values))
        } catch {
            throw interpreter.diagnostic(from: error, at: span)
        }
    }

    override func eval(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
        if let box = directFunction(frame), let result = try interpreter.callDirect(box, argumentValues, frame, span: span) {
            return result
        }
        return try call(try callee.eval(interpreter, frame), interpreter, frame)
    }

    /// The user function the callee names, read in place (not retained), if it is one.
    @inline(__always)
    private func directFunction(_ frame: Frame) -> Unmanaged<Function.Box>? {
        switch direct {
        case .slot(let i):
            if case .function(let f) = frame.values[i] { return .passUnretained(f.box) }
            return nil
        case .global(let cell):
            return cell._withUnsafeGuaranteedRef { cell in
                guard cell.state == .declared, case .function(let f) = cell.value else { return nil }
                return .passUnretained(f.box)
            }
        case nil:
            return nil
        }
    }

    private func call(_ function: Value, _ interpreter: Interpreter, _ frame: Frame) throws -> Value {
        try withExtendedLifetime(function) { () throws -> Value in
            if positionalOnly, case .function(let f) = function,
               let result = try interpreter.callDirect(.passUnretained(f.box), argumentValues, frame, span: span) {
                return result
            }
            return try interpreter.call(function, calleeSpan: callee.span, arguments, frame, span: span)
        }
    }
}

final class IndexExpr: CompiledExpr {
    let base: CompiledExpr
    let index: CompiledExpr
    init(base: CompiledExpr, index: CompiledExpr, span: SourceSpan) { self.base = base; self.index = index; super.init(span: span) }
    override func eval(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
        let container = try base.eval(interpreter, frame)
        let key = try index.eval(interpreter, frame)
        return try interpreter.subscriptValue(container, key, indexSpan: index.span, span: span)
    }
}

final class FieldExpr: CompiledExpr {
    let base: CompiledExpr
    let name: String
    init(base: CompiledExpr, name: String, span: SourceSpan) { self.base = base; self.name = name; super.init(span: span) }
    override func eval(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
        try base.evalField(name, interpreter, frame, span: span)
    }
}

/// Where a closure finds a box it captures, in the frame that creates it.
enum CaptureSource {
    case cell(Int)
    case capture(Int)
}

/// Where a local variable lives in its frame.
enum LocalPlace {
    case slot(Int)
    case cell(Int)
}

/// `fn (x) { ... }`: makes a closure over the boxes it captures.
final class FunctionExpr: CompiledExpr {
    let code: FunctionCode
    init(code: FunctionCode) { self.code = code; super.init(span: code.span) }
    override func eval(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
        var captured: [Cell] = []
        captured.reserveCapacity(code.captures.count)
        for source in code.captures {
            switch source {
            case .cell(let i): captured.append(frame.cells[i])
            case .capture(let i): captured.append(frame.captures[i])
            }
        }
        return .function(Function(name: code.name, body: .closure(code, captured)))
    }
}

/// A command statement used as a value.
final class CommandExpr: CompiledExpr {
    enum Argument {
        case positional(CompiledExpr)
        case flag(String, CompiledExpr?, SourceSpan)
    }
    let name: String
    let arguments: [Argument]
    init(name: String, arguments: [Argument], span: SourceSpan) { self.name = name; self.arguments = arguments; super.init(span: span) }
    override func eval(_ interpreter: Interpreter, _ frame: Frame) throws -> Value {
        try interpreter.runCommand(self, frame)
    }
}
