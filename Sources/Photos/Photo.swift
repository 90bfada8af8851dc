import Foundation
import PanyaSupport

/// A decoded photo: packed 8-bit RGB pixels, row by row from the top left.
///
/// `Photo.decode(bytes:name:)` works purely in memory and touches no shared state, so it is safe
/// to call from several threads and to time in a benchmark (decode of a 1280×960 JPEG is one call).
public struct Photo: Sendable, Equatable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// `width * height * 3` bytes: R, G, B for each pixel, rows top to bottom.
    public var pixels: [UInt8]
    /// The format the photo was decoded from; nil for a picture drawn in memory.
    public let format: ImageFormat?

    /// A photo of the given pixels; nil when `pixels` is not `width * height * 3` bytes.
    public init?(width: Int, height: Int, pixels: [UInt8], format: ImageFormat? = nil) {
        guard width > 0, height > 0, pixels.count == width * height * 3 else { return nil }
        self.width = width
        self.height = height
        self.pixels = pixels
        self.format = format
    }

    /// Internal initialiser for sizes already known to match.
    package init(checkedWidth width: Int, height: Int, pixels: [UInt8], format: ImageFormat?) {
        self.width = width
        self.height = height
        self.pixels = pixels
        self.format = format
    }

    /// The colour at (`x`, `y`); coordinates are clamped into the picture.
    public func pixel(x: Int, y: Int) -> RGB {
        let cx = min(max(x, 0), width - 1), cy = min(max(y, 0), height - 1)
        let i = (cy * width + cx) * 3
        return RGB(pixels[i], pixels[i + 1], pixels[i + 2])
    }

    /// Decodes a JPEG or PNG held in memory, checking it against `limits` the way
    /// DetectCustomLabels does: bytes, then format (by signature, not name), then header and
    /// pixel size (before any pixel is decoded), then the whole data.
    /// `name` is the file name used in messages.
    public static func decode(bytes: [UInt8], name: String, limits: PhotoLimits = .service) throws(PhotoError) -> Photo {
        try decode(bytes: bytes, name: name, limits: limits, maxSide: nil)
    }

    /// Decodes at a reduced scale: 1/1, 1/2, 1/4 or 1/8, the largest whose longer side is at most
    /// `maxSide` (1/8 when none is; nil: full size). A JPEG uses libjpeg's scaled IDCT, a PNG is
    /// decoded and averaged in blocks; either way every byte of the data is decoded, so damage
    /// anywhere is found exactly as at full size, and the limits apply to the full size.
    /// The photo's `width` and `height` are the reduced ones.
    public static func decode(bytes: [UInt8], name: String, limits: PhotoLimits = .service, maxSide: Int?) throws(PhotoError) -> Photo {
        let header = try checkedHeader(bytes: bytes, name: name, limits: limits)
        let scale = reductionScale(width: header.width, height: header.height, maxSide: maxSide)
        let pixels: [UInt8]
        let width: Int, height: Int
        switch header.format {
        case .jpeg:
            pixels = try JPEGCodec.decode(bytes, width: header.width, height: header.height, name: name, scale: scale)
            width = JPEGCodec.scaledSide(header.width, scale)
            height = JPEGCodec.scaledSide(header.height, scale)
        case .png:
            pixels = try PNGCodec.decode(bytes, width: header.width, height: header.height, name: name, scale: scale)
            width = (header.width + scale - 1) / scale
            height = (header.height + scale - 1) / scale
        }
        return Photo(checkedWidth: width, height: height, pixels: pixels, format: header.format)
    }

    /// The reduction (1, 2, 4 or 8) `decode(bytes:name:limits:maxSide:)` uses for a photo of this size.
    public static func reductionScale(width: Int, height: Int, maxSide: Int?) -> Int {
        guard let maxSide else { return 1 }
        let longer = max(width, height)
        for scale in [1, 2, 4] where (longer + scale - 1) / scale <= maxSide { return scale }
        return 8
    }

    /// Empty, byte limit, signature and header, pixel limits: everything before the pixels.
    static func checkedHeader(bytes: [UInt8], name: String, limits: PhotoLimits) throws(PhotoError) -> PhotoHeader {
        if bytes.isEmpty { throw PhotoError.empty(file: name) }
        try limits.check(byteCount: bytes.count, name: name)
        let header = try PhotoHeader.read(bytes: bytes, name: name)
        try limits.check(width: header.width, height: header.height, name: name)
        return header
    }

    /// Checks `bytes` fully, as `decode` does (the whole data is decoded, so damage anywhere is
    /// found), without keeping the pixels; returns the header (full size). Decodes at 1/8, which
    /// finds the same damage in a fraction of the time.
    public static func validate(bytes: [UInt8], name: String, limits: PhotoLimits = .service) throws(PhotoError) -> PhotoHeader {
        let header = try checkedHeader(bytes: bytes, name: name, limits: limits)
        switch header.format {
        case .jpeg: _ = try JPEGCodec.decode(bytes, width: header.width, height: header.height, name: name, scale: 8)
        case .png: _ = try PNGCodec.decode(bytes, width: header.width, height: header.height, name: name, scale: 8)
        }
        return header
    }

    /// Reads the file at `path`, refusing one larger than `limits.maxBytes` before reading it
    /// (a 5 GB file is never loaded into memory) and anything but a regular file before opening
    /// it (a FIFO would block). Errors name `path`.
    public static func readBytes(path: String, limits: PhotoLimits = .service) throws(PhotoError) -> [UInt8] {
        var info = stat()
        if stat(path, &info) != 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw PhotoError.fileNotFound(path: path) }
            throw PhotoError.unreadable(path: path, reason: String(cString: strerror(code)))
        }
        if let kind = SpecialFileKind(mode: info.st_mode) { throw PhotoError.notAFile(path: path, kind: kind) }
        // O_NONBLOCK: should the path have become a FIFO since the check, opening it does not wait.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw PhotoError.fileNotFound(path: path) }
            throw PhotoError.unreadable(path: path, reason: String(cString: strerror(code)))
        }
        defer { close(descriptor) }
        if fstat(descriptor, &info) != 0 {
            throw PhotoError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        if let kind = SpecialFileKind(mode: info.st_mode) { throw PhotoError.notAFile(path: path, kind: kind) }
        let size = Int(info.st_size)
        try limits.check(byteCount: size, name: path)
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let got = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress.map { $0 + filled }, size - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw PhotoError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if got == 0 { break }
            filled += got
        }
        if filled < size { bytes.removeLast(size - filled) }
        return bytes
    }

    /// Reads and decodes the photo at `path` (see `readBytes(path:limits:)` and `decode(bytes:name:limits:)`).
    public static func load(path: String, limits: PhotoLimits = .service) throws(PhotoError) -> Photo {
        let bytes = try readBytes(path: path, limits: limits)
        return try decode(bytes: bytes, name: path, limits: limits)
    }

    /// The photo as a baseline JPEG at `quality` (1–100; 85 is the lesson photos' setting).
    public func encodeJPEG(quality: Int = 85) throws(PhotoError) -> [UInt8] {
        try JPEGCodec.encode(pixels, width: width, height: height, quality: quality)
    }

    /// The photo as an 8-bit RGB PNG.
    public func encodePNG() throws(PhotoError) -> [UInt8] {
        try PNGCodec.encode(pixels, width: width, height: height)
    }

    /// Writes `bytes` to `path`, replacing what was there.
    public static func write(_ bytes: [UInt8], to path: String) throws(PhotoError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor < 0 { throw PhotoError.writeFailed(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let put = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if put < 0 {
                if errno == EINTR { continue }
                throw PhotoError.writeFailed(path: path, reason: String(cString: strerror(errno)))
            }
            written += put
        }
    }
}
