/// One image of a SageMaker Ground Truth object-detection manifest: where it is, its size, and
/// its labelled boxes (ratios of the image, as everywhere in panya).
public struct ManifestEntry: Sendable, Equatable {
    /// The `source-ref` as written: `s3://bucket/key` or a path relative to the manifest.
    public var sourceRef: String
    /// The image's size from `image_size`, in pixels.
    public var imageWidth: Int
    /// The image's height, in pixels.
    public var imageHeight: Int
    /// Colour channels (`depth`, 3 for colour photos).
    public var imageDepth: Int
    /// The valid boxes, in the order written.
    public var boxes: [LabelledBox]
    /// `human-annotated` (`yes` / `no`), when written.
    public var humanAnnotated: Bool?
    /// `creation-date`, as written (`2026-04-01T00:00:00`).
    public var creationDate: String?
    /// `job-name`, as written.
    public var jobName: String?

    /// An entry; `humanAnnotated` is true unless said.
    public init(sourceRef: String, imageWidth: Int, imageHeight: Int, imageDepth: Int = 3, boxes: [LabelledBox],
                humanAnnotated: Bool? = true, creationDate: String? = nil, jobName: String? = nil) {
        self.sourceRef = sourceRef
        self.imageWidth = imageWidth
        self.imageHeight = imageHeight
        self.imageDepth = imageDepth
        self.boxes = boxes
        self.humanAnnotated = humanAnnotated
        self.creationDate = creationDate
        self.jobName = jobName
    }
}
