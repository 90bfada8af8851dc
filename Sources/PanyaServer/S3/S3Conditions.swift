import Foundation

/// Conditional requests as S3 evaluates them (RFC 7232's order): `If-Match` and
/// `If-Unmodified-Since` fail with 412; `If-None-Match` and `If-Modified-Since` answer 304 to a
/// GET or HEAD. `If-Unmodified-Since` is not looked at when `If-Match` is there, nor
/// `If-Modified-Since` when `If-None-Match` is.
enum S3Conditions {
    /// The outcome for an object with `etag` changed at `modified` (seconds).
    enum Outcome: Equatable {
        case proceed
        /// 304 Not Modified.
        case notModified
        /// 412 PreconditionFailed, naming the header that failed.
        case failed(String)
    }

    static func evaluate(_ request: ServerRequest, etag: String, modified: Double) -> Outcome {
        let seconds = modified.rounded(.down)
        if let match = request.header("if-match") {
            guard matches(match, etag: etag) else { return .failed("If-Match") }
        } else if let text = request.header("if-unmodified-since"), let date = HTTPDate.parse(text), seconds > date {
            return .failed("If-Unmodified-Since")
        }
        if let noneMatch = request.header("if-none-match") {
            if matches(noneMatch, etag: etag) { return .notModified }
        } else if let text = request.header("if-modified-since"), let date = HTTPDate.parse(text), seconds <= date {
            return .notModified
        }
        return .proceed
    }

    /// True when the header's list (`"a", "b"` or `*`) names the ETag (quotes optional, `W/` ignored).
    static func matches(_ header: String, etag: String) -> Bool {
        let bare = unquoted(etag)
        return header.split(separator: ",").contains { item in
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            return trimmed == "*" || unquoted(trimmed.hasPrefix("W/") ? String(trimmed.dropFirst(2)) : trimmed) == bare
        }
    }

    /// An ETag without its quotes.
    static func unquoted(_ etag: String) -> String {
        var text = Substring(etag.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("\"") { text = text.dropFirst() }
        if text.hasSuffix("\"") { text = text.dropLast() }
        return String(text)
    }
}
