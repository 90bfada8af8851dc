import CustomLabels

/// StartProjectVersion: `ProjectVersionArn`, `MinInferenceUnits` (required), `MaxInferenceUnits` → `{"Status"}`.
public struct StartProjectVersionOperation: RekognitionOperation {
    public let name = "StartProjectVersion"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let arn = try input.requiredString("ProjectVersionArn")
        let units = try input.requiredInt("MinInferenceUnits")
        let status = try backend.startProjectVersion(arn: arn, minInferenceUnits: units, maxInferenceUnits: try input.optionalInt("MaxInferenceUnits"))
        return StatusResponse.jsonValue(status)
    }
}
