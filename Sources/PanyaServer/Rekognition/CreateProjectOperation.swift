import CustomLabels
import Workbench

/// CreateProject: `ProjectName` (required) → `{"ProjectArn"}`; a name in use is
/// ResourceInUseException, a name off the service's pattern a ValidationException.
public struct CreateProjectOperation: RekognitionOperation {
    public let name = "CreateProject"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let projectName = try input.requiredString("ProjectName")
        _ = try input.optional("Feature")?.string()
        _ = try input.optional("AutoUpdate")?.string()
        let trainer = try modelTraining(backend)
        do {
            let project = try trainer.createProject(name: projectName)
            return .object(["ProjectArn": .string(project.projectArn)])
        } catch WorkbenchError.invalidProjectName(let name) {
            throw ServiceError.validation(value: name, member: "projectName",
                                          constraint: #"Member must satisfy regular expression pattern: [a-zA-Z0-9_.\-]+"#)
        }
    }
}
