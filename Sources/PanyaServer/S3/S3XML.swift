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
    static func error(code: String, message: String, resource: String?, requestId: String) -> String {
        var body = declaration + "<Error>" + element("Code", code) + element("Message", message)
        if let resource { body += element("Resource", resource) }
        body += element("RequestId", requestId) + "</Error>"
        return body
    }
}
