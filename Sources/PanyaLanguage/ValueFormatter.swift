/// How values are written: numbers without `.0`, literal and printed forms.
public enum ValueFormatter {
    /// A number as panya prints it: `550`, `88.00399780273438`, `-3.5`, `10000000000000000`, `1e+21`.
    public static func number(_ n: Double) -> String {
        if n.isNaN { return "nan" }
        if n.isInfinite { return n < 0 ? "-inf" : "inf" }
        if n == 0 { return "0" }
        if n == n.rounded(), abs(n) < 1e21 {
            if abs(n) < 9.0e18 { return String(Int64(n)) }
            return wholeDigits(n)
        }
        var text = n.description
        if let e = text.firstIndex(of: "e") {
            let mantissa = text[..<e]
            var exponent = text[text.index(after: e)...]
            var sign = "+"
            if exponent.hasPrefix("-") { sign = "-"; exponent = exponent.dropFirst() } else if exponent.hasPrefix("+") { exponent = exponent.dropFirst() }
            while exponent.count > 1 && exponent.hasPrefix("0") { exponent = exponent.dropFirst() }
            var m = String(mantissa)
            if m.hasSuffix(".0") { m.removeLast(2) }
            text = m + "e" + sign + exponent
        }
        return text
    }

    /// Exact decimal digits of a whole number of any size below 1e21.
    private static func wholeDigits(_ n: Double) -> String {
        var digits: [UInt8] = []
        var value = abs(n)
        while value >= 1 {
            let q = (value / 10).rounded(.down)
            let r = value - q * 10
            digits.append(UInt8(max(0, min(9, r))))
            value = q
        }
        let text = String(digits.reversed().map { Character(Unicode.Scalar($0 + 48)) })
        return n < 0 ? "-" + text : text
    }

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
        case .number(let n): return number(n)
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
