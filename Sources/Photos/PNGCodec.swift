import CPNG

/// libpng through the CPNG bridge: header, decode to RGB8, encode from RGB8.
/// Every call is self-contained (no handle outlives it), so there is nothing to release later.
enum PNGCodec {
    /// Width and height from the IHDR chunk, without decoding pixels.
    static func readHeader(_ bytes: [UInt8], name: String) throws(PhotoError) -> (width: Int, height: Int) {
        var width: Int32 = 0, height: Int32 = 0, depth: Int32 = 0, colorType: Int32 = 0
        var message = CString.buffer()
        let status = bytes.withUnsafeBufferPointer { input in
            message.withUnsafeMutableBufferPointer { text in
                panya_png_read_header(input.baseAddress, input.count, &width, &height, &depth, &colorType,
                                      text.baseAddress, text.count)
            }
        }
        guard status == PANYA_PNG_OK else {
            throw PhotoError.corrupt(file: name, format: .png, reason: CString.text(message, fallback: "unreadable header"))
        }
        return (Int(width), Int(height))
    }

    /// Packed RGB8 pixels of a PNG whose header said `width`×`height` (any colour type, depth,
    /// alpha), at 1/`scale`: each pixel the rounded average of a `scale`×`scale` block, so the
    /// pixels are ceil(width/scale)×ceil(height/scale). Every row is decoded whatever the scale.
    static func decode(_ bytes: [UInt8], width: Int, height: Int, name: String, scale: Int = 1) throws(PhotoError) -> [UInt8] {
        let outWidth = (width + scale - 1) / scale, outHeight = (height + scale - 1) / scale
        var pixels = [UInt8](repeating: 0, count: outWidth * outHeight * 3)
        var message = CString.buffer()
        let status = bytes.withUnsafeBufferPointer { input in
            pixels.withUnsafeMutableBufferPointer { output in
                message.withUnsafeMutableBufferPointer { text in
                    panya_png_decode_rgb_scaled(input.baseAddress, input.count, output.baseAddress,
                                                Int32(width), Int32(height), Int32(scale), text.baseAddress, text.count)
                }
            }
        }
        guard status == PANYA_PNG_OK else {
            throw PhotoError.corrupt(file: name, format: .png, reason: CString.text(message, fallback: "undecodable data"))
        }
        return pixels
    }

    /// An 8-bit RGB PNG of packed RGB8 pixels.
    static func encode(_ pixels: [UInt8], width: Int, height: Int) throws(PhotoError) -> [UInt8] {
        var out: UnsafeMutablePointer<UInt8>? = nil
        var size: Int = 0
        var message = CString.buffer()
        let status = pixels.withUnsafeBufferPointer { input in
            message.withUnsafeMutableBufferPointer { text in
                panya_png_encode_rgb(input.baseAddress, Int32(width), Int32(height), &out, &size,
                                     text.baseAddress, text.count)
            }
        }
        defer { panya_png_free(out) }
        guard status == PANYA_PNG_OK, let out else {
            throw PhotoError.encodingFailed(format: .png, reason: CString.text(message, fallback: "encoder failed"))
        }
        return Array(UnsafeBufferPointer(start: out, count: size))
    }
}
