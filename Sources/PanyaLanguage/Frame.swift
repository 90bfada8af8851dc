/// A variable a closure shares with the scope that declared it (or a global): one box per declaration.
final class Cell {
    /// Whether the variable exists yet, and whether it is a built-in.
    enum State { case undeclared, declared, builtin }

    var value: Value
    var state: State

    init(_ value: Value = .null, state: State = .undeclared) {
        self.value = value
        self.state = state
    }

    /// Lets go of the value without recursion (a chain of closures can be very long).
    deinit { ValueRelease.release(&value) }
}

/// The variables of one running function (or prompt entry): slots resolved before running,
/// the boxes of variables that closures capture, and the boxes the closure itself captured.
final class Frame {
    /// Local variables, by slot (nobody captures them).
    let values: UnsafeMutablePointer<Value>
    let valueCount: Int
    /// Boxes of local variables that a closure captures, by cell index.
    let cells: UnsafeMutablePointer<Cell>
    let cellCount: Int
    /// Boxes this function's closure captured, by capture index.
    private(set) var captures: [Cell]
    /// The value of the `return` that ended the body.
    var returnValue: Value = .null

    init(valueCount: Int, cellCount: Int, captures: [Cell]) {
        self.valueCount = valueCount
        self.cellCount = cellCount
        self.captures = captures
        values = .allocate(capacity: max(valueCount, 1))
        values.initialize(repeating: .null, count: valueCount)
        cells = .allocate(capacity: max(cellCount, 1))
        for i in 0..<cellCount { (cells + i).initialize(to: Cell()) }
    }

    deinit {
        values.deinitialize(count: valueCount)
        values.deallocate()
        cells.deinitialize(count: cellCount)
        cells.deallocate()
    }

    /// Takes the value out of a slot (leaving nil), so that changing it in place copies nothing.
    @inline(__always)
    func take(_ slot: Int) -> Value {
        let value = (values + slot).move()
        (values + slot).initialize(to: .null)
        return value
    }

    /// Puts a parameter's or a loop variable's value in its place: a slot, or its box (declared
    /// from now on) when a closure captures it.
    @inline(__always)
    func bind(_ value: consuming Value, to place: LocalPlace) {
        switch place {
        case .slot(let i): values[i] = consume value
        case .cell(let i):
            let cell = cells[i]
            cell.value = consume value
            cell.state = .declared
        }
    }

    /// Takes the value of the `return` that ended the body (leaving nil).
    @inline(__always)
    func takeReturnValue() -> Value {
        let value = self.returnValue
        self.returnValue = .null
        return value
    }

    /// Empties the frame after its call (locals, captures and return value let go), ready for the
    /// next call of the same function. Only frames without boxes are reused: a closure may keep one.
    func clear() {
        for i in 0..<valueCount {
            // Numbers, bools and nil hold no memory: left in place (every slot is written by its
            // parameter or its `let` before it can be read).
            switch values[i] {
            case .number, .bool, .null: continue
            default: values[i] = .null
            }
        }
        if !captures.isEmpty { captures = [] }
        if !returnValue.isNull { returnValue = .null }
    }

    /// Prepares a cleared frame for a call of a closure that captured `captures`.
    func reuse(captures: [Cell]) { self.captures = captures }
}

/// How a statement ended.
enum Flow {
    case normal
    case breakLoop
    case continueLoop
    /// The value is in `Frame.returnValue`.
    case returnValue
}

/// Global variables and built-ins by name: one box each, kept across prompt entries.
final class GlobalTable {
    private var cells: [String: Cell] = [:]
    private var declaredOrder: [String] = []

    /// The box for `name`, made (undeclared) on first use.
    func cell(_ name: String) -> Cell {
        if let cell = cells[name] { return cell }
        let cell = Cell()
        cells[name] = cell
        return cell
    }

    /// The box for `name` if one was ever made.
    func existing(_ name: String) -> Cell? { cells[name] }

    /// Declares `name` (a host seeding a value, or a `let` at the top).
    func declare(_ name: String, _ value: Value, builtin: Bool = false) {
        let cell = self.cell(name)
        if cell.state == .undeclared { declaredOrder.append(name) }
        cell.value = value
        cell.state = builtin ? .builtin : .declared
    }

    /// Records that `cell` (the box of `name`) became declared.
    func noteDeclared(_ name: String) { declaredOrder.append(name) }

    /// Calls `body` with every box (memory measurements walk them).
    func forEachCell(_ body: (Cell) -> Void) {
        for cell in cells.values { body(cell) }
    }

    /// Every declared or built-in name, in declaration order.
    var visibleNames: [String] { declaredOrder }
}
