import Foundation

/// A photo from a phone made ready for a screen and the engine: decoded reduced, turned upright
/// by its EXIF orientation, with what the file itself held (its stored size and orientation).
///
/// A JPEG with an EXIF Orientation tag is turned the way the camera asked, as the service does
/// (boxes found on ``photo`` are in the upright frame); a PNG, or a JPEG without the tag, is used
/// as stored.
public struct UprightPhoto: Sendable, Equatable {
    /// The upright pixels, the longer side at most the `maxDimension` asked for.
    public var photo: Photo
    /// JPEG or PNG.
    public var format: ImageFormat
    /// The width stored in the file, before turning.
    public var storedWidth: Int
    /// The height stored in the file, before turning.
    public var storedHeight: Int
    /// The orientation the file asked for and that was applied (`.up` for a PNG or no tag).
    public var orientation: ExifOrientation
    /// The scale libjpeg decoded at, in eighths (8 = full size; 2 = a quarter): the DCT scaling.
    /// For a PNG, 8 divided by its block size.
    public var decodedEighths: Int

    /// The full-size upright width (stored sides swapped for orientations 5–8).
    public var uprightWidth: Int { orientation.uprightSize(width: storedWidth, height: storedHeight).width }
    /// The full-size upright height.
    public var uprightHeight: Int { orientation.uprightSize(width: storedWidth, height: storedHeight).height }

    /// The upright photo as a baseline JPEG (about 80 is right for a screen).
    public func jpeg(quality: Int = 80) throws(PhotoError) -> [UInt8] {
        try JPEGCodec.encode(photo, quality: quality)
    }

    /// A thumbnail JPEG: the upright photo reduced so its longer side is `longerSide`.
    public func thumbnailJPEG(longerSide: Int = 240, quality: Int = 80) throws(PhotoError) -> [UInt8] {
        try JPEGCodec.encode(photo.reduced(toLongerSide: longerSide), quality: quality)
    }
}

extension Photo {
    /// Decodes a phone's JPEG or PNG for a class: checks `limits` from the header before any
    /// pixel is decoded (bytes, format by signature, sides, pixel count), reads the EXIF
    /// orientation (1–8) from a JPEG's APP1 marker, decodes with libjpeg's DCT scaling at the
    /// smallest of 1/8, 1/4, 1/2 and 1/1 whose longer side is still at least `maxDimension` (a
    /// PNG: the largest block average of 8, 4, 2 or 1 that is), reduces exactly to `maxDimension` if still
    /// larger, and turns the pixels upright. A photo no larger than `maxDimension` keeps its size.
    /// `name` is the photo's name in messages.
    public static func decodeUpright(data: [UInt8], name: String, maxDimension: Int,
                                     limits: PhotoLimits = .classPhoto) throws(PhotoError) -> UprightPhoto {
        try decodeUpright(data: data, name: name, maxDimension: maxDimension, limits: limits, eighths: [1, 2, 4, 8])
    }

    /// The same for bytes held in `Data`.
    public static func decodeUpright(data: Data, name: String, maxDimension: Int,
                                     limits: PhotoLimits = .classPhoto) throws(PhotoError) -> UprightPhoto {
        try decodeUpright(data: [UInt8](data), name: name, maxDimension: maxDimension, limits: limits)
    }

    /// ``decodeUpright(data:name:maxDimension:limits:)`` choosing the DCT scale among `eighths`
    /// (libjpeg-turbo can scale by any M/8, but its 3/8, 5/8… inverse DCTs have no SIMD code:
    /// 3/8 then a reduction costs more than 1/2 then a larger one; see bench/photos).
    static func decodeUpright(data: [UInt8], name: String, maxDimension: Int, limits: PhotoLimits,
                              eighths: [Int]) throws(PhotoError) -> UprightPhoto {
        if data.isEmpty { throw PhotoError.empty(file: name) }
        try limits.check(byteCount: data.count, name: name)
        guard let format = ImageFormat.detect(data) else {
            throw PhotoError.unsupportedFormat(file: name, detected: PhotoFileKind.sniff(data).displayName)
        }
        let target = max(1, maxDimension)
        switch format {
        case .jpeg:
            let header = try JPEGCodec.readHeaderAndExif(data, name: name)
            try limits.check(width: header.width, height: header.height, name: name)
            let orientation = ExifOrientation.read(exif: header.exif) ?? .up
            let scale = dctEighths(longerSide: max(header.width, header.height), maxDimension: target, among: eighths)
            let pixels = try JPEGCodec.decode(data, width: header.width, height: header.height, name: name, eighths: scale)
            let decoded = Photo(checkedWidth: JPEGCodec.eighthsSide(header.width, scale),
                                height: JPEGCodec.eighthsSide(header.height, scale), pixels: pixels, format: .jpeg)
            return UprightPhoto(photo: decoded.reduced(toLongerSide: target).upright(orientation), format: .jpeg,
                                storedWidth: header.width, storedHeight: header.height,
                                orientation: orientation, decodedEighths: scale)
        case .png:
            let header = try PNGCodec.readHeader(data, name: name)
            try limits.check(width: header.width, height: header.height, name: name)
            let longer = max(header.width, header.height)
            let block = [8, 4, 2].first { (longer + $0 - 1) / $0 >= target } ?? 1
            let pixels = try PNGCodec.decode(data, width: header.width, height: header.height, name: name, scale: block)
            let decoded = Photo(checkedWidth: (header.width + block - 1) / block, height: (header.height + block - 1) / block,
                                pixels: pixels, format: .png)
            return UprightPhoto(photo: decoded.reduced(toLongerSide: target), format: .png,
                                storedWidth: header.width, storedHeight: header.height,
                                orientation: .up, decodedEighths: 8 / block)
        }
    }

    /// The smallest of `eighths` at which a longer side of `longerSide` is still at least
    /// `maxDimension` (full size, 8, when none is smaller).
    static func dctEighths(longerSide: Int, maxDimension: Int, among eighths: [Int]) -> Int {
        eighths.sorted().first { JPEGCodec.eighthsSide(longerSide, $0) >= maxDimension } ?? 8
    }
}
