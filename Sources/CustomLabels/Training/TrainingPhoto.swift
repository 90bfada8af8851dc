/// What training needs to know about one photo of a dataset.
public struct TrainingPhoto: Sendable, Equatable {
    /// The photo's file format.
    public enum Format: Sendable, Equatable {
        case jpeg
        case png
        /// Any other format, by name (`GIF`, `HEIC`, `unknown` …).
        case other(String)
    }

    /// How the student knows the photo (its path), for messages.
    public var name: String
    /// SHA-256 of the photo's bytes, in hex (a test photo with the same hash as a training photo is the same photo).
    public var sha256: String
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// Size of the file in bytes.
    public var byteCount: Int
    /// JPEG, PNG or another format.
    public var format: Format
    /// The labelled boxes drawn on the photo (ratios of the image).
    public var boxes: [LabelledBox]

    /// A photo as training sees it.
    public init(name: String, sha256: String, width: Int, height: Int, byteCount: Int, format: Format, boxes: [LabelledBox]) {
        self.name = name
        self.sha256 = sha256
        self.width = width
        self.height = height
        self.byteCount = byteCount
        self.format = format
        self.boxes = boxes
    }
}
