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
