import CustomLabels

/// DescribeProjects: every project (`ProjectNames` narrows the list), `MaxResults` (1–100) at a
/// time with `NextToken`.
public struct DescribeProjectsOperation: RekognitionOperation {
    public let name = "DescribeProjects"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let names = try input.optionalStrings("ProjectNames")
        let paging = try PageRequest(input, operation: name)
        let projects = try backend.describeProjects().filter { names?.contains($0.projectName) ?? true }
        let page = paging.page(projects)
        return DescribeProjectsPage(projects: page.items, nextToken: page.nextToken).jsonValue
    }
}
