import CustomLabels
import Foundation

/// What an error response says: the service's code, its message and the request id.
public struct ServiceErrorDetails: Sendable, Equatable {
    /// `AccessDeniedException`, `SignatureDoesNotMatch` … (nil when the body names none).
    public var code: String?
    /// The service's own sentence, or a short excerpt of an HTML/plain body.
    public var message: String?
    /// The request id from the headers or the body.
    public var requestId: String?

    public init(code: String? = nil, message: String? = nil, requestId: String? = nil) {
        self.code = code
        self.message = message
        self.requestId = requestId
    }
}

/// Reads error responses in every shape AWS (and what stands in front of it) sends:
/// JSON 1.1 (`{"__type": "com.amazonaws…#Code", "message"|"Message": …}`), the query/XML form
/// (`<ErrorResponse><Error><Code>…`), S3's `<Error><Code>…`, and HTML or plain text from
/// proxies and load balancers.
public enum ServiceErrorParser {
    /// The longest excerpt taken from an HTML or plain-text body.
    static let excerptLimit = 200

    public static func parse(_ response: HTTPResponse) -> ServiceErrorDetails {
        var details = ServiceErrorDetails()
        details.requestId = response.header("x-amzn-requestid") ?? response.header("x-amz-request-id")
        let text = String(decoding: response.body, as: UTF8.self)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{"), let fromJSON = parseJSON(response.body) {
            details.code = fromJSON.code
            details.message = fromJSON.message
        } else if trimmed.hasPrefix("<"), !looksLikeHTML(trimmed), trimmed.contains("<Code>") {
            details.code = xmlElement("Code", in: trimmed).map(normalizeCode)
            details.message = xmlElement("Message", in: trimmed).map(xmlUnescape)
            if details.requestId == nil { details.requestId = xmlElement("RequestId", in: trimmed) }
        } else if looksLikeHTML(trimmed) {
            details.message = htmlExcerpt(trimmed)
        } else if !trimmed.isEmpty {
            details.message = excerpt(trimmed)
        }
        if details.code == nil, let header = response.header("x-amzn-errortype"), !header.isEmpty {
            details.code = normalizeCode(header)
        }
        if let message = details.message, message.isEmpty { details.message = nil }
        return details
    }

    /// `com.amazonaws.rekognition#AccessDeniedException` and `AccessDeniedException:http://…` → `AccessDeniedException`.
    public static func normalizeCode(_ raw: String) -> String {
        var code = Substring(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        return String(code)
    }

    static func parseJSON(_ body: [UInt8]) -> (code: String?, message: String?)? {
        guard let root = try? JSONParser.parse(bytes: body, allowDuplicateKeys: true).root, case .object = root else { return nil }
        let code = (root["__type"]?.stringValue ?? root["code"]?.stringValue ?? root["Code"]?.stringValue).map(normalizeCode)
        let message = root["message"]?.stringValue ?? root["Message"]?.stringValue ?? root["errorMessage"]?.stringValue
        return (code, message)
    }

    /// The text of the first `<name>…</name>`.
    static func xmlElement(_ name: String, in text: String) -> String? {
        guard let open = text.range(of: "<\(name)>"),
              let close = text.range(of: "</\(name)>", range: open.upperBound..<text.endIndex) else { return nil }
        return String(text[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func xmlUnescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func looksLikeHTML(_ text: String) -> Bool {
        let head = text.prefix(512).lowercased()
        return head.hasPrefix("<!doctype html") || head.contains("<html") || head.contains("<body") || head.contains("<title")
    }

    /// The page's title, else its visible text, shortened.
    static func htmlExcerpt(_ html: String) -> String {
        if let title = xmlElement("title", in: html) ?? xmlElement("TITLE", in: html), !title.isEmpty {
            return excerpt(xmlUnescape(title))
        }
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; text.append(" ") } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        return excerpt(xmlUnescape(text))
    }

    /// Whitespace collapsed, at most `excerptLimit` characters.
    static func excerpt(_ text: String) -> String {
        let collapsed = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return collapsed.count > excerptLimit ? String(collapsed.prefix(excerptLimit)) + "…" : collapsed
    }
}
