import OrderedCollections
import PanyaSupport

/// A value in the panya language. Lists and maps are values: copying one copies its contents.
/// Equality: maps are equal when they hold the same entries in any order; functions by identity.
public enum Value: Equatable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case null
    case list([Value])
    case map(OrderedMap)
    case function(Function)
    indirect case record(Record)

    /// The name `type(x)` answers: `number string bool nil list map function record`.
    public var typeName: String {
        switch self {
        case .number: return "number"
        case .string: return "string"
        case .bool: return "bool"
        case .null: return "nil"
        case .list: return "list"
        case .map: return "map"
        case .function: return "function"
        case .record: return "record"
        }
    }

    /// The literal form: `[1, 2]`, `{"a": 1}`, `"text"` quoted, records as `kind{field: ...}`.
    public var literal: String { ValueFormatter.literal(self) }

    /// The `print()` form: strings without quotes, everything else in literal form.
    public var printed: String { ValueFormatter.printed(self) }

    /// The number, if this is one.
    public var asNumber: Double? { if case .number(let n) = self { return n } else { return nil } }
    /// The string, if this is one.
    public var asString: String? { if case .string(let s) = self { return s } else { return nil } }
    /// The bool, if this is one.
    public var asBool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    /// The list, if this is one.
    public var asList: [Value]? { if case .list(let l) = self { return l } else { return nil } }
    /// The map, if this is one.
    public var asMap: OrderedMap? { if case .map(let m) = self { return m } else { return nil } }
    /// The record, if this is one.
    public var asRecord: Record? { if case .record(let r) = self { return r } else { return nil } }
    /// The function, if this is one.
    public var asFunction: Function? { if case .function(let f) = self { return f } else { return nil } }
    /// Whether this is `nil`.
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// Equality (see the type's summary).
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        case (.list(let a), .list(let b)): return a == b
        case (.map(let a), .map(let b)): return a.hasSameEntries(as: b)
        case (.function(let a), .function(let b)): return a == b
        case (.record(let a), .record(let b)): return a == b
        default: return false
        }
    }

    /// A field of a record or an entry of a map, if this is one and has it.
    public subscript(field name: String) -> Value? {
        switch self {
        case .record(let r): return r[name]
        case .map(let m): return m[name]
        default: return nil
        }
    }
}

/// A map from strings to values that keeps insertion order: swift-collections' `OrderedDictionary`.
/// The language's equality of maps (``Value/==(_:_:)``) ignores order.
public typealias OrderedMap = OrderedDictionary<String, Value>

extension OrderedDictionary where Key == String, Value == PanyaLanguage.Value {
    /// A map with `pairs` in order (a repeated key keeps its first place and its last value).
    public init(_ pairs: [(String, PanyaLanguage.Value)]) {
        self.init(minimumCapacity: pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    /// The same entries, in any order (the language's map equality).
    func hasSameEntries(as other: Self) -> Bool {
        count == other.count && allSatisfy { other[$0.key] == $0.value }
    }

    /// The address of the shared value storage (nil when empty): two maps with the same one hold
    /// the same values.
    var storageIdentity: UnsafeRawPointer? {
        values.withUnsafeBufferPointer { $0.baseAddress.map { UnsafeRawPointer($0) } }
    }
}

/// A read-only value a command returns (a detection, a model, a receipt …): a kind and named fields.
public struct Record: Equatable {
    /// What the record is (`"detect_result"`, `"model"`, `"receipt"` …).
    public let kind: String
    /// The fields in order.
    public var fields: OrderedMap
    /// The typed value the host made this record from (a command's result), so the host takes it
    /// back as it was instead of reading fields; scripts never see it. Not part of equality.
    public let source: (any RecordSource)?

    /// A record of `kind` with `fields` in order, made from `source` when given.
    public init(kind: String, fields: [(String, Value)], source: (any RecordSource)? = nil) {
        self.kind = kind
        self.fields = OrderedMap(fields)
        self.source = source
    }

    /// A record of `kind` with the fields of `map`.
    public init(kind: String, fields: OrderedMap) {
        self.kind = kind
        self.fields = fields
        self.source = nil
    }

    /// Records are equal when their kinds and fields are.
    public static func == (a: Record, b: Record) -> Bool { a.kind == b.kind && a.fields.hasSameEntries(as: b.fields) }

    /// The field named `field`, if there is one.
    public subscript(field: String) -> Value? { fields[field] }
}

/// A typed value a host keeps behind the record it shows scripts (see `Record.source`).
public protocol RecordSource {}

/// A function value: a user closure, a built-in or a command. Equality is identity.
public struct Function: Equatable {
    enum Body {
        case closure(FunctionCode, [Cell])
        case builtin(Builtin)
        case command(Command)
    }

    final class Box {
        let name: String
        let body: Body
        /// A closure's code and captured boxes, outside `body` so that a call reads them without
        /// copying the enum's payload.
        let closureCode: FunctionCode?
        let closureCaptures: [Cell]
        init(name: String, body: Body) {
            self.name = name; self.body = body
            if case .closure(let code, let captures) = body {
                closureCode = code; closureCaptures = captures
            } else {
                closureCode = nil; closureCaptures = []
            }
        }
    }

    let box: Box

    init(name: String, body: Body) { box = Box(name: name, body: body) }

    /// The name the function was declared with (`<fn>` for anonymous ones).
    public var name: String { box.name }

    /// The command this function runs, if it is a command's function form.
    public var command: Command? { if case .command(let c) = box.body { return c } else { return nil } }

    /// Whether this is a built-in function.
    public var isBuiltin: Bool { if case .builtin = box.body { return true } else { return false } }

    /// A function made by a host in Swift (shown as a built-in).
    public init(name: String, arity: ClosedRange<Int>? = nil, _ body: @escaping ([Value]) throws -> Value) {
        self.init(name: name, body: .builtin(Builtin(name: name, arity: arity ?? 0...Int.max) { _, args in try body(args) }))
    }

    /// Equality (see the type's summary).
    public static func == (lhs: Function, rhs: Function) -> Bool { lhs.box === rhs.box }
}

/// A mistake about values, without a place yet (the interpreter adds the span).
struct ValueError: Error {
    let message: Message
    init(_ message: Message) { self.message = message }
}
