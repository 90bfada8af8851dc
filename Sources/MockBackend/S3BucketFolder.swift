import CustomLabels
import Foundation
import PanyaSupport
import Photos

/// A local stand-in for S3: object `s3://bucket/key` is the file `<root>/<bucket>/<key>`.
/// Keys cannot leave their bucket: `..`, absolute keys and symbolic links pointing outside
/// are `InvalidS3ObjectException`, as a missing object is.
public struct S3BucketFolder: Sendable {
    /// The folder holding one folder per bucket.
    public var root: String

    public init(root: String) {
        self.root = root
    }

    /// The service's words for an object it cannot read.
    static let unreadableMessage = "Unable to get object metadata from S3. Check object key, region and/or access permissions."

    /// The local file for an object, after the checks; throws `InvalidS3ObjectException`.
    public func path(bucket: String, key: String) throws -> String {
        let location = "s3://\(bucket)/\(key)"
        func refuse(_ reason: Message) -> ServiceError {
            ServiceError(.invalidS3Object, Self.unreadableMessage, detail: reason)
        }
        guard !bucket.isEmpty, !bucket.contains("/"), bucket != ".", bucket != ".." else {
            throw refuse(Catalog.s3BadBucket(bucket))
        }
        guard !key.isEmpty, !key.hasPrefix("/") else { throw refuse(Catalog.s3KeyEscapes(location)) }
        let components = key.split(separator: "/", omittingEmptySubsequences: false)
        guard !components.contains(where: { $0 == ".." || $0 == "." }), !key.contains("\0") else {
            throw refuse(Catalog.s3KeyEscapes(location))
        }
        let bucketPath = root + "/" + bucket
        let filePath = bucketPath + "/" + key
        guard FileManager.default.fileExists(atPath: filePath) else {
            throw refuse(Catalog.s3NoObject(location, path: filePath))
        }
        let realBucket = URL(fileURLWithPath: bucketPath).resolvingSymlinksInPath().standardizedFileURL.path
        let realFile = URL(fileURLWithPath: filePath).resolvingSymlinksInPath().standardizedFileURL.path
        guard realFile.hasPrefix(realBucket + "/") else { throw refuse(Catalog.s3KeyEscapes(location)) }
        return realFile
    }

    /// The object's bytes (at most 15 MB, the service's S3 limit).
    public func read(bucket: String, key: String) throws -> [UInt8] {
        let file = try path(bucket: bucket, key: key)
        do {
            return try Photo.readBytes(path: file, limits: .serviceS3Object)
        } catch {
            throw MockBackend.serviceError(for: error, name: "s3://\(bucket)/\(key)")
        }
    }
}
