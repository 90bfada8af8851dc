import CustomLabels

/// DescribeProjectVersions: `ProjectArn` (required), `VersionNames` → the versions, newest first,
/// with their current status (what boto3's `project_version_running` waiter polls), `MaxResults`
/// (1–100) at a time with `NextToken`.
public struct DescribeProjectVersionsOperation: RekognitionOperation {
    public let name = "DescribeProjectVersions"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let projectArn = try input.requiredString("ProjectArn")
        let names = try input.optionalStrings("VersionNames")
        let paging = try PageRequest(input, operation: name)
        let versions = try backend.describeProjectVersions(projectArn: projectArn, versionNames: names)
        let page = paging.page(versions)
        return DescribeProjectVersionsPage(versions: page.items, nextToken: page.nextToken).jsonValue
    }
}
