/// What DetectCustomLabels accepts, as the service documents it: JPEG or PNG, at most 4 MB of bytes (15 MB from S3), 64–4096 px a side, an aspect ratio of at most 20:1.
public struct PhotoLimits: Sendable, Hashable {
    /// The largest accepted file, in bytes. The service's "4 MB" for image bytes is
    /// 4 × 1024 × 1024 = 4,194,304 bytes; one byte more is `ImageTooLargeException`.
    public var maxBytes: Int
    /// The smallest width and height, in pixels (64).
    public var minSide: Int
    /// The largest width and height, in pixels (4096).
    public var maxSide: Int
    /// The longest side may be at most this many times the shortest (20, i.e. 20:1).
    public var maxAspectRatio: Int
    /// The most pixels (width × height); the service has no such limit (`Int.max`), a class's
    /// uploads do (``classPhoto``).
    public var maxPixels: Int

    /// Creates limits; `service` holds the real ones.
    public init(maxBytes: Int, minSide: Int, maxSide: Int, maxAspectRatio: Int, maxPixels: Int = Int.max) {
        self.maxBytes = maxBytes
        self.minSide = minSide
        self.maxSide = maxSide
        self.maxAspectRatio = maxAspectRatio
        self.maxPixels = maxPixels
    }

    /// The service's limits for image bytes: ≤ 4,194,304 bytes, 64–4096 px a side, at most 20:1.
    public static let service = PhotoLimits(maxBytes: 4 * 1024 * 1024, minSide: 64, maxSide: 4096, maxAspectRatio: 20)

    /// The S3-object size limit is larger (15 MB); pixel limits are the same.
    public static let serviceS3Object = PhotoLimits(maxBytes: 15 * 1024 * 1024, minSide: 64, maxSide: 4096, maxAspectRatio: 20)

    /// A phone photo sent to a class's screen: at most 15 MB (the S3-object limit) and 12 MP —
    /// 4096 × 3072 = 12,582,912 pixels, so the usual 12 MP photos (4032 × 3024, 4080 × 3072) pass —
    /// with the service's 64–4096 px sides and 20:1.
    public static let classPhoto = PhotoLimits(maxBytes: 15 * 1024 * 1024, minSide: 64, maxSide: 4096, maxAspectRatio: 20,
                                               maxPixels: 4096 * 3072)

    /// Checks the byte count of the file called `name`.
    public func check(byteCount: Int, name: String) throws(PhotoError) {
        if byteCount > maxBytes { throw PhotoError.tooLarge(file: name, bytes: byteCount, limit: maxBytes) }
    }

    /// Checks the pixel size of the photo called `name`: sides first, then the pixel count, then the aspect ratio.
    public func check(width: Int, height: Int, name: String) throws(PhotoError) {
        if width < minSide || height < minSide {
            throw PhotoError.tooSmall(file: name, width: width, height: height, minimum: minSide)
        }
        if width > maxSide || height > maxSide {
            throw PhotoError.tooBig(file: name, width: width, height: height, maximum: maxSide)
        }
        if width * height > maxPixels {
            throw PhotoError.tooManyPixels(file: name, width: width, height: height, maximum: maxPixels)
        }
        let long = max(width, height), short = min(width, height)
        if long > short * maxAspectRatio {
            throw PhotoError.aspectRatio(file: name, width: width, height: height, maximum: maxAspectRatio)
        }
    }
}
