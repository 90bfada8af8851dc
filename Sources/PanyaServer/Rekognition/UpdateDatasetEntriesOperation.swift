import CustomLabels
import Foundation

/// UpdateDatasetEntries: `DatasetArn`, `Changes.GroundTruth` (a Ground Truth manifest, base64 on the
/// wire) → `{}`; lines add entries or replace the entry with the same `source-ref`.
public struct UpdateDatasetEntriesOperation: RekognitionOperation {
    public let name = "UpdateDatasetEntries"

    public init() {}

    public func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue {
        let arn = try input.requiredString("DatasetArn")
        let text = try input.required("Changes").member("GroundTruth").string()
        guard let manifest = Data(base64Encoded: text) else {
            throw RekognitionFault.serialization("Member 'Changes.GroundTruth' is not valid base64-encoded binary data")
        }
        guard !manifest.isEmpty, manifest.count <= 5_242_880 else {
            throw ServiceError.validationNumber(value: manifest.count, member: "changes.groundTruth",
                                                constraint: "Member must have length between 1 and 5242880")
        }
        try datasetManagement(backend).updateDatasetEntries(arn: arn, manifest: [UInt8](manifest))
        return .object([:])
    }
}
