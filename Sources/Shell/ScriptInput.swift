#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PanyaSupport

/// Reads a script (`panya run FILE`, or standard input that is not a terminal) with one rule for
/// both: at most ``maxBytes`` in all and ``maxLineBytes`` on one line, valid UTF-8. Reading stops as
/// soon as a limit is passed, so `panya < /dev/zero` costs a few megabytes, not the machine.
public enum ScriptInput {
    /// The largest script, in bytes (10 MB: a hundred times the longest lesson).
    public static let maxBytes = 10_000_000
    /// The longest line, in bytes (1 MB: a pasted 200 KB expression still fits).
    public static let maxLineBytes = 1_000_000

    /// Reads everything from `descriptor` (not closed) as script text; `name` is shown in errors.
    public static func read(descriptor: Int32, name: String,
                            maxBytes: Int = ScriptInput.maxBytes, maxLineBytes: Int = ScriptInput.maxLineBytes) throws(ScriptInputError) -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var line = 1, lineBytes = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(name)
            }
            if count == 0 { break }
            for byte in chunk[0..<count] {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    lineBytes = 0
                } else {
                    lineBytes += 1
                    if lineBytes > maxLineBytes { throw .lineTooLong(name, line: line, limit: maxLineBytes) }
                }
            }
            if bytes.count + count > maxBytes { throw .tooLarge(name, limit: maxBytes) }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return try text(bytes, name: name)
    }

    /// Reads the file at `path` as script text.
    public static func read(path: String) throws(ScriptInputError) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotRead(path) }
        defer { close(descriptor) }
        return try read(descriptor: descriptor, name: path)
    }

    /// `bytes` as UTF-8 text, or the line of the first byte that is not UTF-8.
    static func text(_ bytes: [UInt8], name: String) throws(ScriptInputError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // Find the first bad byte: the longest valid prefix, cut back to a line start.
        var line = 1, lineStart = 0
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if String(validating: bytes[lineStart..<i], as: UTF8.self) == nil { break }
            line += 1
            lineStart = i + 1
        }
        throw .notUTF8(name, line: line)
    }
}

/// A script that cannot be read as one: names the file (or `<stdin>`), the limit or the line.
public enum ScriptInputError: UserFacingError, Equatable, CustomStringConvertible {
    /// The file does not exist, is a folder, or cannot be read.
    case cannotRead(String)
    /// More than `limit` bytes in all.
    case tooLarge(String, limit: Int)
    /// A line longer than `limit` bytes.
    case lineTooLong(String, line: Int, limit: Int)
    /// Bytes that are not UTF-8, first on `line`.
    case notUTF8(String, line: Int)

    public var code: String? {
        switch self {
        case .cannotRead: return "CannotReadScript"
        case .tooLarge, .lineTooLong: return "ScriptTooLarge"
        case .notUTF8: return "ScriptNotUTF8"
        }
    }

    public var message: Message {
        switch self {
        case .cannotRead(let name): return Catalog.scriptCannotRead(name)
        case .tooLarge(let name, let limit): return Catalog.scriptTooLarge(name, limit: limit)
        case .lineTooLong(let name, let line, let limit): return Catalog.scriptLineTooLong(name, line: line, limit: limit)
        case .notUTF8(let name, let line): return Catalog.scriptNotUTF8(name, line: line)
        }
    }

    public var description: String { message.en }
}
