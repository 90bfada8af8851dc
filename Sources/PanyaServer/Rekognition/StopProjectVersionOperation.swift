import CustomLabels

/// StopProjectVersion: `ProjectVersionArn` → `{"Status": "STOPPING"}`.
public struct StopProjectVersionOperation: RekognitionOperation {
    public let name = "StopProjectVersion"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let status = try backend.stopProjectVersion(arn: try input.requiredString("ProjectVersionArn"))
        return StatusResponse.jsonValue(status)
    }
}
