/// CreateProjectVersion's `OutputConfig`: the bucket and key prefix where training writes its
/// results (the evaluation summary), as DescribeProjectVersions reports it back.
public struct OutputConfig: Sendable, Equatable {
    /// `S3Bucket`.
    public var s3Bucket: String
    /// `S3KeyPrefix` (may be empty).
    public var s3KeyPrefix: String

    /// An output location.
    public init(s3Bucket: String, s3KeyPrefix: String) {
        self.s3Bucket = s3Bucket
        self.s3KeyPrefix = s3KeyPrefix
    }

    /// The key of a file written under the prefix (a `/` is put between a prefix and the name
    /// when the prefix does not end with one).
    public func key(for fileName: String) -> String {
        if s3KeyPrefix.isEmpty || s3KeyPrefix.hasSuffix("/") { return s3KeyPrefix + fileName }
        return s3KeyPrefix + "/" + fileName
    }

    /// `{"S3Bucket", "S3KeyPrefix"}`.
    public var jsonValue: JSONValue {
        .object(["S3Bucket": .string(s3Bucket), "S3KeyPrefix": .string(s3KeyPrefix)])
    }

    /// Reads `{"S3Bucket", "S3KeyPrefix"?}`.
    public init(json: JSONCursor) throws {
        self.init(s3Bucket: try json.member("S3Bucket").string(), s3KeyPrefix: try json.optionalMember("S3KeyPrefix")?.string() ?? "")
    }
}
