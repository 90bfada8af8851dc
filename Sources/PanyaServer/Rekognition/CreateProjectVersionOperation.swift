import CustomLabels

/// CreateProjectVersion: `ProjectArn`, `VersionName`, `OutputConfig` (`S3Bucket`, `S3KeyPrefix`)
/// → `{"ProjectVersionArn"}`. Trains on the project's datasets with panya's engine: the version
/// is TRAINING_IN_PROGRESS on the simulated clock, then TRAINING_COMPLETED (or TRAINING_FAILED).
public struct CreateProjectVersionOperation: RekognitionOperation {
    public let name = "CreateProjectVersion"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let projectArn = try input.requiredString("ProjectArn")
        let versionName = try input.requiredString("VersionName")
        let output = try OutputConfig(json: try input.required("OutputConfig"))
        if try input.optional("TrainingData") != nil || input.optional("TestingData") != nil {
            throw ServiceError.invalidParameter("panya serve trains on the project's datasets (CreateDataset); TrainingData and TestingData are not simulated.")
        }
        let trainer = try modelTraining(backend)
        let project = try trainingProject(arn: projectArn, backend: backend)
        let version = try trainer.train(project: project, versionName: versionName, output: output)
        return .object(["ProjectVersionArn": .string(version.projectVersionArn)])
    }
}
