import Photos
import Synchronization

/// Photos received as base64 text, remembered with their bytes and SHA-256: a class sending the
/// same lesson photo again and again has it decoded and hashed once. A text is recognised only
/// when it equals a remembered one byte for byte (compared in full, never by a hash of part of
/// it), so a different photo of the same length is always decoded.
final class ImageTextMemory: Sendable {
    /// A decoded photo and its fingerprint.
    struct Photo: Sendable {
        let bytes: [UInt8]
        let sha256: String
    }

    private struct Entry: Sendable {
        let text: String
        let photo: Photo
    }

    /// The newest first.
    private let entries = Mutex<[Entry]>([])
    /// How many texts are remembered at most (each costs its text and its bytes, under 10 MB for
    /// a photo at the service's 4 MB limit).
    let capacity: Int

    init(capacity: Int = 8) {
        self.capacity = max(1, capacity)
    }

    /// The photo `text` decodes to: remembered, or `decode`d and fingerprinted now (and remembered
    /// when `decode` succeeds). Errors from `decode` pass through and nothing is remembered.
    func photo(for text: String, decode: (String) throws -> [UInt8]) rethrows -> Photo {
        let length = text.utf8.count
        // Compared outside the lock: the comparison reads the whole text.
        let candidates = entries.withLock { $0.filter { $0.text.utf8.count == length } }
        if let known = candidates.first(where: { $0.text == text }) { return known.photo }
        let bytes = try decode(text)
        let photo = Photo(bytes: bytes, sha256: PhotoFingerprint.sha256(bytes))
        entries.withLock { entries in
            entries.removeAll { $0.text.utf8.count == length && $0.text == text }
            entries.insert(Entry(text: text, photo: photo), at: 0)
            if entries.count > capacity { entries.removeLast(entries.count - capacity) }
        }
        return photo
    }

    /// How many texts are remembered now.
    var count: Int { entries.withLock { $0.count } }
}
