import Foundation

/// A `Range: bytes=…` header as S3 reads it: one range (`a-b`, `a-`, `-n`) is answered with 206;
/// several ranges, or a header S3 cannot read, are ignored (the whole object, 200); a range
/// starting past the end is `InvalidRange` (416).
enum S3ByteRange {
    /// What to send of an object of `size` bytes.
    enum Answer: Equatable {
        /// The whole object (no range, several, or one S3 ignores).
        case whole
        /// Bytes `first...last`.
        case part(first: Int, last: Int)
        /// 416 with `Content-Range: bytes */size`.
        case unsatisfiable
    }

    static func answer(_ header: String?, size: Int) -> Answer {
        guard let header else { return .whole }
        let text = header.trimmingCharacters(in: .whitespaces)
        guard text.lowercased().hasPrefix("bytes=") else { return .whole }
        let spec = text.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .whole }
        let start = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let end = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
        if start.isEmpty {
            guard let count = Int(end), count >= 0 else { return .whole }
            guard count > 0, size > 0 else { return .unsatisfiable }
            return .part(first: max(0, size - count), last: size - 1)
        }
        guard let first = Int(start), first >= 0 else { return .whole }
        var last = size - 1
        if !end.isEmpty {
            guard let value = Int(end), value >= first else { return .whole }
            last = min(value, size - 1)
        }
        guard first < size else { return .unsatisfiable }
        return .part(first: first, last: last)
    }
}
