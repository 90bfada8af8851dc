import CustomLabels

/// ListProjectPolicies: `ProjectArn` → `{"ProjectPolicies": [...], "NextToken"?}`, `MaxResults` (1–5) at a time.
public struct ListProjectPoliciesOperation: RekognitionOperation {
    public let name = "ListProjectPolicies"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let arn = try input.requiredString("ProjectArn")
        let paging = try PageRequest(input, operation: name, maxSize: 5)
        let page = paging.page(try resourceAnnotations(backend).projectPolicies(projectArn: arn))
        var object: JSONObject = ["ProjectPolicies": .array(page.items.map(\.jsonValue))]
        object.append("NextToken", page.nextToken.map(JSONValue.string))
        return .object(object)
    }
}
