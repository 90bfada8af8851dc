import PanyaSupport

/// How big a value may grow, so that a runaway loop stops with a diagnostic instead of eating
/// the machine's memory or its stack (docs/language.md, "Limits").
public enum ValueLimits {
    /// The longest string, in bytes of UTF-8 (a Japanese character takes 3).
    public static let maxStringBytes = 10_000_000
    /// The most items one list or map may hold.
    public static let maxItems = 1_000_000
    /// How deep lists and maps may be nested inside each other (`[[1]]` is 2 deep).
    public static let maxDepth = 100

    /// Throws unless a string of `bytes` UTF-8 bytes is allowed.
    static func checkString(bytes: Int) throws(ValueError) {
        if bytes > maxStringBytes { throw ValueError(Catalog.stringTooLong(limit: maxStringBytes)) }
    }

    /// Throws unless a list or map of `count` items is allowed.
    static func checkCount(_ count: Int) throws(ValueError) {
        if count > maxItems { throw ValueError(Catalog.tooManyItems(limit: maxItems)) }
    }

    /// Throws unless `value` may be put `levels` deep inside lists or maps.
    static func checkNesting(_ value: Value, levels: Int = 1) throws(ValueError) {
        if !fits(value, within: maxDepth - levels) { throw ValueError(Catalog.nestedTooDeeply(limit: maxDepth)) }
    }

    /// Whether the lists and maps in `value` nest at most `budget` deep. A value shared many times
    /// over (`l = [l, l]`) is checked once per shared storage, so this never takes exponential time.
    static func fits(_ value: Value, within budget: Int) -> Bool {
        // Most containers hold only numbers and strings: those need no bookkeeping.
        switch value {
        case .number, .string, .bool, .null, .function: return true
        case .list(let list): if budget >= 1 && list.allSatisfy(isScalar) { return true }
        case .map(let map): if budget >= 1 && map.values.allSatisfy(isScalar) { return true }
        case .record(let record): if budget >= 1 && record.fields.values.allSatisfy(isScalar) { return true }
        }
        var checked: [UnsafeRawPointer: Int] = [:]
        return fits(value, within: budget, checked: &checked)
    }

    private static func fits(_ value: Value, within budget: Int, checked: inout [UnsafeRawPointer: Int]) -> Bool {
        let identity: UnsafeRawPointer?
        let items: [Value]
        switch value {
        case .number, .string, .bool, .null, .function: return true
        case .list(let list): identity = unsafeBitCast(list, to: UnsafeRawPointer.self); items = list
        case .map(let map): identity = map.storageIdentity; items = map.values.elements
        case .record(let record): identity = record.fields.storageIdentity; items = record.fields.values.elements
        }
        guard budget >= 1 else { return false }
        guard let identity else { return true }   // an empty map holds nothing deeper
        if let done = checked[identity], done <= budget { return true }
        for item in items where !isScalar(item) {
            if !fits(item, within: budget - 1, checked: &checked) { return false }
        }
        checked[identity] = budget
        return true
    }

    @inline(__always)
    private static func isScalar(_ value: Value) -> Bool {
        switch value {
        case .list, .map, .record: return false
        default: return true
        }
    }
}
