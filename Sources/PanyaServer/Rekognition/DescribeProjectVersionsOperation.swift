import CustomLabels

/// DescribeProjectVersions: `ProjectArn` (required), `VersionNames` → the versions, newest first,
/// with their current status (what boto3's `project_version_running` waiter polls).
public struct DescribeProjectVersionsOperation: RekognitionOperation {
    public let name = "DescribeProjectVersions"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let projectArn = try input.requiredString("ProjectArn")
        let names = try input.optionalStrings("VersionNames")
        _ = try input.optionalInt("MaxResults")
        let versions = try backend.describeProjectVersions(projectArn: projectArn, versionNames: names)
        return DescribeProjectVersionsPage(versions: versions).jsonValue
    }
}
