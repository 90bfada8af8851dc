import CustomLabels
import Foundation
import PanyaSupport
import Photos

/// A local stand-in for S3: object `s3://bucket/key` is the file `<root>/<bucket>/<key>`, so a
/// teacher can put photos in by hand. Keys S3 allows but a folder cannot hold as that file (a key
/// that is also the "folder" of other keys, `a` beside `a/b`; a key ending in `/`; an empty
/// segment; a segment longer than a file name) are kept in the hidden area
/// `<root>/.panya-s3/objects/<bucket>/<sha256 of the key>.data`, beside each object's record
/// (`.json`: ETag, Content-Type, metadata, checksums). Keys are checked before any file is
/// touched: at most 1,024 bytes, no NUL, no `.`/`..` segment, no leading `/`; symbolic links
/// pointing outside are refused. For DetectCustomLabels a refused key is `InvalidS3ObjectException`,
/// as a missing object is.
public struct S3BucketFolder: Sendable {
    /// The folder holding one folder per bucket.
    public var root: String

    public init(root: String) {
        self.root = root
    }

    /// The service's words for an object it cannot read.
    static let unreadableMessage = "Unable to get object metadata from S3. Check object key, region and/or access permissions."

    /// The longest key S3 takes, in UTF-8 bytes.
    public static let maxKeyBytes = 1024

    /// The folder (beside the buckets, never a bucket) where uploads are written before the rename.
    public static let uploadsFolder = ".panya-uploads"

