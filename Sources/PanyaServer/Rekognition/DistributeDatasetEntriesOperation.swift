import CustomLabels

/// DistributeDatasetEntries: `Datasets` [{`Arn`}] (the project's training and empty test dataset)
/// → `{}`; a fifth of the training entries move to the test dataset.
public struct DistributeDatasetEntriesOperation: RekognitionOperation {
    public let name = "DistributeDatasetEntries"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let arns = try input.required("Datasets").elements().map { try $0.member("Arn").string() }
        try datasetManagement(backend).distributeDatasetEntries(arns: arns)
        return .object([:])
    }
}
