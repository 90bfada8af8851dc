import AWSBackend

/// Which bucket and key a request is about: path-style (`/bucket/key`) or virtual-host-style
/// (`bucket.localhost:4566/key`, `bucket.s3.<region>.amazonaws.com/key`).
struct S3Address: Sendable, Equatable {
    /// The bucket, when the request names one.
    var bucket: String?
    /// The key (percent-decoded), when the request names one.
    var key: String?

    /// Reads the address from the `Host` header and the path as sent.
    init(host: String?, rawPath: String) {
        let path = rawPath.hasPrefix("/") ? String(rawPath.dropFirst()) : rawPath
        if let bucket = Self.virtualHostBucket(host) {
            self.bucket = bucket
            self.key = path.isEmpty ? nil : URIEncoding.decode(path)
            return
        }
        guard !path.isEmpty else { return }
        if let slash = path.firstIndex(of: "/") {
            bucket = URIEncoding.decode(String(path[..<slash]))
            let rest = String(path[path.index(after: slash)...])
            key = rest.isEmpty ? nil : URIEncoding.decode(rest)
        } else {
            bucket = URIEncoding.decode(path)
        }
    }

    /// The bucket in a virtual-host name: the labels before `.localhost` or before `.s3.`/`.s3-`.
    static func virtualHostBucket(_ host: String?) -> String? {
        guard var name = host?.lowercased(), !name.isEmpty, !name.hasPrefix("[") else { return nil }
        if let colon = name.lastIndex(of: ":") { name = String(name[..<colon]) }
        if name.hasSuffix(".localhost") {
            let bucket = String(name.dropLast(".localhost".count))
            return bucket.isEmpty ? nil : bucket
        }
        for marker in [".s3.", ".s3-"] {
            if let range = name.range(of: marker) {
                let bucket = String(name[..<range.lowerBound])
                return bucket.isEmpty ? nil : bucket
            }
        }
        return nil
    }
}

/// A query string's items, percent-decoded.
struct QueryItems: Sendable {
    var items: [(name: String, value: String?)]

    init(_ rawQuery: String) {
        items = rawQuery.split(separator: "&", omittingEmptySubsequences: true).map { part in
            if let equals = part.firstIndex(of: "=") {
                return (URIEncoding.decode(String(part[..<equals])), URIEncoding.decode(String(part[part.index(after: equals)...])))
            }
            return (URIEncoding.decode(String(part)), nil)
        }
    }

    /// The value of `name` (`""` for a name without `=`), nil when absent.
    subscript(name: String) -> String? {
        guard let item = items.first(where: { $0.name == name }) else { return nil }
        return item.value ?? ""
    }

    /// True when the query names `name`.
    func has(_ name: String) -> Bool { items.contains { $0.name == name } }

    /// The items in SigV4's form.
    var signable: [SignableRequest.QueryItem] {
        items.map { SignableRequest.QueryItem(name: $0.name, value: $0.value) }
    }
}
