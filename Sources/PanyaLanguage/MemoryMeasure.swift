/// Adds up the memory that values hold, each shared storage once: what a run's variables keep
/// alive when the interpreter checks its ``MemoryBudget``.
///
/// It walks with a stack of its own (value graphs may be deep: closures capture boxes that hold
/// closures) and remembers every storage it counted by address, so a list put into a map 1,000
/// times, or a string in many variables, counts once, and a closure that captures itself ends.
struct MemoryMeasure {
    /// The bytes counted so far.
    private(set) var bytes = 0
    /// Storages already counted: arrays, map key and value storages, long strings, boxes, closures.
    private var counted = Set<UnsafeRawPointer>()
    /// Values still to count.
    private var pending: [Value] = []

    /// Counts `value` and whatever it holds.
    mutating func add(_ value: Value) {
        pending.append(value)
        drain()
    }

    /// Counts a variable's box and its value.
    mutating func add(_ cell: Cell) {
        enqueue(cell)
        drain()
    }

    /// Counts what a running call's frame holds: locals, boxes, captures and its return value.
    mutating func add(_ frame: Frame) {
        bytes += MemoryBudget.headerBytes + frame.valueCount * MemoryBudget.valueBytes
        for i in 0..<frame.valueCount { enqueue(frame.values[i]) }
        for i in 0..<frame.cellCount { enqueue(frame.cells[i]) }
        for cell in frame.captures { enqueue(cell) }
        enqueue(frame.returnValue)
        drain()
    }

    @inline(__always)
    private mutating func enqueue(_ value: Value) {
        switch value {
        case .number, .bool, .null: return
        default: pending.append(value)
        }
    }

    private mutating func enqueue(_ cell: Cell) {
        guard counted.insert(UnsafeRawPointer(Unmanaged.passUnretained(cell).toOpaque())).inserted else { return }
        bytes += MemoryBudget.headerBytes + MemoryBudget.valueBytes
        enqueue(cell.value)
    }

    /// Whether `identity` is new (and remembers it); nil (an empty storage) is never counted.
    private mutating func isNew(_ identity: UnsafeRawPointer?) -> Bool {
        guard let identity else { return false }
        return counted.insert(identity).inserted
    }

    private mutating func drain() {
        while let value = pending.popLast() {
            switch value {
            case .number, .bool, .null: continue
            case .string(let text): count(text)
            case .list(let items):
                guard isNew(items.withUnsafeBufferPointer({ $0.baseAddress.map(UnsafeRawPointer.init) })) else { continue }
                bytes += MemoryBudget.list(items.count)
                for item in items { enqueue(item) }
            case .map(let map): count(map)
            case .record(let record):
                bytes += MemoryBudget.headerBytes
                count(record.kind)
                count(record.fields)
            case .function(let function):
                guard case .closure(_, let captures) = function.box.body,
                      isNew(UnsafeRawPointer(Unmanaged.passUnretained(function.box).toOpaque())) else { continue }
                bytes += MemoryBudget.headerBytes + captures.count * MemoryLayout<Cell>.stride
                for cell in captures { enqueue(cell) }
            }
        }
    }

    /// A string's heap storage, once however many values share it (short strings have none).
    private mutating func count(_ text: String) {
        let size = MemoryBudget.string(text.utf8.count)
        guard size > 0 else { return }
        let identity = text.utf8.withContiguousStorageIfAvailable { $0.baseAddress.map(UnsafeRawPointer.init) }
        // A string without contiguous storage of its own is counted every time it is met.
        if let identity, !isNew(identity) { return }
        bytes += size
    }

    /// A map's key storage and value storage, each once, and then its values.
    private mutating func count(_ map: OrderedMap) {
        let keys = map.keys.elements
        if isNew(keys.withUnsafeBufferPointer({ $0.baseAddress.map(UnsafeRawPointer.init) })) {
            bytes += MemoryBudget.headerBytes + keys.count * MemoryBudget.keyBytes
            for key in keys { count(key) }
        }
        guard isNew(map.storageIdentity) else { return }
        bytes += MemoryBudget.list(map.count)
        for value in map.values { enqueue(value) }
    }
}
