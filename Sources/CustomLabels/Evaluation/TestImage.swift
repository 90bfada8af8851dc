/// One photo of the test dataset: the boxes people drew and every candidate the model answered.
public struct TestImage: Sendable, Equatable {
    /// How the photo is named in the results (a path or a `source-ref`).
    public var photo: String
    /// The ground truth: every labelled box of the photo.
    public var groundTruth: [LabelledBox]
    /// Every candidate the model gave (label, confidence 0–100, box), unfiltered.
    /// Candidates without a box (image-level labels) take no part in object-detection evaluation.
    public var predictions: [CustomLabel]

    /// A test photo with its ground truth and predictions.
    public init(photo: String, groundTruth: [LabelledBox], predictions: [CustomLabel]) {
        self.photo = photo
        self.groundTruth = groundTruth
        self.predictions = predictions
    }
}
