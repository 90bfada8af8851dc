/// Which dataset a photo belongs to.
public enum DatasetKind: String, Sendable, Equatable, CaseIterable {
    /// The training dataset (`dataset create train`).
    case training = "train"
    /// The test dataset (`dataset create test`).
    case test = "test"
}

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

/// A project's datasets as training sees them: its labels and the photos of each dataset.
public struct TrainingDatasets: Sendable, Equatable {
    /// The project's labels, in the project's order.
    public var labels: [String]
    /// The training dataset's photos.
    public var training: [TrainingPhoto]
    /// The test dataset's photos.
    public var test: [TrainingPhoto]

    /// A project's labels and datasets.
    public init(labels: [String], training: [TrainingPhoto], test: [TrainingPhoto]) {
        self.labels = labels
        self.training = training
        self.test = test
    }

    /// The photos of one dataset.
    public func photos(_ kind: DatasetKind) -> [TrainingPhoto] {
        kind == .training ? training : test
    }
}
