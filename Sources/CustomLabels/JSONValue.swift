import OrderedCollections

/// A JSON value whose objects keep their keys in order, as the service and the AWS CLI do.
///
/// Numbers keep the form they were written in: `1` is an ``int(_:)``, `1.0` a ``double(_:)``,
/// so printing a parsed document gives back what Python's `json` module would print.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// A short English name of the kind of value, for error messages (`a number`, `a string` …).
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }

    /// The same kind, in Japanese.
    public var kindNameJapanese: String {
        switch self {
        case .null: return "null"
        case .bool: return "真偽値"
        case .int, .double: return "数値"
        case .string: return "文字列"
        case .array: return "リスト"
        case .object: return "オブジェクト"
        }
    }

    /// The value of `key` when this is an object holding it.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The number as a Double (ints converted), or nil.
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// The string, or nil.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

/// A JSON object: members in the order they were written or added; keys are unique.
/// Backed by swift-collections' `OrderedDictionary`, so a lookup does not walk the members.
public struct JSONObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// One member of an object.
    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONValue
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    private var storage: OrderedDictionary<String, JSONValue> = [:]

    /// An empty object.
    public init() {}

    /// An object from ordered pairs; a repeated key keeps its first place and its last value.
    public init(_ pairs: [(String, JSONValue)]) {
        storage.reserveCapacity(pairs.count)
        for (key, value) in pairs { storage[key] = value }
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }

    /// The members, in order.
    public var members: [Member] { storage.map { Member(key: $0.key, value: $0.value) } }

    /// The number of members.
    public var count: Int { storage.count }

    /// The keys, in order.
    public var keys: [String] { Array(storage.keys) }

    /// Reads or sets a member; setting nil removes it, setting a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get { storage[key] }
        set { storage[key] = newValue }
    }

    /// Appends `value` under `key` unless it is nil (for optional fields).
    public mutating func append(_ key: String, _ value: JSONValue?) {
        if let value { self[key] = value }
    }
}
