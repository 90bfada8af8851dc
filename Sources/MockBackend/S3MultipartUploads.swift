import Foundation
import PanyaSupport

/// Multipart uploads in progress, in the bucket folder's hidden area
/// (`<root>/.panya-s3/multipart/<upload id>/`): the upload's description and one file per part,
/// each written atomically. They never show in a listing and are removed on complete or abort.
public struct S3MultipartUploads: Sendable {
    /// The bucket folder's root.
    public var root: String

    public init(root: String) {
        self.root = root
    }

    /// What CreateMultipartUpload was asked for.
    public struct Upload: Codable, Sendable, Equatable {
        public var bucket: String
        public var key: String
        /// Seconds since 1970.
        public var initiated: Double
        /// The object's record to be, without ETag and checksums.
        public var record: S3ObjectRecord
        /// The checksum algorithm announced (`CRC32` …), if any.
        public var checksumAlgorithm: String?

        public init(bucket: String, key: String, initiated: Double, record: S3ObjectRecord, checksumAlgorithm: String?) {
            self.bucket = bucket
            self.key = key
            self.initiated = initiated
            self.record = record
            self.checksumAlgorithm = checksumAlgorithm
        }
    }

    /// One uploaded part.
    public struct Part: Codable, Sendable, Equatable {
        public var number: Int
        public var size: Int
        /// The part's MD5, in hex (its ETag without the quotes).
        public var md5: String
        /// The part's checksum in the upload's algorithm (base64), if any.
        public var checksum: String?
        /// Seconds since 1970.
        public var modified: Double

        public init(number: Int, size: Int, md5: String, checksum: String?, modified: Double) {
            self.number = number
            self.size = size
            self.md5 = md5
            self.checksum = checksum
            self.modified = modified
        }
    }

    var folder: String { root + "/" + S3BucketFolder.hiddenFolder + "/multipart" }

    func uploadFolder(_ id: String) -> String { folder + "/" + id }

    /// True for the ids `create` makes (so an id never names a path outside the area).
    static func isWellFormed(_ id: String) -> Bool {
        id.utf8.count == 32 && id.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// Starts an upload; returns its id (32 hex digits).
    public func create(_ upload: Upload) throws(S3FolderError) -> String {
        var generator = SystemRandomNumberGenerator()
        let id = (0..<4).map { _ in
            let text = String(generator.next() as UInt32, radix: 16)
            return String(repeating: "0", count: 8 - text.count) + text
        }.joined()
        try S3FileIO.makeFolders(uploadFolder(id))
        try writeJSON(upload, to: uploadFolder(id) + "/upload.json")
        return id
    }

    /// The upload `id` of `bucket`/`key`, or nil when there is none.
    public func upload(_ id: String, bucket: String, key: String) -> Upload? {
        guard Self.isWellFormed(id), let upload: Upload = readJSON(uploadFolder(id) + "/upload.json"),
              upload.bucket == bucket, upload.key == key else { return nil }
        return upload
    }

    /// Every upload in progress in `bucket`, with its id, by key then time.
    public func uploads(bucket: String) -> [(id: String, upload: Upload)] {
        guard let ids = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        let found = ids.compactMap { id -> (id: String, upload: Upload)? in
            guard Self.isWellFormed(id), let upload: Upload = readJSON(uploadFolder(id) + "/upload.json"), upload.bucket == bucket else { return nil }
            return (id, upload)
        }
        return found.sorted { ($0.upload.key, $0.upload.initiated) < ($1.upload.key, $1.upload.initiated) }
    }

    /// UploadPart: keeps the part's bytes and description (a part sent again replaces the first).
    public func writePart(_ id: String, part: Part, bytes: [UInt8]) throws(S3FolderError) {
        let temporary = try S3FileIO.Temporary(in: root + "/" + S3BucketFolder.uploadsFolder)
        defer { temporary.discard() }
        try temporary.append(bytes)
        _ = try temporary.commit(to: partFile(id, part.number))
        try writeJSON(part, to: partFile(id, part.number) + ".json")
    }

    /// The file of part `number`.
    public func partFile(_ id: String, _ number: Int) -> String { uploadFolder(id) + "/" + String(number) + ".part" }

    /// The parts uploaded so far, by number.
    public func parts(_ id: String) -> [Part] {
        guard Self.isWellFormed(id), let names = try? FileManager.default.contentsOfDirectory(atPath: uploadFolder(id)) else { return [] }
        return names.filter { $0.hasSuffix(".part.json") }.compactMap { readJSON(uploadFolder(id) + "/" + $0) as Part? }
            .sorted { $0.number < $1.number }
    }

    /// Complete or abort: removes the upload and its parts.
    public func remove(_ id: String) {
        guard Self.isWellFormed(id) else { return }
        try? FileManager.default.removeItem(atPath: uploadFolder(id))
    }

    private func writeJSON<Value: Encodable>(_ value: Value, to path: String) throws(S3FolderError) {
        let data: Data
        do { data = try JSONEncoder().encode(value) } catch { throw .io(path: path, reason: "\(error)") }
        let temporary = try S3FileIO.Temporary(in: root + "/" + S3BucketFolder.uploadsFolder)
        defer { temporary.discard() }
        try temporary.append([UInt8](data))
        _ = try temporary.commit(to: path)
    }

    private func readJSON<Value: Decodable>(_ path: String) -> Value? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(Value.self, from: data)
    }
}
