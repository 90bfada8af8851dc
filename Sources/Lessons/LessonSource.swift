#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads a lesson file's text for the runner, `panya check` and the library, with one rule: a
/// regular file (never a folder, device or pipe, which would block or never end), at most
/// ``maxBytes``, UTF-8.
public enum LessonSource {
    /// The largest lesson file, in bytes (1 MB: twenty times the longest lesson).
    public static let maxBytes = 1_000_000

    /// The text of the lesson at `path`.
    /// - Throws: ``LessonError`` `.unreadable` with the reason in both languages.
    public static func read(path: String) throws(LessonError) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .unreadable(path: path, reason: errno == ENOENT ? .missing : .notReadable)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .unreadable(path: path, reason: .notAFile) }
        guard Int(info.st_size) <= maxBytes else { throw .unreadable(path: path, reason: .tooLarge(limit: maxBytes)) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path, reason: .notReadable) }
        guard data.count <= maxBytes else { throw .unreadable(path: path, reason: .tooLarge(limit: maxBytes)) }
        guard let text = String(data: data, encoding: .utf8) else { throw .unreadable(path: path, reason: .notUTF8) }
        return text
    }
}
