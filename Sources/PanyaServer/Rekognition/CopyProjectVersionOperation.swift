import CustomLabels

/// CopyProjectVersion: `SourceProjectArn`, `SourceProjectVersionArn`, `DestinationProjectArn`,
/// `VersionName`, `OutputConfig` → `{"ProjectVersionArn"}`: a version trained offline, copied.
public struct CopyProjectVersionOperation: RekognitionOperation {
    public let name = "CopyProjectVersion"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let sourceProject = try input.requiredString("SourceProjectArn")
        let sourceVersion = try input.requiredString("SourceProjectVersionArn")
        let destination = try input.requiredString("DestinationProjectArn")
        let versionName = try input.requiredString("VersionName")
        let output = try OutputConfig(json: try input.required("OutputConfig"))
        _ = try input.optional("KmsKeyId")?.string()
        let tags = try TagInput.read(input, key: "Tags")
        let management = try datasetManagement(backend)
        let arn = try management.copyProjectVersion(sourceProjectArn: sourceProject, sourceVersionArn: sourceVersion,
                                                    destinationProjectArn: destination, versionName: versionName, output: output)
        if let tags, !tags.isEmpty { try resourceAnnotations(backend).tagResource(arn: arn, tags: tags) }
        return .object(["ProjectVersionArn": .string(arn)])
    }
}
