import CustomLabels
import PanyaLanguage

/// A value of the language as JSON text (`simulate --json`): records and maps as objects with
/// their fields in order, whole numbers without a fraction, a number that is not finite as null.
enum ValueJSON {
    /// The value as JSON, indented as the AWS CLI prints (no trailing newline).
    static func text(_ value: Value) -> String {
        var text = JSONPrinter.awsCLI(json(value))
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// The value as a JSON value.
    static func json(_ value: Value) -> JSONValue {
        switch value {
        case .number(let number):
            guard number.isFinite else { return .null }
            if number == number.rounded(), abs(number) < 1e15 { return .int(Int(number)) }
            return .double(number)
        case .string(let text): return .string(text)
        case .bool(let flag): return .bool(flag)
        case .null, .function: return .null
        case .list(let items): return .array(items.map(json))
        case .map(let map): return .object(JSONObject(map.map { ($0.key, json($0.value)) }))
        case .record(let record): return .object(JSONObject(record.fields.map { ($0.key, json($0.value)) }))
        }
    }
}
