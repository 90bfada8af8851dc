import Photos

/// How a screen's photo is decoded: upright by its EXIF orientation (as the service does), reduced
/// while decoding (libjpeg's DCT scaling) to about the working size. The single place the class
/// calls the photo decoder.
enum UprightDecoding {
    /// The photo upright and reduced to at most `workingSide`, and whether it is the photo as sent
    /// (full size, no orientation to apply).
    static func decode(_ bytes: [UInt8], name: String, limits: PhotoLimits, workingSide: Int) throws -> (photo: Photo, isAsSent: Bool) {
        let upright = try Photo.decodeUpright(data: bytes, name: name, maxDimension: workingSide, limits: limits)
        let asSent = upright.orientation == .up && upright.photo.width == upright.storedWidth && upright.photo.height == upright.storedHeight
        return (upright.photo, asSent)
    }
}
