import CustomLabels

/// DeleteDataset: `DatasetArn` → `{}`; the dataset's entries go with it.
public struct DeleteDatasetOperation: RekognitionOperation {
    public let name = "DeleteDataset"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let arn = try input.requiredString("DatasetArn")
        try datasetManagement(backend).deleteDataset(arn: arn)
        return .object([:])
    }
}
