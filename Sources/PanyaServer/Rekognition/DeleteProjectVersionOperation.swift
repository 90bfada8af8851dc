import CustomLabels

/// DeleteProjectVersion: `ProjectVersionArn` → `{"Status": "DELETING"}`; a version that is running,
/// starting, stopping or training is ResourceInUseException; a recorded version cannot be deleted.
public struct DeleteProjectVersionOperation: RekognitionOperation {
    public let name = "DeleteProjectVersion"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let arn = try input.requiredString("ProjectVersionArn")
        let status = try modelTraining(backend).deleteProjectVersion(arn: arn)
        return StatusResponse.jsonValue(status)
    }
}