    /// The hidden area (beside the buckets, never a bucket): records, objects kept aside, multipart uploads.
    public static let hiddenFolder = ".panya-s3"

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
        try Self.checkBucket(bucket)
        try Self.checkKey(key, bucket: bucket)
        let location = "s3://\(bucket)/\(key)"
        if let filePath = naturalFile(bucket: bucket, key: key) {
            var info = stat()
            if lstat(filePath, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
                guard let realBucket = Self.realPath(root + "/" + bucket), let realFile = Self.realPath(filePath) else {
                    throw .noObject(location: location, path: filePath)
                }
                guard realFile.hasPrefix(realBucket + "/") else { throw .keyEscapes(location: location) }
                var target = stat()
                if stat(realFile, &target) == 0, (target.st_mode & S_IFMT) == S_IFREG { return realFile }
            }
        }
        let aside = asideFile(bucket: bucket, key: key)
        if FileManager.default.fileExists(atPath: aside) { return aside }
        throw .noObject(location: location, path: root + "/" + bucket + "/" + key)
    }

    /// Refuses a key before any file is touched: empty, over 1,024 bytes, with NUL, a leading
    /// `/`, or a `.`/`..` segment.
    public static func checkKey(_ key: String, bucket: String) throws(S3FolderError) {
        let location = "s3://\(bucket)/\(key.prefix(200))"
        guard key.utf8.count <= maxKeyBytes else { throw .keyTooLong(location: location, bytes: key.utf8.count) }
        guard !key.isEmpty, !key.hasPrefix("/"), !key.utf8.contains(0) else { throw .keyEscapes(location: location) }
        for segment in key.split(separator: "/", omittingEmptySubsequences: false) where segment == ".." || segment == "." {
            throw .keyEscapes(location: location)
        }
    }

    /// The key's own file `<root>/<bucket>/<key>`, when a folder can hold the key as a file name
    /// path (no empty segment, no segment longer than 255 bytes); nil for keys kept aside.
    func naturalFile(bucket: String, key: String) -> String? {
        let segments = key.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.contains(where: { $0.isEmpty || $0.utf8.count > 255 }) else { return nil }
        let path = root + "/" + bucket + "/" + key
        return path.utf8.count < 4000 ? path : nil
    }

    /// The folder of a bucket's records and objects kept aside.
    func asideFolder(bucket: String) -> String { root + "/" + Self.hiddenFolder + "/objects/" + bucket }

    /// Where an object kept aside is.
    func asideFile(bucket: String, key: String) -> String {
        asideFolder(bucket: bucket) + "/" + PhotoFingerprint.sha256(Array(key.utf8)) + ".data"
    }

    /// Where an object's record is.
    func recordFile(bucket: String, key: String) -> String {
        asideFolder(bucket: bucket) + "/" + PhotoFingerprint.sha256(Array(key.utf8)) + ".json"
    }

    /// The path with every symbolic link followed (`realpath(3)`); nil when it does not resolve.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func checkBucket(_ bucket: String) throws(S3FolderError) {
        guard !bucket.isEmpty, !bucket.contains("/"), !bucket.contains("\0"), !bucket.hasPrefix("."), bucket.utf8.count <= 255 else {
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

    // MARK: Buckets

    /// True when the bucket's folder exists.
    public func bucketExists(_ bucket: String) -> Bool {
        guard (try? Self.checkBucket(bucket)) != nil else { return false }
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: root + "/" + bucket, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// CreateBucket: makes the bucket's folder (and the root); an existing bucket is kept as it is.
    public func createBucket(_ bucket: String) throws(S3FolderError) {
        try Self.checkBucket(bucket)
        try S3FileIO.makeFolders(root + "/" + bucket)
    }

    /// ListBuckets: the bucket folders (hidden folders left out), by name, with their creation time.
    public func buckets() -> [(name: String, created: Double)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root) else { return [] }
        return names.filter { !$0.hasPrefix(".") && bucketExists($0) }.sorted().map { name in
            var info = stat()
            stat(root + "/" + name, &info)
            return (name, Double(info.st_mtim.tv_sec))
        }
    }

    /// DeleteBucket: removes an empty bucket (folders without objects count as empty); one with
    /// objects is `bucketNotEmpty`.
    public func deleteBucket(_ bucket: String) throws(S3FolderError) {
        try Self.checkBucket(bucket)
        guard bucketExists(bucket) else { throw .noBucket(bucket) }
        guard try list(bucket: bucket).isEmpty else { throw .bucketNotEmpty(bucket) }
        do {
            try FileManager.default.removeItem(atPath: root + "/" + bucket)
            if FileManager.default.fileExists(atPath: asideFolder(bucket: bucket)) {
                try FileManager.default.removeItem(atPath: asideFolder(bucket: bucket))
            }
        } catch {
            throw .io(path: root + "/" + bucket, reason: error.localizedDescription)
        }
    }

    // MARK: Objects

    /// One stored object, as ListObjectsV2 and HeadObject describe it.
    public struct Object: Sendable, Equatable {
        /// The key (`check/breads3.jpg`).
        public var key: String
        /// Size in bytes.
        public var size: Int
        /// Last modification, seconds since 1970.
        public var modified: Double
        /// The file holding the bytes.
        public var file: String
        /// Its record, when one was written with these bytes (nil for a file put in by hand).
        public var record: S3ObjectRecord?
    }

    /// PutObject: writes the bytes to a temporary file beside the buckets, then renames it into
    /// place, so a reader (or a server stopped mid-write) never sees half an object. Folders
    /// inside the bucket are made as needed; a symbolic link on the way is refused.
    @discardableResult
    public func write(bucket: String, key: String, bytes: [UInt8], record: S3ObjectRecord? = nil) throws(S3FolderError) -> Object {
        try store(bucket: bucket, key: key) { temporary throws(S3FolderError) in
            try temporary.append(bytes)
            return record
        }
    }

    /// Writes an object whose bytes `fill` appends to a temporary file (the parts of a multipart
    /// upload, a copied object) and whose record it returns once the bytes are known, then renames
    /// it into place and writes the record.
    public func store(bucket: String, key: String,
                      fill: (S3FileIO.Temporary) throws(S3FolderError) -> S3ObjectRecord?) throws(S3FolderError) -> Object {
        try Self.checkBucket(bucket)
        try Self.checkKey(key, bucket: bucket)
        guard bucketExists(bucket) else { throw .noBucket(bucket) }
        let location = "s3://\(bucket)/\(key)"
        let bucketPath = root + "/" + bucket
        // Plan where the bytes go before touching anything: the key's own file, or aside.
        var target = naturalFile(bucket: bucket, key: key)
        var missingFolders: [String] = []
        if let natural = target {
            var folder = bucketPath
            for segment in key.split(separator: "/").dropLast() {
                folder += "/" + segment
                var info = stat()
                if !missingFolders.isEmpty || lstat(folder, &info) != 0 {
                    missingFolders.append(folder)
                    continue
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: continue
                case S_IFLNK: throw .keyEscapes(location: location)
                default: target = nil
                }
                if target == nil { break }
            }
            var existing = stat()
            if target != nil, lstat(natural, &existing) == 0, (existing.st_mode & S_IFMT) == S_IFDIR { target = nil }
        }
        let temporary = try S3FileIO.Temporary(in: root + "/" + Self.uploadsFolder)
        defer { temporary.discard() }
        let record = try fill(temporary)
        if target == nil { missingFolders = [] }
        var made: [String] = []
        let stamped: (size: Int, stamp: Int64)
        do throws(S3FolderError) {
            for folder in missingFolders {
                guard mkdir(folder, 0o755) == 0 || errno == EEXIST else { throw .io(path: folder, reason: S3FileIO.lastError()) }
                made.append(folder)
            }
            if let target {
                stamped = try temporary.commit(to: target)
                unlink(asideFile(bucket: bucket, key: key))
            } else {
                try S3FileIO.makeFolders(asideFolder(bucket: bucket))
                stamped = try temporary.commit(to: asideFile(bucket: bucket, key: key))
            }
        } catch {
            for folder in made.reversed() { rmdir(folder) }
            throw error
        }
        let file = target ?? asideFile(bucket: bucket, key: key)
        // An object kept aside always has a record: it is what names its key.
        var kept = record ?? (target == nil ? S3ObjectRecord(key: key, etag: "") : nil)
        kept?.key = key
        kept?.size = stamped.size
        kept?.stamp = stamped.stamp
        if let kept {
            try writeRecord(kept, bucket: bucket)
        } else {
            unlink(recordFile(bucket: bucket, key: key))
        }
        return Object(key: key, size: stamped.size, modified: Double(stamped.stamp / 1_000_000_000), file: file, record: kept)
    }

    /// Writes a record atomically (temporary file, then rename).
    func writeRecord(_ record: S3ObjectRecord, bucket: String) throws(S3FolderError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data: Data
        do { data = try encoder.encode(record) } catch { throw .io(path: recordFile(bucket: bucket, key: record.key), reason: "\(error)") }
        try S3FileIO.makeFolders(asideFolder(bucket: bucket))
        let temporary = try S3FileIO.Temporary(in: root + "/" + Self.uploadsFolder)
        defer { temporary.discard() }
        try temporary.append([UInt8](data))
        _ = try temporary.commit(to: recordFile(bucket: bucket, key: record.key))
    }

    /// The record of an object whose file has size `size` and time `stamp`, when it still describes it.
    func record(bucket: String, key: String, size: Int, stamp: Int64) -> S3ObjectRecord? {
        guard let data = FileManager.default.contents(atPath: recordFile(bucket: bucket, key: key)),
              let record = try? JSONDecoder().decode(S3ObjectRecord.self, from: data),
              record.key == key, record.size == size, record.stamp == stamp else { return nil }
        return record
    }

    /// HeadObject: the object's size, time and record, or `noObject`.
    public func object(bucket: String, key: String) throws(S3FolderError) -> Object {
        let file = try existingFile(bucket: bucket, key: key)
        var info = stat()
        guard stat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw .noObject(location: "s3://\(bucket)/\(key)", path: file)
        }
        return object(key: key, bucket: bucket, file: file, info: info)
    }

    private func object(key: String, bucket: String, file: String, info: stat) -> Object {
        let stamp = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return Object(key: key, size: Int(info.st_size), modified: Double(info.st_mtim.tv_sec), file: file,
                      record: record(bucket: bucket, key: key, size: Int(info.st_size), stamp: stamp))
    }

    /// ListObjectsV2: every object of the bucket whose key starts with `prefix`, in the byte
    /// order of the keys' UTF-8 (as S3 lists them). Links leading out of the bucket are left out.
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
                let path = folder + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    if prefix.hasPrefix(key + "/") || key.hasPrefix(prefix) || prefix.isEmpty { pending.append(key) }
                case S_IFREG:
                    if key.hasPrefix(prefix) { objects.append(object(key: key, bucket: bucket, file: path, info: info)) }
                case S_IFLNK:
                    if key.hasPrefix(prefix), let object = try? object(bucket: bucket, key: key) { objects.append(object) }
                default:
                    continue
                }
            }
        }
        objects += asideObjects(bucket: bucket).filter { $0.key.hasPrefix(prefix) }
        return objects.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
    }

    /// The objects kept aside (their record names the key).
    private func asideObjects(bucket: String) -> [Object] {
        let folder = asideFolder(bucket: bucket)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var objects: [Object] = []
        for name in names where name.hasSuffix(".data") {
            let file = folder + "/" + name
            var info = stat()
            guard stat(file, &info) == 0,
                  let data = FileManager.default.contents(atPath: folder + "/" + name.dropLast(5) + ".json"),
                  let record = try? JSONDecoder().decode(S3ObjectRecord.self, from: data) else { continue }
            objects.append(object(key: record.key, bucket: bucket, file: file, info: info))
        }
        return objects
    }

    /// DeleteObject: removes the object's file and record (a missing one is not an error, as in
    /// S3), and the folders it leaves empty.
    public func delete(bucket: String, key: String) throws(S3FolderError) {
        try Self.checkBucket(bucket)
        try Self.checkKey(key, bucket: bucket)
        guard bucketExists(bucket) else { throw .noBucket(bucket) }
        unlink(recordFile(bucket: bucket, key: key))
        unlink(asideFile(bucket: bucket, key: key))
        guard let target = naturalFile(bucket: bucket, key: key) else { return }
        var info = stat()
        guard lstat(target, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return }
        if unlink(target) != 0 && errno != ENOENT {
            throw .io(path: target, reason: S3FileIO.lastError())
        }
        if let slash = target.lastIndex(of: "/") {
            S3FileIO.removeEmptyFolders(from: String(target[..<slash]), stoppingAt: root + "/" + bucket)
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
    /// A key over 1,024 bytes.
    case keyTooLong(location: String, bytes: Int)
    /// DeleteBucket on a bucket that still holds objects.
    case bucketNotEmpty(String)
    /// The file system refused (full disk, permissions).
    case io(path: String, reason: String)

    public var code: String? {
        switch self {
        case .badBucket: return "InvalidBucketName"
        case .keyEscapes: return "KeyOutsideBucket"
        case .noObject: return "NoSuchKey"
        case .noBucket: return "NoSuchBucket"
        case .keyTooLong: return "KeyTooLongError"
        case .bucketNotEmpty: return "BucketNotEmpty"
        case .io: return "InternalError"
        }
    }

    public var message: Message {
        switch self {
        case .badBucket(let bucket): return Catalog.s3BadBucket(bucket)
        case .keyEscapes(let location): return Catalog.s3KeyEscapes(location)
        case .noObject(let location, let path): return Catalog.s3NoObject(location, path: path)
        case .noBucket(let bucket): return Catalog.s3NoBucket(bucket)
        case .keyTooLong(let location, let bytes): return Catalog.s3KeyTooLong(location, bytes: bytes)
        case .bucketNotEmpty(let bucket): return Catalog.s3BucketNotEmpty(bucket)
        case .io(let path, let reason): return .verbatim("\(path): \(reason)")
        }
    }

    public var description: String { message.en }
}
