/// A photo's format and pixel size, read from its first bytes without decoding the pixels.
public struct PhotoHeader: Sendable, Equatable {
    /// JPEG or PNG, from the signature.
    public var format: ImageFormat
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int

    /// A header with the given fields.
    public init(format: ImageFormat, width: Int, height: Int) {
        self.format = format
        self.width = width
        self.height = height
    }

    /// Reads the header of `bytes` (called `name` in messages). Checks emptiness, the signature
    /// and the header; does not apply size limits and does not notice damage further in.
    public static func read(bytes: [UInt8], name: String) throws(PhotoError) -> PhotoHeader {
        if bytes.isEmpty { throw PhotoError.empty(file: name) }
        guard let format = ImageFormat.detect(bytes) else {
            throw PhotoError.unsupportedFormat(file: name, detected: ImageFormat.describeUnsupported(bytes))
        }
        switch format {
        case .jpeg:
            let size = try JPEGCodec.readHeader(bytes, name: name)
            return PhotoHeader(format: .jpeg, width: size.width, height: size.height)
        case .png:
            let size = try PNGCodec.readHeader(bytes, name: name)
            return PhotoHeader(format: .png, width: size.width, height: size.height)
        }
    }
}
