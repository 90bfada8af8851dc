import CustomLabels

/// ListDatasetEntries: `DatasetArn`, filters (`ContainsLabels`, `Labeled`, `SourceRefContains`,
/// `HasErrors`) → `{"DatasetEntries": [JSON line …], "NextToken"?}`, `MaxResults` (1–100) at a time.
public struct ListDatasetEntriesOperation: RekognitionOperation {
    public let name = "ListDatasetEntries"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let arn = try input.requiredString("DatasetArn")
        let containsLabels = try input.optionalStrings("ContainsLabels")
        let labeled = try input.optional("Labeled")?.bool()
        let sourceRefContains = try input.optional("SourceRefContains")?.string()
        let hasErrors = try input.optional("HasErrors")?.bool()
        let paging = try PageRequest(input, operation: name)
        let entries = try datasetManagement(backend).datasetEntries(arn: arn).filter { entry in
            if let containsLabels, entry.labels.isDisjoint(with: containsLabels) { return false }
            if let labeled, labeled == entry.labels.isEmpty { return false }
            if let sourceRefContains, !entry.sourceRef.contains(sourceRefContains) { return false }
            // panya keeps no entry with errors (a manifest with errors is refused whole).
            if hasErrors == true { return false }
            return true
        }
        let page = paging.page(entries)
        var object: JSONObject = ["DatasetEntries": .array(page.items.map { .string($0.line) })]
        object.append("NextToken", page.nextToken.map(JSONValue.string))
        return .object(object)
    }
}
