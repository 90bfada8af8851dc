import PanyaSupport

/// Something in the datasets that makes the service answer `TRAINING_FAILED`; its message is the
/// version's `StatusMessage` and says what to fix.
public enum TrainingProblem: UserFacingError, Sendable, Equatable, CustomStringConvertible {
    /// The project has no label.
    case noLabels
    /// More labels than the service allows (250).
    case tooManyLabels(count: Int)
    /// A label with no box in one of the datasets.
    case labelWithoutBox(label: String, dataset: DatasetKind)
    /// A box whose label is not one of the project's labels.
    case unknownLabel(photo: String, dataset: DatasetKind, label: String)
    /// Fewer training photos with a box than the minimum (10).
    case tooFewTrainingImages(count: Int)
    /// The test dataset has no photo.
    case emptyTestSet
    /// A test photo that is also a training photo (same SHA-256).
    case testPhotoInTraining(test: String, training: String)
    /// More boxes on one photo than allowed (50).
    case tooManyBoxes(photo: String, dataset: DatasetKind, count: Int)
    /// A photo outside 64–4096 pixels on a side.
    case imageDimension(photo: String, dataset: DatasetKind, width: Int, height: Int)
    /// A photo over 15 MB.
    case imageTooLarge(photo: String, dataset: DatasetKind, bytes: Int)
    /// A photo that is not JPEG or PNG.
    case unsupportedFormat(photo: String, dataset: DatasetKind, format: String)
    /// A box not inside its photo (`box` counted from 0).
    case boxOffImage(photo: String, dataset: DatasetKind, box: Int, label: String)

    /// A stable name for scripts and tests.
    public var code: String? {
        switch self {
        case .noLabels: return "NoLabels"
        case .tooManyLabels: return "TooManyLabels"
        case .labelWithoutBox: return "LabelWithoutBox"
        case .unknownLabel: return "UnknownLabel"
        case .tooFewTrainingImages: return "TooFewTrainingImages"
        case .emptyTestSet: return "EmptyTestSet"
        case .testPhotoInTraining: return "TestPhotoInTraining"
        case .tooManyBoxes: return "TooManyBoundingBoxes"
        case .imageDimension: return "InvalidImageDimension"
        case .imageTooLarge: return "ImageTooLarge"
        case .unsupportedFormat: return "UnsupportedImageFormat"
        case .boxOffImage: return "InvalidBoundingBox"
        }
    }

    /// What is wrong and what to do, in both languages.
    public var message: Message { Catalog.trainingProblem(self) }

    /// The English message.
    public var description: String { message.en }
}
