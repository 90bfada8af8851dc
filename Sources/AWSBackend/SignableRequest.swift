/// An HTTP request as SigV4 sees it: method, an undecoded path, query items, headers and body.
///
/// The path and query hold plain (percent-decoded) text; `encodedPath` and `encodedQuery` give the
/// exact bytes that go on the wire, so the request sent is the request signed.
public struct SignableRequest: Sendable, Equatable {
    /// `GET`, `POST` …
    public var method: String
    /// The path in plain text, e.g. `/` or `/bucket/photos/パン 1.jpg`.
    public var path: String
    /// Query items in plain text, in the order given; a nil value is a key without `=`.
    public var query: [QueryItem]
    /// Header names and values in the order given; a name may repeat.
    public var headers: [(name: String, value: String)]
    /// The body bytes.
    public var body: [UInt8]

    /// One query item.
    public struct QueryItem: Sendable, Equatable {
        public var name: String
        public var value: String?
        public init(name: String, value: String?) {
            self.name = name
            self.value = value
        }
    }

    public init(method: String, path: String, query: [QueryItem] = [], headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    /// Replaces every header called `name` (case-insensitive) by one with `value`.
    public mutating func setHeader(_ name: String, _ value: String) {
        let lower = name.lowercased()
        headers.removeAll { $0.name.lowercased() == lower }
        headers.append((name: name, value: value))
    }

    /// Removes every header called `name` (case-insensitive).
    public mutating func removeHeader(_ name: String) {
        let lower = name.lowercased()
        headers.removeAll { $0.name.lowercased() == lower }
    }

    /// The path as sent: each segment percent-encoded (RFC 3986 unreserved characters kept).
    public var encodedPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { URIEncoding.encode(String($0)) }
            .joined(separator: "/")
    }

    /// The query as sent, in the given order (empty when there is none).
    public var encodedQuery: String {
        query.map { item in
            URIEncoding.encode(item.name) + (item.value.map { "=" + URIEncoding.encode($0) } ?? "")
        }.joined(separator: "&")
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.method == b.method && a.path == b.path && a.query == b.query && a.body == b.body
            && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
    }
}

/// Percent-encoding as SigV4 wants it: everything but `A–Z a–z 0–9 - . _ ~`, as UTF-8, upper-case hex.
public enum URIEncoding {
    /// Encodes every byte except the unreserved characters.
    public static func encode(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + hexDigit(byte >> 4) + hexDigit(byte & 0x0F)
            }
        }
        return out
    }

    /// Decodes `%XX` sequences (invalid ones are kept as they are); `+` is left alone.
    public static func decode(_ text: String) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count,
               let high = hexValue(utf8[i + 1]), let low = hexValue(utf8[i + 2]) {
                bytes.append(high << 4 | low)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    static func hexDigit(_ nibble: UInt8) -> String {
        String(UnicodeScalar(nibble < 10 ? nibble + 48 : nibble + 55))
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - 48
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - 55
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - 87
        default: return nil
        }
    }
}
