import CJPEG

/// libjpeg through the CJPEG bridge: header, decode to RGB8, encode from RGB8.
/// Every call is self-contained (no handle outlives it), so there is nothing to release later.
public enum JPEGCodec {
    /// Width, height and colour components from the header, without decoding pixels.
    static func readHeader(_ bytes: [UInt8], name: String) throws(PhotoError) -> (width: Int, height: Int) {
        var width: Int32 = 0, height: Int32 = 0, components: Int32 = 0
        var message = CString.buffer()
        let status = bytes.withUnsafeBufferPointer { input in
            message.withUnsafeMutableBufferPointer { text in
                panya_jpeg_read_header(input.baseAddress, input.count, &width, &height, &components,
                                       text.baseAddress, text.count)
            }
        }
        guard status == PANYA_JPEG_OK else {
            throw PhotoError.corrupt(file: name, format: .jpeg, reason: CString.text(message, fallback: "unreadable header"))
        }
        return (Int(width), Int(height))
    }

    /// Packed RGB8 pixels of a JPEG whose header said `width`×`height`, at 1/`scale` (1, 2, 4 or 8:
    /// libjpeg's scaled IDCT; every byte of the data is still decoded). The pixels are
    /// `scaledSide(width, scale)`×`scaledSide(height, scale)`.
    static func decode(_ bytes: [UInt8], width: Int, height: Int, name: String, scale: Int = 1) throws(PhotoError) -> [UInt8] {
        let outWidth = scaledSide(width, scale), outHeight = scaledSide(height, scale)
        var pixels = [UInt8](repeating: 0, count: outWidth * outHeight * 3)
        var message = CString.buffer()
        let status = bytes.withUnsafeBufferPointer { input in
            pixels.withUnsafeMutableBufferPointer { output in
                message.withUnsafeMutableBufferPointer { text in
                    panya_jpeg_decode_rgb_scaled(input.baseAddress, input.count, output.baseAddress,
                                                 Int32(width), Int32(height), Int32(scale), text.baseAddress, text.count)
                }
            }
        }
        guard status == PANYA_JPEG_OK else {
            throw PhotoError.corrupt(file: name, format: .jpeg, reason: CString.text(message, fallback: "undecodable data"))
        }
        return pixels
    }

    /// The header's size and the photo's EXIF data (the TIFF part of its first "Exif" APP1
    /// marker, empty when there is none), without decoding pixels.
    static func readHeaderAndExif(_ bytes: [UInt8], name: String) throws(PhotoError) -> (width: Int, height: Int, exif: [UInt8]) {
        var width: Int32 = 0, height: Int32 = 0, components: Int32 = 0
        var exif = [UInt8](repeating: 0, count: 65536)
        var exifLength = 0
        var message = CString.buffer()
        let status = bytes.withUnsafeBufferPointer { input in
            exif.withUnsafeMutableBufferPointer { exifBuffer in
                message.withUnsafeMutableBufferPointer { text in
                    panya_jpeg_read_header_exif(input.baseAddress, input.count, &width, &height, &components,
                                                exifBuffer.baseAddress, exifBuffer.count, &exifLength,
                                                text.baseAddress, text.count)
                }
            }
        }
        guard status == PANYA_JPEG_OK else {
            throw PhotoError.corrupt(file: name, format: .jpeg, reason: CString.text(message, fallback: "unreadable header"))
        }
        exif.removeSubrange(min(exifLength, exif.count)...)
        return (Int(width), Int(height), exif)
    }

    /// Packed RGB8 pixels of a JPEG whose header said `width`×`height`, at `eighths`/8 of its
    /// size (1–8, libjpeg's DCT scaling); the pixels are `eighthsSide(width, eighths)`×`eighthsSide(height, eighths)`.
    static func decode(_ bytes: [UInt8], width: Int, height: Int, name: String, eighths: Int) throws(PhotoError) -> [UInt8] {
        let outWidth = eighthsSide(width, eighths), outHeight = eighthsSide(height, eighths)
        var pixels = [UInt8](repeating: 0, count: outWidth * outHeight * 3)
        var message = CString.buffer()
        let status = bytes.withUnsafeBufferPointer { input in
            pixels.withUnsafeMutableBufferPointer { output in
                message.withUnsafeMutableBufferPointer { text in
                    panya_jpeg_decode_rgb_eighths(input.baseAddress, input.count, output.baseAddress,
                                                  Int32(width), Int32(height), Int32(eighths), text.baseAddress, text.count)
                }
            }
        }
        guard status == PANYA_JPEG_OK else {
            throw PhotoError.corrupt(file: name, format: .jpeg, reason: CString.text(message, fallback: "undecodable data"))
        }
        return pixels
    }

    /// A side's length at `eighths`/8, rounded up (as libjpeg computes it).
    static func eighthsSide(_ side: Int, _ eighths: Int) -> Int {
        Int(panya_jpeg_eighths_side(Int32(side), Int32(eighths)))
    }

    /// A baseline JPEG of `photo` at `quality` (1–100; about 80 for showing a photo on a screen).
    public static func encode(_ photo: Photo, quality: Int) throws(PhotoError) -> [UInt8] {
        try encode(photo.pixels, width: photo.width, height: photo.height, quality: quality)
    }

    /// A side's length at 1/`scale`, rounded up (as libjpeg computes it).
    static func scaledSide(_ side: Int, _ scale: Int) -> Int {
        Int(panya_jpeg_scaled_side(Int32(side), Int32(scale)))
    }

    /// A baseline JPEG of packed 8-bit pixels at `quality` (1–100): `components` 3 = RGB
    /// (what photos use), 1 = grayscale, 4 = Adobe CMYK (255 = no ink; used by tests).
    static func encode(_ pixels: [UInt8], width: Int, height: Int, quality: Int, components: Int = 3) throws(PhotoError) -> [UInt8] {
        guard pixels.count == width * height * components else {
            throw PhotoError.encodingFailed(format: .jpeg, reason: "expected \(width * height * components) bytes, got \(pixels.count)")
        }
        var out: UnsafeMutablePointer<UInt8>? = nil
        var size: UInt = 0
        var message = CString.buffer()
        let status = pixels.withUnsafeBufferPointer { input in
            message.withUnsafeMutableBufferPointer { text in
                panya_jpeg_encode(input.baseAddress, Int32(width), Int32(height), Int32(components), Int32(quality),
                                      &out, &size, text.baseAddress, text.count)
            }
        }
        defer { panya_jpeg_free(out) }
        guard status == PANYA_JPEG_OK, let out else {
            throw PhotoError.encodingFailed(format: .jpeg, reason: CString.text(message, fallback: "encoder failed"))
        }
        return Array(UnsafeBufferPointer(start: out, count: Int(size)))
    }
}
