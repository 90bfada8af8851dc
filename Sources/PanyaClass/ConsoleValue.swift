import PanyaLanguage

/// A value of the language as JSON: numbers, strings, lists, maps and records (a record as the
/// object of its fields), so a page reads exactly the fields the shell's command returned.
struct ConsoleValue: Encodable, Sendable {
    private let value: Node

    private indirect enum Node: Sendable {
        case number(Double)
        case string(String)
        case bool(Bool)
        case null
        case list([Node])
        case object([(String, Node)])
    }

    init(_ value: Value) { self.value = Self.node(value) }

    private static func node(_ value: Value) -> Node {
        switch value {
        case .number(let number): return .number(number)
        case .string(let text): return .string(text)
        case .bool(let flag): return .bool(flag)
        case .null, .function: return .null
        case .list(let items): return .list(items.map(node))
        case .map(let map): return .object(map.map { ($0.key, node($0.value)) })
        case .record(let record): return .object(record.fields.map { ($0.key, node($0.value)) })
        }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ text: String) { stringValue = text }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws { try Self.encode(value, to: encoder) }

    private static func encode(_ node: Node, to encoder: any Encoder) throws {
        switch node {
        case .number(let number):
            var container = encoder.singleValueContainer()
            if number.isFinite { try container.encode(number) } else { try container.encodeNil() }
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .list(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(ConsoleValue(node: item)) }
        case .object(let pairs):
            var container = encoder.container(keyedBy: Key.self)
            for (key, item) in pairs { try container.encode(ConsoleValue(node: item), forKey: Key(key)) }
        }
    }

    private init(node: Node) { value = node }
}
