import CustomLabels

/// ListDatasetLabels: `DatasetArn` → `{"DatasetLabelDescriptions": [{"LabelName", "LabelStats"}], "NextToken"?}`.
public struct ListDatasetLabelsOperation: RekognitionOperation {
    public let name = "ListDatasetLabels"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let arn = try input.requiredString("DatasetArn")
        let paging = try PageRequest(input, operation: name)
        let page = paging.page(try datasetManagement(backend).datasetLabels(arn: arn))
        var object: JSONObject = ["DatasetLabelDescriptions": .array(page.items.map(\.jsonValue))]
        object.append("NextToken", page.nextToken.map(JSONValue.string))
        return .object(object)
    }
}
