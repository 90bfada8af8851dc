import Foundation

/// The little XML S3 answers with: escaped text, the error document and ListObjectsV2's result.
enum S3XML {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    static let namespace = "http://s3.amazonaws.com/doc/2006-03-01/"

    /// Text with `& < > " '` escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }

    /// `<Name>text</Name>`.
    static func element(_ name: String, _ text: String) -> String {
        "<\(name)>\(escape(text))</\(name)>"
    }

    /// `<Error><Code>…</Code><Message>…</Message>…</Error>`.
    static func error(code: String, message: String, resource: String?, requestId: String, extra: String = "") -> String {
        var body = declaration + "<Error>" + element("Code", code) + element("Message", message) + extra
        if let resource { body += element("Resource", resource) }
        body += element("RequestId", requestId) + "</Error>"
        return body
    }

    /// Text with the five entities (and numeric references) turned back into characters.
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                let number = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16) : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                if let number, let scalar = Unicode.Scalar(number) { out.unicodeScalars.append(scalar) } else { out += "&" + entity + ";" }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }

    /// The inner text of each `<name>…</name>` in `xml`, in order (nested elements kept as text);
    /// for the small request bodies S3 reads (Delete, CompleteMultipartUpload).
    static func elements(_ name: String, in xml: Substring) -> [Substring] {
        var found: [Substring] = []
        var rest = xml
        while let open = openingTag(name, in: rest) {
            guard let close = rest[open.upperBound...].range(of: "</" + name + ">") else { break }
            found.append(rest[open.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// The range of `<name>` or `<name attributes…>` (not `<nameLonger>`).
    private static func openingTag(_ name: String, in xml: Substring) -> Range<Substring.Index>? {
        var rest = xml
        while let start = rest.range(of: "<" + name) {
            let after = rest[start.upperBound...]
            if let next = after.first, next == ">" || next == " " || next == "\t" || next == "\n" || next == "\r" {
                guard let end = after.firstIndex(of: ">") else { return nil }
                return start.lowerBound..<rest.index(after: end)
            }
            rest = after
        }
        return nil
    }

    /// The unescaped, trimmed text of the first `<name>` in `xml`.
    static func value(_ name: String, in xml: Substring) -> String? {
        elements(name, in: xml).first.map { unescape($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}
