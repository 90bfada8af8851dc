/// A box a person drew around a bread, with its label (ground truth); ratios of the image.
public struct LabelledBox: Sendable, Equatable, Hashable {
    /// The label, exactly as in the project (`あんぱん`).
    public var label: String
    /// Where the bread is, as ratios of the image.
    public var box: BoundingBox

    /// A labelled box.
    public init(label: String, box: BoundingBox) {
        self.label = label
        self.box = box
    }
}

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
