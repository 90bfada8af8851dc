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
        do {
            return try existingFile(bucket: bucket, key: key)
        } catch {
            throw ServiceError(.invalidS3Object, Self.unreadableMessage, detail: error.message)
        }
    }

    /// The local file of an existing object, after the checks (symbolic links followed, and
    /// refused when they lead out of the bucket).
    public func existingFile(bucket: String, key: String) throws(S3FolderError) -> String {
        let filePath = try plannedFile(bucket: bucket, key: key)
        let bucketPath = root + "/" + bucket
        guard FileManager.default.fileExists(atPath: filePath) else {
            throw .noObject(location: "s3://\(bucket)/\(key)", path: filePath)
        }
        let realBucket = URL(fileURLWithPath: bucketPath).resolvingSymlinksInPath().standardizedFileURL.path
        let realFile = URL(fileURLWithPath: filePath).resolvingSymlinksInPath().standardizedFileURL.path
        guard realFile.hasPrefix(realBucket + "/") else { throw .keyEscapes(location: "s3://\(bucket)/\(key)") }
        return realFile
    }

    /// Where an object's file is (existing or not), after the name checks: a bucket is one plain
    /// folder name; a key is relative, without `.`/`..`/empty segments or NUL.
    public func plannedFile(bucket: String, key: String) throws(S3FolderError) -> String {
        try Self.checkBucket(bucket)
        let location = "s3://\(bucket)/\(key)"
        guard !key.isEmpty, !key.hasPrefix("/"), !key.contains("\0") else { throw .keyEscapes(location: location) }
        let components = key.split(separator: "/", omittingEmptySubsequences: false)
        guard !components.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
            throw .keyEscapes(location: location)
        }
        return root + "/" + bucket + "/" + key
    }

    static func checkBucket(_ bucket: String) throws(S3FolderError) {
        guard !bucket.isEmpty, !bucket.contains("/"), !bucket.contains("\0"), !bucket.hasPrefix(".") else {
            throw .badBucket(bucket)
        }
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

    // MARK: Writing, listing, deleting (the S3 subset of `panya serve`)

    /// True when the bucket's folder exists.
    public func bucketExists(_ bucket: String) -> Bool {
        guard (try? Self.checkBucket(bucket)) != nil else { return false }
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: root + "/" + bucket, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// CreateBucket: makes the bucket's folder (and the root); an existing bucket is kept as it is.
    public func createBucket(_ bucket: String) throws(S3FolderError) {
        try Self.checkBucket(bucket)
        do {
            try FileManager.default.createDirectory(atPath: root + "/" + bucket, withIntermediateDirectories: true)
        } catch {
            throw .io(path: root + "/" + bucket, reason: "\(error.localizedDescription)")
        }
    }

    /// PutObject: writes the bytes to a temporary file beside the buckets, then renames it into
    /// place, so a reader (or a server stopped mid-write) never sees half an object. Folders
    /// inside the bucket are made as needed; a symbolic link on the way is refused.
    public func write(bucket: String, key: String, bytes: [UInt8]) throws(S3FolderError) {
        let target = try plannedFile(bucket: bucket, key: key)
        guard bucketExists(bucket) else { throw .noBucket(bucket) }
        let location = "s3://\(bucket)/\(key)"
        var folder = root + "/" + bucket
        let segments = key.split(separator: "/").map(String.init)
        for segment in segments.dropLast() {
            folder += "/" + segment
            var info = stat()
            if lstat(folder, &info) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .keyEscapes(location: location) }
            } else if mkdir(folder, 0o755) != 0 && errno != EEXIST {
                throw .io(path: folder, reason: String(cString: strerror(errno)))
            }
        }
        var existing = stat()
        if lstat(target, &existing) == 0, (existing.st_mode & S_IFMT) == S_IFDIR { throw .keyEscapes(location: location) }
        let uploads = root + "/" + Self.uploadsFolder
        if mkdir(uploads, 0o755) != 0 && errno != EEXIST {
            throw .io(path: uploads, reason: String(cString: strerror(errno)))
        }
        var template = Array((uploads + "/upload-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw .io(path: uploads, reason: String(cString: strerror(errno))) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                writeToFile(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                throw .io(path: target, reason: reason)
            }
            written += count
        }
        fchmod(descriptor, 0o644)
        close(descriptor)
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .io(path: target, reason: reason)
        }
    }

    /// The folder (beside the buckets, never a bucket) where uploads are written before the rename.
    public static let uploadsFolder = ".panya-uploads"

    /// One stored object, as ListObjectsV2 and HeadObject describe it.
    public struct Object: Sendable, Equatable {
        /// The key (`check/breads3.jpg`).
        public var key: String
        /// Size in bytes.
        public var size: Int
        /// Last modification, seconds since 1970.
        public var modified: Double
    }

    /// HeadObject: the object's size and time, or `noObject`.
    public func object(bucket: String, key: String) throws(S3FolderError) -> Object {
        let file = try existingFile(bucket: bucket, key: key)
        var info = stat()
        guard stat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw .noObject(location: "s3://\(bucket)/\(key)", path: file)
        }
        return Object(key: key, size: Int(info.st_size), modified: Double(info.st_mtim.tv_sec))
    }

    /// ListObjectsV2: every regular file under the bucket whose key starts with `prefix`, in the
    /// byte order of the keys' UTF-8 (as S3 lists them). Links leading out of the bucket are left out.
    public func list(bucket: String, prefix: String = "") throws(S3FolderError) -> [Object] {
        try Self.checkBucket(bucket)
        guard bucketExists(bucket) else { throw .noBucket(bucket) }
        let bucketPath = root + "/" + bucket
        var objects: [Object] = []
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? bucketPath : bucketPath + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names {
                let key = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(folder + "/" + name, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    pending.append(key)
                case S_IFREG:
                    if key.hasPrefix(prefix) {
                        objects.append(Object(key: key, size: Int(info.st_size), modified: Double(info.st_mtim.tv_sec)))
                    }
                case S_IFLNK:
                    if key.hasPrefix(prefix), let object = try? object(bucket: bucket, key: key) { objects.append(object) }
                default:
                    continue
                }
            }
        }
        return objects.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
    }

    /// DeleteObject: removes the object's file (a missing one is not an error, as in S3).
    public func delete(bucket: String, key: String) throws(S3FolderError) {
        let target = try plannedFile(bucket: bucket, key: key)
        guard bucketExists(bucket) else { throw .noBucket(bucket) }
        var info = stat()
        guard lstat(target, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { return }
        if unlink(target) != 0 && errno != ENOENT {
            throw .io(path: target, reason: String(cString: strerror(errno)))
        }
    }
}

