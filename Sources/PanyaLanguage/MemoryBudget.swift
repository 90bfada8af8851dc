/// How much memory the values of one interpreter may hold together, and the bookkeeping that
/// decides when to measure them (docs/language.md, "Limits").
///
/// Making a value charges its rough size here: one addition and one comparison. Only when the
/// charges since the last measurement pass what the budget had left does the interpreter measure
/// what its variables really hold (``MemoryMeasure``); values dropped since then are gone and do
/// not count, so a loop that overwrites one variable never runs out.
public struct MemoryBudget: Sendable {
    /// The budget of a shell, a script or a lesson check: 256 MiB.
    public static let standard = 256 << 20
    /// The budget of each of a student's sessions in `panya class`: 64 MiB.
    public static let student = 64 << 20

    /// The most bytes the values reachable from the interpreter's variables may hold.
    let limit: Int
    /// Bytes charged since the last measurement.
    var charged = 0
    /// Charges up to this need no measurement: what the budget had left at the last one (never
    /// less than `minimumStep`, so that a run close to its budget is not measured at every value).
    var allowance: Int

    init(limit: Int) {
        self.limit = max(limit, 0)
        allowance = self.limit
    }

    /// The least that is charged between two measurements: a 64th of the budget. A run may pass
    /// its budget by this much before it is stopped.
    var minimumStep: Int { max(limit / 64, 4096) }

    /// Starts counting again after a measurement that found `live` bytes held.
    mutating func measured(live: Int) {
        charged = 0
        allowance = max(limit - live, minimumStep)
    }

    // MARK: - Rough sizes of what is made

    /// The bytes of one `Value` in a list or a map.
    static let valueBytes = MemoryLayout<Value>.stride
    /// The bytes of one map key in the map's key storage (its hash table included).
    static let keyBytes = MemoryLayout<String>.stride + 8
    /// The header of every storage on the heap (an array's, a string's, a box's).
    static let headerBytes = 32
    /// Strings this short live inside the value; longer ones on the heap.
    static let inlineStringBytes = 15

    /// The heap a string of `utf8Count` bytes takes.
    @inline(__always)
    static func string(_ utf8Count: Int) -> Int {
        utf8Count > inlineStringBytes ? headerBytes + utf8Count : 0
    }

    /// The heap a list of `count` items takes (not counting what its items hold).
    @inline(__always)
    static func list(_ count: Int) -> Int { headerBytes + count * valueBytes }

    /// The heap a map of `count` entries takes when its keys are new (not counting what its values hold).
    @inline(__always)
    static func map(_ count: Int) -> Int { 2 * headerBytes + count * (valueBytes + keyBytes) }

    /// The heap one new map entry takes, with a key of `keyCount` bytes.
    @inline(__always)
    static func entry(keyUTF8Count: Int) -> Int {
        valueBytes + keyBytes + (keyUTF8Count > inlineStringBytes ? headerBytes + keyUTF8Count : 0)
    }
}
