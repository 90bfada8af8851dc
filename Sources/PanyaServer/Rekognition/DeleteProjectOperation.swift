import CustomLabels

/// DeleteProject: `ProjectArn` → `{"Status": "DELETING"}`; a project that still has model versions is ResourceInUseException.
public struct DeleteProjectOperation: RekognitionOperation {
    public let name = "DeleteProject"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let arn = try input.requiredString("ProjectArn")
        let status = try datasetManagement(backend).deleteProject(arn: arn)
        return .object(["Status": .string(status)])
    }
}
