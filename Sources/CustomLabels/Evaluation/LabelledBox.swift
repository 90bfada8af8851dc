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
