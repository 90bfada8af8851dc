import CustomLabels

/// DescribeDataset: `DatasetArn` → `{"DatasetDescription"}` with the dataset's counts (entries, labelled entries, labels).
public struct DescribeDatasetOperation: RekognitionOperation {
    public let name = "DescribeDataset"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let arn = try input.requiredString("DatasetArn")
        return .object(["DatasetDescription": try datasetManagement(backend).describeDataset(arn: arn).jsonValue])
    }
}
