import Foundation
import Photos

/// A photo from a student's screen: checked (size, format), decoded reduced to the engine's
/// working size, made upright, and stored in the student's folder as a JPEG of that size (which
/// the service's 4 MB limit always admits).
enum PhotoIntake {
    /// The largest photo a screen may send.
    static let maxBytes = PhotoLimits.classPhoto.maxBytes
    /// The most pixels a screen's photo may have (a 12 MP phone photo, 4032×3024).
    static let maxPixels = 4032 * 3024
    /// The longer side photos are reduced to (the engine's working size; the screen shows this too).
    static let workingSide = 1280
    /// The screen's limits: a phone's photo (15 MB, 12 MP), checked from the header before decoding.
    static let limits = PhotoLimits.classPhoto

    /// Checks and decodes `bytes`; returns the photo to store and its size. A photo the service
    /// would take as it is (within its 4 MB and side limits, already upright) is stored unchanged,
    /// so it is the same photo the model was recorded on; any other is stored upright and reduced.
    static func prepare(_ bytes: [UInt8], name: String) throws -> (bytes: [UInt8], width: Int, height: Int) {
        guard !bytes.isEmpty else { throw ClassError.emptyPhoto }
        guard bytes.count <= maxBytes else { throw ClassError.photoTooLarge(limit: maxBytes) }
        let decoded = try UprightDecoding.decode(bytes, name: name, limits: limits, workingSide: workingSide)
        if decoded.isAsSent, bytes.count <= PhotoLimits.service.maxBytes {
            return (bytes, decoded.photo.width, decoded.photo.height)
        }
        return (try decoded.photo.encodeJPEG(quality: 88), decoded.photo.width, decoded.photo.height)
    }
}
