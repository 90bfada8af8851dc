import CustomLabels

/// UntagResource: `ResourceArn`, `TagKeys` → `{}`.
public struct UntagResourceOperation: RekognitionOperation {
    public let name = "UntagResource"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let arn = try input.requiredString("ResourceArn")
        let keys = try input.required("TagKeys").elements().map { try $0.string() }
        for key in keys { try TagInput.checkKey(key, member: "tagKeys") }
        try resourceAnnotations(backend).untagResource(arn: arn, keys: keys)
        return .object([:])
    }
}
