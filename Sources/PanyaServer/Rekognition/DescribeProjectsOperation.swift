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
        let management = backend.datasets
        var items: [JSONValue] = []
        for project in page.items {
            guard case .object(var object) = project.jsonValue else { continue }
            // Each project's datasets, as the service lists them (a retraining client finds their ARNs here).
            if let datasets = try management?.datasetMetadata(projectName: project.projectName), !datasets.isEmpty {
                object.append("Datasets", .array(datasets))
            }
            items.append(.object(object))
        }
        var answer: JSONObject = ["ProjectDescriptions": .array(items)]
        answer.append("NextToken", page.nextToken.map(JSONValue.string))
        return .object(answer)
    }
}
