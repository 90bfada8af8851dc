/// The SigV4 canonical request (step 1 of signing), built from a `SignableRequest`.
public struct CanonicalRequest: Sendable, Equatable {
    /// The method, upper-case as given.
    public var method: String
    /// The canonical URI: normalized (when asked) and percent-encoded per segment.
    public var uri: String
    /// The canonical query: encoded pairs sorted by key, then value.
    public var query: String
    /// `name:value` lines, names lower-case and sorted, values trimmed with inner spaces collapsed.
    public var headerLines: [String]
    /// Lower-case header names joined by `;`.
    public var signedHeaders: String
    /// The hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`.
    public var payloadHash: String

    /// The canonical request text that is hashed into the string to sign.
    public var text: String {
        ([method, uri, query] + headerLines + ["", signedHeaders, payloadHash]).joined(separator: "\n")
    }

    /// Builds the canonical request from `request`, signing every header it has.
    /// - Parameters:
    ///   - normalizePath: remove `.` and `..` segments and repeated slashes (every service but S3).
    ///   - payloadHash: the hash to put last (the body's SHA-256, or `UNSIGNED-PAYLOAD`).
    public init(request: SignableRequest, normalizePath: Bool, payloadHash: String) {
        method = request.method
        let path = normalizePath ? Self.normalize(path: request.path) : request.path
        uri = path.isEmpty ? "/" : path.split(separator: "/", omittingEmptySubsequences: false)
            .map { URIEncoding.encode(String($0)) }.joined(separator: "/")
        query = request.query
            .map { (URIEncoding.encode($0.name), URIEncoding.encode($0.value ?? "")) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
        var grouped: [String: [String]] = [:]
        for (name, value) in request.headers {
            grouped[name.lowercased(), default: []].append(Self.trimmed(value))
        }
        let names = grouped.keys.sorted()
        headerLines = names.map { "\($0):\(grouped[$0, default: []].joined(separator: ","))" }
        signedHeaders = names.joined(separator: ";")
        self.payloadHash = payloadHash
    }

    /// Removes `.` and `..` segments and empty segments, keeping a leading slash and a trailing one
    /// when the path had it (as botocore does).
    public static func normalize(path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        var result = "/" + segments.joined(separator: "/")
        if path.hasSuffix("/") && !segments.isEmpty { result += "/" }
        return result
    }

    /// Trims a header value and collapses runs of whitespace (line folds included) into one space.
    static func trimmed(_ value: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in value.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
