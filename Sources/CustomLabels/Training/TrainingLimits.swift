/// The service's limits on training data (as Amazon Rekognition Custom Labels documents them), shared by training and manifests.
public enum TrainingLimits {
    /// At least this many training images ("use at least 10").
    public static let minimumTrainingImages = 10
    /// At most this many labels in a project.
    public static let maximumLabels = 250
    /// At most this many boxes in one image.
    public static let maximumBoxesPerImage = 50
    /// Image sides, in pixels, from 64 to 4096.
    public static let imageSide: ClosedRange<Int> = 64...4096
    /// At most 15 MB (15 × 1024 × 1024 bytes) per training image.
    public static let maximumImageBytes = 15 * 1024 * 1024
    /// A label name is 1 to 256 characters.
    public static let labelNameLength: ClosedRange<Int> = 1...256
    /// A box must be at least 1 × 1 pixel.
    public static let minimumBoxPixels = 1.0
    /// A manifest fails when more than this share of its rows is invalid (20 %).
    public static let maximumInvalidRowShare = 0.2
}