/// Why the bucket folder refused a name or an operation.
public enum S3FolderError: UserFacingError, Equatable, CustomStringConvertible {
    /// Not a bucket name (empty, with `/`, starting with `.`).
    case badBucket(String)
    /// A key leaving its bucket (`..`, `.`, an empty segment, an absolute key, a link outside).
    case keyEscapes(location: String)
    /// No such object.
    case noObject(location: String, path: String)
    /// No such bucket (its folder is missing).
    case noBucket(String)
    /// The file system refused (full disk, permissions).
    case io(path: String, reason: String)

    public var code: String? {
        switch self {
        case .badBucket: return "InvalidBucketName"
        case .keyEscapes: return "KeyOutsideBucket"
        case .noObject: return "NoSuchKey"
        case .noBucket: return "NoSuchBucket"
        case .io: return "InternalError"
        }
    }

    public var message: Message {
        switch self {
        case .badBucket(let bucket): return Catalog.s3BadBucket(bucket)
        case .keyEscapes(let location): return Catalog.s3KeyEscapes(location)
        case .noObject(let location, let path): return Catalog.s3NoObject(location, path: path)
        case .noBucket(let bucket): return Catalog.s3BadBucket(bucket)
        case .io(let path, let reason): return .verbatim("\(path): \(reason)")
        }
    }

    public var description: String { message.en }
}

/// `write(2)`, named apart from `S3BucketFolder.write`.
private func writeToFile(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
