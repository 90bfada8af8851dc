/// Which dataset a photo belongs to.
public enum DatasetKind: String, Sendable, Equatable, CaseIterable {
    /// The training dataset (`dataset create train`).
    case training = "train"
    /// The test dataset (`dataset create test`).
    case test = "test"
}
