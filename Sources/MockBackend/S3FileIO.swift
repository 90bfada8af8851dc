import Foundation

/// The file work under the bucket folder: temporary files renamed into place, reading a slice,
/// reading in chunks, removing folders left empty.
public enum S3FileIO {
    /// The size of the chunks files are copied and read in.
    public static let chunkSize = 1 << 20

    /// A temporary file being written (in a folder on the same file system as its destination).
    public final class Temporary {
        let descriptor: Int32
        /// Its path.
        public let path: String
        private var closed = false

        /// Makes `folder/upload-XXXXXX` (and the folder when missing).
        public init(in folder: String) throws(S3FolderError) {
            try S3FileIO.makeFolders(folder)
            var template = Array((folder + "/upload-XXXXXX").utf8CString)
            let descriptor = template.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress.map { mkstemp($0) } ?? -1
            }
            guard descriptor >= 0 else { throw .io(path: folder, reason: S3FileIO.lastError()) }
            self.descriptor = descriptor
            path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }

        /// Appends bytes.
        public func append(_ buffer: UnsafeRawBufferPointer) throws(S3FolderError) {
            guard let base = buffer.baseAddress else { return }
            var written = 0
            while written < buffer.count {
                let count = systemWrite(descriptor, base + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw .io(path: path, reason: S3FileIO.lastError())
                }
                written += count
            }
        }

        /// Appends an array's bytes.
        public func append(_ bytes: [UInt8]) throws(S3FolderError) {
            let result: Result<Void, S3FolderError> = bytes.withUnsafeBytes { buffer in
                do throws(S3FolderError) { try append(buffer); return .success(()) } catch { return .failure(error) }
            }
            try result.get()
        }

        /// Closes the file and renames it to `target`; returns the size and time it has there.
        public func commit(to target: String) throws(S3FolderError) -> (size: Int, stamp: Int64) {
            fchmod(descriptor, 0o644)
            var info = stat()
            fstat(descriptor, &info)
            close(descriptor)
            closed = true
            guard rename(path, target) == 0 else {
                let reason = S3FileIO.lastError()
                unlink(path)
                throw .io(path: target, reason: reason)
            }
            return (Int(info.st_size), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
        }

        /// Closes and removes the file if it was not committed.
        public func discard() {
            guard !closed else { return }
            close(descriptor)
            closed = true
            unlink(path)
        }

        deinit { discard() }
    }

    /// Makes a folder and its parents (no error when it exists).
    public static func makeFolders(_ path: String) throws(S3FolderError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .io(path: path, reason: error.localizedDescription)
        }
    }

    /// `length` bytes of a file from `offset` (fewer at its end).
    public static func read(_ path: String, offset: Int, length: Int) throws(S3FolderError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .io(path: path, reason: lastError()) }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: max(0, length))
        var done = 0
        while done < length {
            let count = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress.map { $0 + done }, length - done, off_t(offset + done))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, reason: lastError())
            }
            if count == 0 { break }
            done += count
        }
        if done < length { bytes.removeLast(length - done) }
        return bytes
    }

    /// Calls `body` with the file's bytes, a chunk at a time.
    public static func forEachChunk(_ path: String, _ body: (UnsafeRawBufferPointer) throws(S3FolderError) -> Void) throws(S3FolderError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .io(path: path, reason: lastError()) }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = systemRead(descriptor, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, reason: lastError())
            }
            if count == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// Removes `folder` and its parents while they are empty, stopping at `stop` (kept).
    public static func removeEmptyFolders(from folder: String, stoppingAt stop: String) {
        var current = folder
        while current.count > stop.count, current.hasPrefix(stop + "/") {
            guard rmdir(current) == 0 else { return }
            guard let slash = current.lastIndex(of: "/") else { return }
            current = String(current[..<slash])
        }
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}

/// `write(2)`, named apart from the methods called `write`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

/// `read(2)`, named apart from the methods called `read`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
