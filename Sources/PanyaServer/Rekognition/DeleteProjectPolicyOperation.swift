import CustomLabels

/// DeleteProjectPolicy: `ProjectArn`, `PolicyName`, `PolicyRevisionId`? → `{}`.
public struct DeleteProjectPolicyOperation: RekognitionOperation {
    public let name = "DeleteProjectPolicy"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let arn = try input.requiredString("ProjectArn")
        let policyName = try PolicyInput.name(input)
        try resourceAnnotations(backend).deleteProjectPolicy(projectArn: arn, name: policyName, revisionId: try PolicyInput.revision(input))
        return .object([:])
    }
}
