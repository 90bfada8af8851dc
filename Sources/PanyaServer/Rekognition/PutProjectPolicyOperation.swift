import CustomLabels

/// PutProjectPolicy: `ProjectArn`, `PolicyName`, `PolicyRevisionId`?, `PolicyDocument` → `{"PolicyRevisionId"}`.
public struct PutProjectPolicyOperation: RekognitionOperation {
    public let name = "PutProjectPolicy"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let arn = try input.requiredString("ProjectArn")
        let policyName = try PolicyInput.name(input)
        let revision = try PolicyInput.revision(input)
        let document = try input.requiredString("PolicyDocument")
        guard (1...2000).contains(document.count) else {
            throw ServiceError.validationNumber(value: document.count, member: "policyDocument", constraint: "Member must have length between 1 and 2000")
        }
        let id = try resourceAnnotations(backend).putProjectPolicy(projectArn: arn, name: policyName, revisionId: revision, document: document)
        return .object(["PolicyRevisionId": .string(id)])
    }
}
