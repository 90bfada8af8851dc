import PanyaSupport

/// Runs panya programs: scripts, prompt entries and lesson statements. Used on one thread.
///
/// Each entry is parsed, then compiled by the resolver (`Compiler`): names become frame slots,
/// boxes captured by closures, or global boxes kept across entries; then the compiled tree runs.
public final class Interpreter {
    /// The commands command statements and command functions run.
    public let commands: CommandTable
    /// The language diagnostics and messages are written in.
    public var language: UILanguage
    /// The lesson runner, when a lesson is running. Held weakly: the host usually owns the interpreter.
    public weak var lessonHost: LessonHost?
    /// How deep function calls may nest before it is a diagnostic.
    public var maxCallDepth = 200
    /// Asked in every loop round and function call: a pending request stops the running statement
    /// (and is forgotten). Ctrl-C by default; the host clears a stale Ctrl-C before an entry.
    public var interrupt: InterruptSignal = .ctrlC {
        didSet { pollsCtrlC = interrupt.isCtrlC }
    }
    /// Whether `interrupt` is Ctrl-C, whose flag a poll reads directly.
    private var pollsCtrlC = true
    /// Shows the value of a command statement that is not at the top of a prompt entry (scripts
    /// print what command statements return, in their human form); nil shows nothing.
    public var showCommandValue: ((Value) -> Void)?
    /// The number of `step` statements in the program being run (set by `run`).
    public var stepCount = 0
    /// The most bytes this interpreter's values may hold together (``MemoryBudget/standard`` by
    /// default); a statement that would make them hold more stops with a diagnostic.
    public var memoryBudget: Int {
        get { budget.limit }
        set { budget = MemoryBudget(limit: newValue) }
    }

    private let output: (String) -> Void
    /// Globals and built-ins, by name.
    let globals = GlobalTable()
    private var file = "<stdin>"
    private var callDepth = 0
    /// The frame of each running call, by depth (`callFrames[callDepth - 1]` is the innermost;
    /// nil for a built-in or a command): what a memory measurement walks besides the globals.
    private var callFrames: UnsafeMutablePointer<Unmanaged<Frame>?>
    private var callFramesCapacity = 0
    /// The top frame of each running entry (prompt entries, scripts, lesson statements).
    private var entryFrames: [Frame] = []
    /// What this interpreter's values may hold, and what was charged since they were last measured.
    var budget = MemoryBudget(limit: MemoryBudget.standard)
    /// The number of `step` statements run so far in this program.
    var stepIndex = 0
    private var entryDepth = 0
    private var stackGuard = StackGuard()
    private var commandFunctions: [String: Function] = [:]
    /// Function values taken out of global boxes during the running entry (see `retireIfRunning`).
    private var retiredFunctions: [Value] = []
    /// The built-in `range` (names of built-ins cannot be rebound), which `for` walks lazily.
    private(set) var rangeFunction: Function?

    /// An interpreter over `commands`; `output` receives printed text including its trailing newline.
    public init(commands: CommandTable, language: UILanguage, output: @escaping (String) -> Void) {
        self.commands = commands
        self.language = language
        self.output = output
        callFrames = .allocate(capacity: 1)
        for builtin in Builtins.all {
            let function = Function(name: builtin.name, body: .builtin(builtin))
            if builtin.name == Builtins.rangeName { rangeFunction = function }
            globals.declare(builtin.name, .function(function), builtin: true)
        }
    }

