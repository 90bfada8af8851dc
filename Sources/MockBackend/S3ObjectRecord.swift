import Foundation

/// What S3 keeps about an object besides its bytes: ETag, Content-Type and the other stored
/// headers, user metadata, checksums. Kept as a small JSON file in the bucket folder's hidden
/// area; it is believed only while the object's file still has the size and time it was written
/// with (a photo copied in by hand has no record, and one replaced by hand loses it).
public struct S3ObjectRecord: Codable, Sendable, Equatable {
    /// The key (the record's file is named by the key's SHA-256).
    public var key: String
    /// The file's size when written.
    public var size: Int
    /// The file's modification time when written, in nanoseconds since 1970.
    public var stamp: Int64
    /// The ETag, with its quotes (`"9b2c…"`, or `"…-3"` after a multipart upload).
    public var etag: String
    /// `Content-Type`, when the upload gave one.
    public var contentType: String?
    /// The other stored headers, by their canonical names (`Content-Disposition`, `Cache-Control`…).
    public var headers: [String: String]
    /// User metadata (`x-amz-meta-NAME`), by lowercase name without the prefix.
    public var metadata: [String: String]
    /// Checksums by algorithm name (`CRC32`, `CRC32C`, `CRC64NVME`, `SHA1`, `SHA256`), base64.
    public var checksums: [String: String]
    /// `FULL_OBJECT` or `COMPOSITE`, when there is a checksum.
    public var checksumType: String?
    /// The number of parts, for an object made by a multipart upload.
    public var partCount: Int?

    public init(key: String, etag: String, contentType: String? = nil, headers: [String: String] = [:], metadata: [String: String] = [:],
                checksums: [String: String] = [:], checksumType: String? = nil, partCount: Int? = nil) {
        self.key = key
        self.size = 0
        self.stamp = 0
        self.etag = etag
        self.contentType = contentType
        self.headers = headers
        self.metadata = metadata
        self.checksums = checksums
        self.checksumType = checksumType
        self.partCount = partCount
    }
}
