import Photos

/// How a screen's photo is decoded: reduced while decoding (libjpeg's DCT scaling) to about the
/// working size. The single place the class calls the photo decoder.
enum UprightDecoding {
    /// The photo reduced to about `workingSide`, and whether it is the photo as sent (full size,
    /// no orientation to apply), with the original's size.
    static func decode(_ bytes: [UInt8], name: String, limits: PhotoLimits, maxPixels: Int, workingSide: Int) throws
        -> (photo: Photo, isAsSent: Bool, width: Int, height: Int) {
        let header = try Photo.validate(bytes: bytes, name: name, limits: limits)
        guard header.width * header.height <= maxPixels else {
            throw ClassError.badRequest("\(header.width)×\(header.height) > 12 MP")
        }
        let photo = try Photo.decode(bytes: bytes, name: name, limits: limits, maxSide: workingSide)
        return (photo, photo.width == header.width && photo.height == header.height, header.width, header.height)
    }
}
