import CustomLabels

/// DescribeProjects: every project (`ProjectNames` narrows the list) in one page.
public struct DescribeProjectsOperation: RekognitionOperation {
    public let name = "DescribeProjects"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let names = try input.optionalStrings("ProjectNames")
        _ = try input.optionalInt("MaxResults")
        let projects = try backend.describeProjects().filter { names?.contains($0.projectName) ?? true }
        return DescribeProjectsPage(projects: projects).jsonValue
    }
}