    deinit { callFrames.deallocate() }

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
                let (statements, frame) = compile(program.statements)
                for stmt in statements { _ = try stmt.exec(self, frame) }
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
            let (statements, frame) = compile(program.statements)
            for stmt in statements { shown = try stmt.display(self, frame) }
        }
        return shown
    }

    /// Whether the prompt should ask for another line: a bracket is open or the line ends in an operator or comma.
    public static func needsMoreInput(_ source: String) -> Bool {
        ContinuationCheck.needsMoreInput(source)
    }

    /// User-declared global names and built-in names, sorted (for Tab completion).
    public var globalNames: [String] {
        Array(Set(globals.visibleNames)).sorted()
    }

    /// The value of a global (or built-in) name.
    public func global(_ name: String) -> Value? {
        guard let cell = globals.existing(name), cell.state != .undeclared else { return nil }
        return cell.value
    }

    /// Declares or replaces a global variable (hosts use it to seed values).
    public func setGlobal(_ name: String, _ value: Value) {
        if let old = globals.existing(name)?.value { retireIfRunning(old) }
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

    /// Evaluates an expression in the global scope (lesson checks and quiz answers).
    public func evaluate(_ expr: Expr) throws(Diagnostic) -> Value {
        var result = Value.null
        try entering(file: file) { () throws in
            var compiler = Compiler(globals: globals, expressions: [expr])
            let compiled = compiler.expr(expr)
            let size = compiler.frameSize
            let frame = Frame(valueCount: size.values, cellCount: size.cells, captures: [])
            entryFrames.append(frame)
            result = try compiled.eval(self, frame)
        }
        return result
    }

    /// Executes one statement in the global scope.
    public func execute(_ stmt: Stmt) throws(Diagnostic) {
        try entering(file: file) { () throws in
            let (statements, frame) = compile([stmt])
            for s in statements { _ = try s.exec(self, frame) }
        }
    }

    /// Executes one statement; returns the value a prompt would show for it.
    public func executeForDisplay(_ stmt: Stmt) throws(Diagnostic) -> Value? {
        var shown: Value? = nil
        try entering(file: file) { () throws in
            let (statements, frame) = compile([stmt])
            for s in statements { shown = try s.display(self, frame) }
        }
        return shown
    }

    /// Runs `body` as an entry of its own (a lesson demo): errors become diagnostics.
    func displaying(_ body: () throws -> Value?) throws(Diagnostic) -> Value? {
        var shown: Value? = nil
        try entering(file: file) { () throws in shown = try body() }
        return shown
    }

    private func compile(_ statements: [Stmt]) -> ([CompiledStmt], Frame) {
        var compiler = Compiler(globals: globals, statements: statements)
        let compiled = compiler.compileTop(statements)
        let size = compiler.frameSize
        let frame = Frame(valueCount: size.values, cellCount: size.cells, captures: [])
        // Walked by memory measurements until the entry that compiled it ends.
        entryFrames.append(frame)
        return (compiled, frame)
    }

    private func entering(file: String, _ body: () throws -> Void) throws(Diagnostic) {
        self.file = file
        if entryDepth == 0 { stackGuard = StackGuard(); callDepth = 0 }
        entryDepth += 1
        let outerFrames = entryFrames.count
        defer {
            entryDepth -= 1
            if entryFrames.count > outerFrames { entryFrames.removeSubrange(outerFrames...) }
            if entryDepth == 0 && !retiredFunctions.isEmpty { retiredFunctions = [] }
        }
        do { try body() } catch { throw diagnostic(from: error, at: .unknown) }
    }

    // MARK: - Stack and interruption

    /// Throws when the thread's stack is nearly used up.
    @inline(__always)
    func checkStack(_ span: SourceSpan) throws {
        if stackGuard.isExhausted { throw diagnostic(Catalog.tooDeep(limit: maxCallDepth), span) }
    }

    /// Throws the interruption diagnostic when a stop was asked for (Ctrl-C, or the host's signal).
    @inline(__always)
    func poll(_ span: SourceSpan) throws {
        if pollsCtrlC {
            if _fastPath(!InterruptSignal.isCtrlCPending) { return }
        }
        if interrupt.consume() { throw diagnostic(Catalog.interrupted, span, code: Interrupted.code) }
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

    /// A name that is not declared (yet): a command's function form, or an error with a suggestion.
    func undeclared(_ name: String, visible: [String], asFunction: Bool, span: SourceSpan) throws -> Value {
        if let function = commandFunction(name) { return .function(function) }
        let family = commands.names.filter { $0.hasPrefix(name + " ") }
        if !family.isEmpty { throw diagnostic(Catalog.notACommandAlone(name, family: family), span) }
        let functionNames = commands.names.map { $0.replacingOccurrences(of: " ", with: "_") }
        let suggestion = Suggestions.closest(to: name, in: visible + globals.visibleNames + functionNames)
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

    // MARK: - Memory

    /// Charges the budget for a value of about `bytes` being made at `span`: a diagnostic when
    /// the values kept, with this one, would hold more than the budget.
    @inline(__always)
    func charge(_ bytes: Int, span: SourceSpan) throws {
        budget.charged &+= bytes
        if _slowPath(budget.charged > budget.allowance) {
            do { try measureMemory(adding: bytes) } catch { throw diagnostic(error.message, span) }
        }
    }

    /// `charge` for built-ins, whose errors get the call's place.
    @inline(__always)
    func charge(_ bytes: Int) throws(ValueError) {
        budget.charged &+= bytes
        if _slowPath(budget.charged > budget.allowance) { try measureMemory(adding: bytes) }
    }

    /// Measures what the variables hold now, plus the `bytes` being made; throws when that is
    /// over the budget (the value is then not made, and the budget counts from what is kept).
    @inline(never)
    func measureMemory(adding bytes: Int) throws(ValueError) {
        let live = liveBytes()
        if live + bytes > budget.limit {
            budget.measured(live: live)
            throw ValueError(Catalog.memoryBudgetExceeded(live: live, budget: budget.limit))
        }
        budget.measured(live: live + bytes)
    }

    /// The bytes the values reachable now hold: globals, the running entries' and calls' frames
    /// (values a statement holds while it runs, such as the list a `for` walks, are not seen).
    func liveBytes() -> Int {
        var measure = MemoryMeasure()
        globals.forEachCell { measure.add($0) }
        for frame in entryFrames { measure.add(frame) }
        for depth in 0..<min(callDepth, callFramesCapacity) {
            if let frame = callFrames[depth] { frame._withUnsafeGuaranteedRef { measure.add($0) } }
        }
        return measure.bytes
    }

    // MARK: - Values

    /// The `print()` form of `value`, or a diagnostic when it would be longer than a string may be.
    func printedForm(_ value: Value, span: SourceSpan) throws -> String {
        if case .string(let s) = value { return s }
        guard let text = ValueFormatter.printed(value, limit: ValueLimits.maxStringBytes) else {
            throw diagnostic(Catalog.printedTooLong(limit: ValueLimits.maxStringBytes), span)
        }
        return text
    }

    /// Throws unless `value` may go one level deeper inside a list or map.
    @inline(__always)
    func checkNesting(_ value: Value, span: SourceSpan, levels: Int = 1) throws {
        switch value {
        case .list, .map, .record:
            do { try ValueLimits.checkNesting(value, levels: levels) } catch { throw diagnostic(error.message, span) }
        default: return
        }
    }

    /// The condition's value, which must be a bool.
    @inline(__always)
    func condition(_ expr: CompiledExpr, _ keyword: String, _ frame: Frame) throws -> Bool {
        let value = try expr.eval(self, frame)
        guard case .bool(let b) = value else { throw diagnostic(Catalog.conditionNotBool(keyword, value), expr.span) }
        return b
    }

    /// `a op b` on two numbers when it cannot fail (nil for division by zero).
    @inline(__always)
    static func numeric(_ op: BinaryOperator, _ a: Double, _ b: Double) -> Value? {
        switch op {
        case .add: return .number(a + b)
        case .subtract: return .number(a - b)
        case .multiply: return .number(a * b)
        case .divide: return b == 0 ? nil : .number(a / b)
        case .remainder: return b == 0 ? nil : .number(a.truncatingRemainder(dividingBy: b))
        case .equal: return .bool(a == b)
        case .notEqual: return .bool(a != b)
        case .less: return .bool(a < b)
        case .lessEqual: return .bool(a <= b)
        case .greater: return .bool(a > b)
        case .greaterEqual: return .bool(a >= b)
        }
    }

    func applyBinary(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, span: SourceSpan) throws -> Value {
        switch op {
        case .equal: return .bool(lhs == rhs)
        case .notEqual: return .bool(lhs != rhs)
        case .add:
            switch (lhs, rhs) {
            case (.number(let a), .number(let b)): return .number(a + b)
            case (.string(let a), .string(let b)):
                try checkString(bytes: a.utf8.count + b.utf8.count, span: span)
                try charge(MemoryBudget.string(a.utf8.count + b.utf8.count), span: span)
                return .string(a + b)
            case (.list(let a), .list(let b)):
                try checkCount(a.count + b.count, span: span)
                try charge(MemoryBudget.list(a.count + b.count), span: span)
                return .list(a + b)
            case (.string, .number), (.number, .string): throw diagnostic(Catalog.stringPlusNumber, span)
            default: throw diagnostic(Catalog.operandTypes(op.rawValue, lhs, rhs), span)
            }
        case .subtract, .multiply, .divide, .remainder:
            guard case .number(let a) = lhs, case .number(let b) = rhs else {
                throw diagnostic(Catalog.operandTypes(op.rawValue, lhs, rhs), span)
            }
            if let value = Interpreter.numeric(op, a, b) { return value }
            throw diagnostic(Catalog.divisionByZero, span)
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

    private func checkString(bytes: Int, span: SourceSpan) throws {
        do { try ValueLimits.checkString(bytes: bytes) } catch { throw diagnostic(error.message, span) }
    }

    func checkCount(_ count: Int, span: SourceSpan) throws {
        do { try ValueLimits.checkCount(count) } catch { throw diagnostic(error.message, span) }
    }

    private func listIndex(_ index: Value, count: Int, span: SourceSpan) throws -> Int {
        guard case .number(let n) = index else { throw diagnostic(Catalog.indexType(index), span) }
        guard n == n.rounded(), abs(n) < 1e15 else { throw diagnostic(Catalog.indexNotWhole(n), span) }
        guard n >= 0, Int(n) < count else { throw diagnostic(Catalog.indexOutOfRange(Int(n), count: count), span) }
        return Int(n)
    }

    func subscriptValue(_ base: Value, _ index: Value, indexSpan: SourceSpan, span: SourceSpan) throws -> Value {
        switch base {
        case .list(let items):
            return items[try listIndex(index, count: items.count, span: indexSpan)]
        case .string(let s):
            let chars = Array(s)
            return .string(String(chars[try listIndex(index, count: chars.count, span: indexSpan)]))
        case .map(let map):
            guard case .string(let key) = index else { throw diagnostic(Catalog.mapKeyType(index), indexSpan) }
            guard let value = map[key] else {
                throw diagnostic(Catalog.missingKey(key, suggestion: Suggestions.closest(to: key, in: map.keys.elements)), indexSpan)
            }
            return value
        case .record:
            guard case .string(let key) = index else { throw diagnostic(Catalog.mapKeyType(index), indexSpan) }
            return try field(base, key, span: indexSpan)
        default:
            throw diagnostic(Catalog.notIndexable(base.typeName), span)
        }
    }

    func field(_ base: Value, _ name: String, span: SourceSpan) throws -> Value {
        switch base {
        case .record(let record):
            guard let value = record[name] else {
                throw diagnostic(Catalog.missingField(name, kind: record.kind, fields: record.fields.keys.elements,
                                                      suggestion: Suggestions.closest(to: name, in: record.fields.keys.elements)), span)
            }
            return value
        case .map(let map):
            guard let value = map[name] else {
                throw diagnostic(Catalog.missingKey(name, suggestion: Suggestions.closest(to: name, in: map.keys.elements)), span)
            }
            return value
        default:
            throw diagnostic(Catalog.noFields(base.typeName), span)
        }
    }

    // MARK: - Assignment

    /// Charges the budget for what an assignment of `newValue` along a path of `pathCount` steps
    /// adds: the growth of `x += ...`, a possible new map entry. Called before the assignment takes
    /// its variable's value out of its place, so that a measurement still sees it.
    @inline(__always)
    func chargeAssignment(_ op: AssignOperator, _ newValue: Value, pathCount: Int, span: SourceSpan) throws {
        switch op {
        case .assign:
            if pathCount > 0 { try charge(MemoryBudget.entry(keyUTF8Count: 0), span: span) }
        case .add:
            switch newValue {
            case .string(let text): try charge(text.utf8.count, span: span)
            case .list(let items): try charge(items.count * MemoryBudget.valueBytes, span: span)
            default: return
            }
        default: return
        }
    }

    /// Changes `value` along `path` (indexes and fields), combining with `op` at the end.
    func update(_ value: inout Value, path: ArraySlice<CompiledPathStep>, op: AssignOperator, newValue: Value, span: SourceSpan, frame: Frame) throws {
        guard let component = path.first else { try combine(op, &value, newValue, span: span); return }
        let rest = path.dropFirst()
        switch component {
        case .index(let indexExpr, let componentSpan):
            let key = try indexExpr.eval(self, frame)
            switch value {
            case .list(var items):
                let i = try listIndex(key, count: items.count, span: indexExpr.span)
                value = .null
                defer { value = .list(items) }
                try update(&items[i], path: rest, op: op, newValue: newValue, span: span, frame: frame)
            case .map(var map):
                guard case .string(let k) = key else { throw diagnostic(Catalog.mapKeyType(key), indexExpr.span) }
                value = .null
                defer { value = .map(map) }
                try updateEntry(&map, key: k, path: rest, op: op, newValue: newValue, span: span, keySpan: componentSpan, frame: frame)
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
                value = .null
                defer { value = .map(map) }
                try updateEntry(&map, key: name, path: rest, op: op, newValue: newValue, span: span, keySpan: componentSpan, frame: frame)
            case .record(let r):
                throw diagnostic(Catalog.recordReadOnly(r.kind), componentSpan)
            default:
                throw diagnostic(Catalog.noFields(value.typeName), componentSpan)
            }
        }
    }

    private func updateEntry(_ map: inout OrderedMap, key: String, path: ArraySlice<CompiledPathStep>, op: AssignOperator,
                             newValue: Value, span: SourceSpan, keySpan: SourceSpan, frame: Frame) throws {
        if path.isEmpty && op == .assign {
            if map[key] == nil { try checkCount(map.count + 1, span: span) }
            map[key] = newValue
            return
        }
        guard var inner = map[key] else {
            throw diagnostic(Catalog.missingKey(key, suggestion: Suggestions.closest(to: key, in: map.keys.elements)), keySpan)
        }
        map[key] = .null
        defer { map[key] = inner }
        try update(&inner, path: path, op: op, newValue: newValue, span: span, frame: frame)
    }

    /// `old op= new` in place: `xs += [x]` and `s += "x"` add to the value without copying it.
    private func combine(_ op: AssignOperator, _ old: inout Value, _ new: Value, span: SourceSpan) throws {
        guard let binary = op.binary else { old = new; return }
        if binary == .add {
            // No tuple of (old, new) here: it would hold a second reference and force a copy.
            if case .list(var items) = old, case .list(let more) = new {
                try checkCount(items.count + more.count, span: span)
                old = .null
                items.append(contentsOf: more)
                old = .list(items)
                return
            }
            if case .string(var text) = old, case .string(let more) = new {
                try checkString(bytes: text.utf8.count + more.utf8.count, span: span)
                old = .null
                text += more
                old = .string(text)
                return
            }
        }
        old = try applyBinary(binary, old, new, span: span)
    }

    // MARK: - Calls

    /// Calls `callee` with compiled arguments evaluated in `frame`.
    func call(_ callee: Value, calleeSpan: SourceSpan, _ arguments: [CompiledArgument], _ frame: Frame, span: SourceSpan) throws -> Value {
        guard case .function(let function) = callee else {
            throw diagnostic(Catalog.notCallable(callee.typeName), calleeSpan)
        }
        var positional: [Value] = []
        positional.reserveCapacity(arguments.count)
        var labelled: [(String, Value, SourceSpan)] = []
        for argument in arguments {
            let value = try argument.value.eval(self, frame)
            if let label = argument.label {
                labelled.append((label, value, argument.value.span))
            } else {
                if !labelled.isEmpty { throw diagnostic(Catalog.positionalAfterKeyword, argument.value.span) }
                positional.append(value)
            }
        }
        return try callFunction(function, positional, labelled: labelled, span: span)
    }

    /// Calls the closure in `box` when its parameters are as many as `arguments` (all positional):
    /// they are evaluated straight into the callee's frame, with the checks and errors of `call`,
    /// in the same order. Nil when `box` is not such a closure (the caller takes the general path).
    /// The caller keeps `box` alive during the call (see `CallExpr`).
    @inline(__always)
    func callDirect(_ box: Unmanaged<Function.Box>, _ arguments: UnsafeMutableBufferPointer<Unmanaged<CompiledExpr>>,
                    _ caller: Frame, span: SourceSpan) throws -> Value? {
        try box._withUnsafeGuaranteedRef { box throws -> Value? in
            // The code unretained too: the box keeps it.
            guard let unretainedCode = box.closureCode.map({ Unmanaged.passUnretained($0) }) else { return nil }
            return try unretainedCode._withUnsafeGuaranteedRef { code throws -> Value? in
                try callDirect(code, captures: box.closureCaptures, arguments, caller, span: span)
            }
        }
    }

    /// `callDirect` once the code is known: the frame, the arguments, the checks, the body.
    @inline(__always)
    private func callDirect(_ code: FunctionCode, captures: [Cell], _ arguments: UnsafeMutableBufferPointer<Unmanaged<CompiledExpr>>,
                            _ caller: Frame, span: SourceSpan) throws -> Value? {
        guard code.parameterPlaces.count == arguments.count else { return nil }
        let (taken, kept) = code.takeFrame(captures: captures)
        defer { code.giveBack(taken, kept: kept) }
        return try taken._withUnsafeGuaranteedRef { frame throws -> Value in
            for i in 0..<arguments.count {
                let value = try arguments[i]._withUnsafeGuaranteedRef { try $0.eval(self, caller) }
                frame.bind(value, to: code.parameterPlaces[i])
            }
            try poll(span)
            try checkStack(span)
            callDepth += 1
            defer { callDepth -= 1 }
            if callDepth > maxCallDepth { throw diagnostic(Catalog.tooDeep(limit: maxCallDepth), span) }
            noteCallFrame(taken)
            if case .returnValue = try code.body.runStatements(self, frame) { return frame.takeReturnValue() }
            return .null
        }
    }

    /// Notes the frame of the call just entered (at `callDepth`) for memory measurements.
    @inline(__always)
    private func noteCallFrame(_ frame: Unmanaged<Frame>?) {
        if _slowPath(callDepth > callFramesCapacity) { growCallFrames() }
        callFrames[callDepth - 1] = frame
    }

    @inline(never)
    private func growCallFrames() {
        let capacity = max(callDepth, 2 * callFramesCapacity, 64)
        let grown = UnsafeMutablePointer<Unmanaged<Frame>?>.allocate(capacity: capacity)
        grown.initialize(from: callFrames, count: callFramesCapacity)
        (grown + callFramesCapacity).initialize(repeating: nil, count: capacity - callFramesCapacity)
        callFrames.deallocate()
        callFrames = grown
        callFramesCapacity = capacity
    }

    /// Keeps a function value that an assignment took out of a global box while a call of it may
    /// still be running, until the outermost entry ends: calls read global functions in place,
    /// without a reference of their own (`CallExpr`).
    func retireIfRunning(_ old: Value) {
        guard case .function(let function) = old, let code = function.box.closureCode, code.runningCalls > 0 else { return }
        retiredFunctions.append(old)
    }

    private func callFunction(_ function: Function, _ positional: [Value], labelled: [(String, Value, SourceSpan)], span: SourceSpan) throws -> Value {
        try poll(span)
        try checkStack(span)
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > maxCallDepth { throw diagnostic(Catalog.tooDeep(limit: maxCallDepth), span) }
        noteCallFrame(nil)
        switch function.box.body {
        case .closure(let code, let captures):
            let values = try bind(code, function.name, positional, labelled, span: span)
            let (taken, kept) = code.takeFrame(captures: captures)
            defer { code.giveBack(taken, kept: kept) }
            noteCallFrame(taken)
            return try taken._withUnsafeGuaranteedRef { frame throws -> Value in
                for (place, value) in zip(code.parameterPlaces, values) { frame.bind(value, to: place) }
                if case .returnValue = try code.body.runStatements(self, frame) { return frame.takeReturnValue() }
                return .null
            }
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

    /// The parameters' values in order, from positional and `name: value` arguments.
    private func bind(_ code: FunctionCode, _ name: String, _ positional: [Value], _ labelled: [(String, Value, SourceSpan)], span: SourceSpan) throws -> [Value] {
        let parameters = code.parameters
        if labelled.isEmpty && positional.count == parameters.count { return positional }
        if positional.count > parameters.count {
            throw diagnostic(Catalog.argumentCount(name, expected: parameters.count, got: positional.count + labelled.count), span)
        }
        var bound: [Value?] = positional.map { Optional($0) }
        bound += Array(repeating: nil, count: parameters.count - bound.count)
        for (label, value, labelSpan) in labelled {
            guard let i = parameters.firstIndex(of: label) else {
                throw diagnostic(Catalog.unknownKeyword(name, label, suggestion: Suggestions.closest(to: label, in: parameters)), labelSpan)
            }
            if bound[i] != nil { throw diagnostic(Catalog.duplicateArgument(label), labelSpan) }
            bound[i] = value
        }
        let values = bound.compactMap { $0 }
        guard values.count == parameters.count else {
            throw diagnostic(Catalog.argumentCount(name, expected: parameters.count, got: positional.count + labelled.count), span)
        }
        return values
    }

    /// Runs a command statement.
    func runCommand(_ invocation: CommandExpr, _ frame: Frame) throws -> Value {
        guard let command = commands.command(named: invocation.name) else {
            throw diagnostic(Catalog.unknownCommand(invocation.name, suggestion: Suggestions.closest(to: invocation.name, in: commands.names)), invocation.span)
        }
        var arguments = CommandArguments()
        for argument in invocation.arguments {
            switch argument {
            case .positional(let e): arguments.positional.append((value: try e.eval(self, frame), span: e.span))
            case .flag(let name, let valueExpr, let span):
                arguments.flags.append((key: name, value: try valueExpr.map { e throws in try e.eval(self, frame) } ?? .bool(true), span: span))
            }
        }
        return try invoke(command, arguments, span: invocation.span)
    }

    private func invoke(_ command: Command, _ arguments: CommandArguments, span: SourceSpan) throws -> Value {
        try poll(span)
        do {
            let result = try command.invoke(arguments, span: span)
            switch result {
            case .number, .bool, .null: break
            default:
                var measure = MemoryMeasure()
                measure.add(result)
                try charge(measure.bytes, span: span)
            }
            return result
        } catch let error as CommandArgumentError {
            throw diagnostic(from: error, at: error.span ?? span)
        } catch {
            throw diagnostic(from: error, at: span)
        }
    }

    /// Writes printed text (used by `print`).
    func write(_ text: String) { output(text) }
}

