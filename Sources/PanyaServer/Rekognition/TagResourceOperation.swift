import CustomLabels

/// TagResource: `ResourceArn` (a project, model version or dataset), `Tags` → `{}`.
public struct TagResourceOperation: RekognitionOperation {
    public let name = "TagResource"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let arn = try input.requiredString("ResourceArn")
        let tags = try TagInput.read(input, key: "Tags") ?? []
        try resourceAnnotations(backend).tagResource(arn: arn, tags: tags)
        return .object([:])
    }
}
