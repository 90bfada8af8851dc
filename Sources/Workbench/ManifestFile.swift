import CustomLabels
import Foundation
import Photos

/// A manifest file read in pieces, one line at a time: memory for one line (at most
/// ``ManifestReader/maxLineBytes``) and the valid lines' entries, whatever the file's size.
package enum ManifestFile {
    /// The bytes read at a time.
    static let chunkBytes = 64 * 1024

    /// Reads the manifest at `path` (refused as `Photo.readBytes` refuses a file: missing, not a
    /// regular file, larger than `limits` allow).
    package static func read(path: String, limits: PhotoLimits) throws -> ManifestReading {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            // Not there, or not a regular file: the photo reader's checks say which, in its words.
            return ManifestReader.read(bytes: try Photo.readBytes(path: path, limits: limits))
        }
        try limits.check(byteCount: Int(info.st_size), name: path)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return ManifestReader.read(bytes: try Photo.readBytes(path: path, limits: limits))
        }
        defer { try? handle.close() }
        var lines = ManifestReader.Lines()
        var line: [UInt8] = []
        var number = 1
        var tooLong = 0   // bytes of the current line past the limit (the line is skipped)
        var total = 0
        func endLine() {
            if tooLong > 0 {
                lines.addTooLong(number: number, length: line.count + tooLong)
            } else {
                lines.add(line, number: number)
            }
            line.removeAll(keepingCapacity: true)
            tooLong = 0
            number += 1
        }
        while let data = try handle.read(upToCount: chunkBytes), !data.isEmpty {
            let chunk = [UInt8](data)
            total += chunk.count
            try limits.check(byteCount: total, name: path)
            var start = 0
            while start < chunk.count {
                // memchr: the debug build's byte-by-byte search took seconds on a large file.
                let newline: Int? = chunk.withUnsafeBufferPointer { buffer in
                    guard let base = buffer.baseAddress, let found = memchr(base + start, Int32(UInt8(ascii: "\n")), buffer.count - start) else { return nil }
                    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                }
                let end = newline ?? chunk.count
                if tooLong > 0 {
                    tooLong += end - start
                } else if line.count + (end - start) > ManifestReader.maxLineBytes {
                    tooLong = line.count + (end - start)
                    line.removeAll(keepingCapacity: false)
                } else {
                    line.append(contentsOf: chunk[start..<end])
                }
                guard let newline else { break }
                endLine()
                start = newline + 1
            }
        }
        if !line.isEmpty || tooLong > 0 { endLine() }
        return lines.reading()
    }
}
