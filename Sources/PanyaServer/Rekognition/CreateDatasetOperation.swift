import CustomLabels

/// CreateDataset: `ProjectArn`, `DatasetType` (`TRAIN`/`TEST`), `DatasetSource.GroundTruthManifest.S3Object`
/// → `{"DatasetArn"}`. The manifest and its `s3://` photos are read from the bucket folder; a copy
/// from another dataset (`DatasetSource.DatasetArn`) is not simulated; without `DatasetSource`
/// the dataset is made empty (UpdateDatasetEntries fills it).
public struct CreateDatasetOperation: RekognitionOperation {
    public let name = "CreateDataset"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let projectArn = try input.requiredString("ProjectArn")
        let type = try input.requiredString("DatasetType")
        let kind: DatasetKind
        switch type {
        case "TRAIN": kind = .training
        case "TEST": kind = .test
        default:
            throw ServiceError.validation(value: type, member: "datasetType", constraint: "Member must satisfy enum value set: [TRAIN, TEST]")
        }
        let source = try input.optional("DatasetSource")
        if let copy = try source?.optionalMember("DatasetArn"), copy.value != .null {
            throw ServiceError.invalidParameter("panya serve does not copy datasets (DatasetSource.DatasetArn); give DatasetSource.GroundTruthManifest.")
        }
        let trainer = try modelTraining(backend)
        let project = try trainingProject(arn: projectArn, backend: backend)
        guard let object = try source?.optionalMember("GroundTruthManifest")?.optionalMember("S3Object") else {
            // No source: an empty dataset, to be filled with UpdateDatasetEntries.
            try trainer.createDataset(project: project, kind: kind)
            return .object(["DatasetArn": .string(try datasetManagement(backend).datasetArn(project: project, kind: kind))])
        }
        let manifest = S3Location(bucket: try object.member("Bucket").string(), key: try object.member("Name").string(),
                                  version: try object.optionalMember("Version")?.string())
        let created = try trainer.createDataset(project: project, kind: kind, manifest: manifest)
        return .object(["DatasetArn": .string(created.datasetArn)])
    }
}
