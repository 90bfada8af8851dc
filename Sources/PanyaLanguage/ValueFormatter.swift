import PanyaSupport

/// How values are written: numbers without `.0`, literal and printed forms.
public enum ValueFormatter {

    /// A string in double quotes with `\"`, `\\`, `\n`, `\t` escaped.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(c)
            }
        }
        return out + "\""
    }

    /// The literal form of `value`.
    public static func literal(_ value: Value) -> String {
        switch value {
        case .number(let n): return NumberText.plain(n)
        case .string(let s): return quoted(s)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "nil"
        case .list(let items): return "[" + items.map(literal).joined(separator: ", ") + "]"
        case .map(let m): return "{" + m.elements.map { "\(quoted($0.key)): \(literal($0.value))" }.joined(separator: ", ") + "}"
        case .function(let f): return "<fn \(f.name)>"
        case .record(let r): return r.kind + "{" + r.fields.elements.map { "\($0.key): \(literal($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    /// The `print()` form, or nil when it would be longer than `limit` bytes of UTF-8
    /// (a list holding itself many times over would otherwise never finish).
    static func printed(_ value: Value, limit: Int) -> String? {
        if case .string(let s) = value { return s.utf8.count <= limit ? s : nil }
        var out = ""
        return write(value, into: &out, limit: limit) ? out : nil
    }

    private static func write(_ value: Value, into out: inout String, limit: Int) -> Bool {
        switch value {
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                if !write(item, into: &out, limit: limit) { return false }
            }
            out += "]"
        case .map(let m):
            out += "{"
            for (i, entry) in m.elements.enumerated() {
                if i > 0 { out += ", " }
                out += quoted(entry.key) + ": "
                if !write(entry.value, into: &out, limit: limit) { return false }
            }
            out += "}"
        case .record(let r):
            out += r.kind + "{"
            for (i, entry) in r.fields.elements.enumerated() {
                if i > 0 { out += ", " }
                out += entry.key + ": "
                if !write(entry.value, into: &out, limit: limit) { return false }
            }
            out += "}"
        default:
            out += literal(value)
        }
        return out.utf8.count <= limit
    }

    /// The `print()` form of `value`: strings as they are, everything else literal.
    public static func printed(_ value: Value) -> String {
        if case .string(let s) = value { return s }
        return literal(value)
    }
}
