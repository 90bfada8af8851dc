/// An S3 object named the way students type it: `s3://bucket/key`.
public struct S3Location: Sendable, Equatable, CustomStringConvertible {
    public var bucket: String
    public var key: String
    public var version: String?

    public init(bucket: String, key: String, version: String? = nil) {
        self.bucket = bucket
        self.key = key
        self.version = version
    }

    /// Reads `s3://bucket/key`; nil for anything else (a local path).
    public init?(_ text: String) {
        guard text.hasPrefix("s3://") else { return nil }
        let rest = text.dropFirst(5)
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let bucket = rest[..<slash]
        let key = rest[rest.index(after: slash)...]
        guard !bucket.isEmpty, !key.isEmpty else { return nil }
        self.init(bucket: String(bucket), key: String(key))
    }

    /// The request's image source for this object.
    public var imageSource: ImageSource { .s3Object(bucket: bucket, name: key, version: version) }

    /// `s3://bucket/key`.
    public var description: String { "s3://\(bucket)/\(key)" }
}
