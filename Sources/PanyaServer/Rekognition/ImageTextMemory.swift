import CustomLabels
import Foundation
import Photos
import Synchronization

/// Photos received as base64 text, remembered with their bytes and SHA-256: a class sending the
/// same lesson photo again and again has it decoded and hashed once. A text is recognised only
/// when it equals a remembered one byte for byte (compared in full, never by a hash of part of
/// it), so a different photo of the same length is always decoded. The request body's parser
/// asks it too (``JSONKnownStrings``): a remembered text found in the body byte for byte is
/// taken as is, not scanned and copied into a new string.
final class ImageTextMemory: JSONKnownStrings {
    /// A decoded photo and its fingerprint.
    struct Photo: Sendable {
        let bytes: [UInt8]
        let sha256: String
    }

    private struct Entry: Sendable {
        let text: String
        let photo: Photo
        /// No `"`, `\` or control byte: the text's bytes are its own JSON text (base64 always is).
        let plain: Bool
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
        // Compared outside the lock: the comparison reads the whole text (unless it is the
        // remembered string itself, as the parser hands it over).
        let current = entries.withLock { $0 }
        if let known = current.first(where: { $0.text.utf8.count == length && $0.text == text }) { return known.photo }
        let bytes = try decode(text)
        let photo = Photo(bytes: bytes, sha256: PhotoFingerprint.sha256(bytes))
        let plain = !text.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        entries.withLock { entries in
            entries.removeAll { $0.text.utf8.count == length && $0.text == text }
            entries.insert(Entry(text: text, photo: photo, plain: plain), at: 0)
            if entries.count > capacity { entries.removeLast(entries.count - capacity) }
        }
        return photo
    }

    /// The remembered text `bytes` starts with, just before a closing quote (for the parser).
    func knownString(startingAt bytes: ArraySlice<UInt8>) -> String? {
        let current = entries.withLock { $0 }
        for entry in current where entry.plain {
            let length = entry.text.utf8.count
            guard bytes.count > length, bytes[bytes.startIndex + length] == UInt8(ascii: "\"") else { continue }
            let equal = entry.text.utf8.withContiguousStorageIfAvailable { text in
                bytes.withUnsafeBufferPointer { body in
                    guard length > 0 else { return true }
                    guard let text = text.baseAddress, let body = body.baseAddress else { return false }
                    return memcmp(text, body, length) == 0
                }
            }
            if equal == true { return entry.text }
        }
        return nil
    }

    /// How many texts are remembered now.
    var count: Int { entries.withLock { $0.count } }
}
