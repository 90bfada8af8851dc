/// Prints JSON values: compact (for request bodies) or the way the AWS CLI prints responses.
public enum JSONPrinter {
    /// `{"a":1,"b":[true,null]}`: no spaces, non-ASCII kept as UTF-8.
    public static func compact(_ value: JSONValue) -> String {
        String(decoding: compactUTF8(value), as: UTF8.self)
    }

    /// ``compact(_:)``'s text as UTF-8 bytes, written as bytes (a server's answer body: appending
    /// to a byte array costs a fraction of appending to a string, piece by piece).
    public static func compactUTF8(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        writeCompact(value, to: &out)
        return out
    }

    /// The AWS CLI's form: Python's `json.dumps(value, indent=4, ensure_ascii=False)` and a
    /// newline; floats in shortest round-trip form (`1.0`, `90.44999694824219`, `1e-05`).
    public static func awsCLI(_ value: JSONValue) -> String {
        var out = ""
        writeIndented(value, indent: 0, to: &out)
        out += "\n"
        return out
    }

    /// A Double as Python's `repr` prints it: shortest round-trip digits, `.0` on integral
    /// values, exponents from 1e+16 up and below 1e-04, `Infinity` / `NaN` as `json` writes them.
    public static func pythonFloat(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        // Swift's description is shortest round-trip and switches to exponents where Python does.
        return value.description
    }

    private static func writeScalar(_ value: JSONValue, to out: inout String) -> Bool {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += pythonFloat(d)
        case .string(let s): writeString(s, to: &out)
        case .array, .object: return false
        }
        return true
    }

    private static func writeCompact(_ value: JSONValue, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): out.append(contentsOf: pythonFloat(d).utf8)
        case .string(let s): writeString(s, to: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeCompact(element, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for (i, member) in object.members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                writeCompact(member.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// ``writeString(_:to:)`` into bytes: the same escapes.
    private static func writeString(_ string: String, to out: inout [UInt8]) {
        if string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            var text = ""
            writeString(string, to: &text)
            out.append(contentsOf: text.utf8)
            return
        }
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: string.utf8)
        out.append(UInt8(ascii: "\""))
    }

    private static func writeIndented(_ value: JSONValue, indent: Int, to out: inout String) {
        if writeScalar(value, to: &out) { return }
        let inner = String(repeating: " ", count: indent + 4)
        let outer = String(repeating: " ", count: indent)
        switch value {
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, element) in elements.enumerated() {
                if i > 0 { out += ",\n" }
                out += inner
                writeIndented(element, indent: indent + 4, to: &out)
            }
            out += "\n" + outer + "]"
        case .object(let object):
            if object.members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, member) in object.members.enumerated() {
                if i > 0 { out += ",\n" }
                out += inner
                writeString(member.key, to: &out)
                out += ": "
                writeIndented(member.value, indent: indent + 4, to: &out)
            }
            out += "\n" + outer + "}"
        default:
            break
        }
    }

    /// A JSON string literal as Python writes it with `ensure_ascii=False`: only `"`, `\`
    /// and control characters are escaped.
    private static func writeString(_ string: String, to out: inout String) {
        out += "\""
        // Most strings (names, ARNs, labels) need no escape: appended whole, not scalar by scalar.
        if !string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += string
            out += "\""
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

extension JSONValue {
    /// Compact JSON text (see ``JSONPrinter/compact(_:)``).
    public var compactText: String { JSONPrinter.compact(self) }
    /// The AWS CLI's printed form (see ``JSONPrinter/awsCLI(_:)``).
    public var awsCLIText: String { JSONPrinter.awsCLI(self) }
}
