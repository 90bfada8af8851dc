import CustomLabels

/// ListTagsForResource: `ResourceArn` → `{"Tags": {key: value}}`.
public struct ListTagsForResourceOperation: RekognitionOperation {
    public let name = "ListTagsForResource"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let arn = try input.requiredString("ResourceArn")
        let tags = try resourceAnnotations(backend).tags(arn: arn)
        return .object(["Tags": .object(JSONObject(tags.map { ($0.key, JSONValue.string($0.value)) }))])
    }
}
