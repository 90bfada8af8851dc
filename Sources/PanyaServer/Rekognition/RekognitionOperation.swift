import CustomLabels
import MockBackend
import PanyaSupport

/// One Rekognition operation the server answers: its name (after `RekognitionService.`) and how
/// it turns the request's JSON into the answer's JSON through the backend. Adding an operation
/// is one file with one of these and one line in ``RekognitionOperations/all``.
public protocol RekognitionOperation: Sendable {
    /// `DetectCustomLabels`, `StartProjectVersion` …
    var name: String { get }
    /// The answer's JSON; throws `ServiceError`/`RekognitionFault` (or the backend's errors).
    func respond(to input: OperationInput, backend: any CustomLabelsBackend) throws -> JSONValue
    /// Reads `input` outside the backend's lock (decoding, size checks) and returns the call that
    /// needs the backend, so concurrent requests overlap in what they can do alone. The default
    /// does all of ``respond(to:backend:)`` inside the lock.
    func prepare(_ input: OperationInput) throws -> @Sendable (any CustomLabelsBackend) throws -> JSONValue
}

extension RekognitionOperation {
    public func prepare(_ input: OperationInput) throws -> @Sendable (any CustomLabelsBackend) throws -> JSONValue {
        { backend in try respond(to: input, backend: backend) }
    }

    /// The backend's model building, or the service's answer for an operation this backend lacks.
    func modelTraining(_ backend: any CustomLabelsBackend) throws -> any ModelTraining {
        guard let trainer = backend.training else {
            throw RekognitionFault(code: "UnknownOperationException", status: 400, serviceMessage: "",
                                   detail: "this backend does not build models (\(name))")
        }
        return trainer
    }

    /// The backend's dataset management, or the service's answer for an operation this backend lacks.
    func datasetManagement(_ backend: any CustomLabelsBackend) throws -> any DatasetManagement {
        guard let management = backend.datasets else {
            throw RekognitionFault(code: "UnknownOperationException", status: 400, serviceMessage: "",
                                   detail: "this backend does not manage datasets (\(name))")
        }
        return management
    }

    /// The backend's tags and policies, or the service's answer for an operation this backend lacks.
    func resourceAnnotations(_ backend: any CustomLabelsBackend) throws -> any ResourceAnnotations {
        guard let annotations = backend.resourceAnnotations else {
            throw RekognitionFault(code: "UnknownOperationException", status: 400, serviceMessage: "",
                                   detail: "this backend keeps no tags or policies (\(name))")
        }
        return annotations
    }

    /// The name of the project `arn` names (ResourceNotFoundException when no project has this ARN).
    func trainingProject(arn: String, backend: any CustomLabelsBackend) throws -> String {
        let parsed = try ProjectArn.parse(arn)
        guard try backend.describeProjects().contains(where: { $0.projectArn == arn }) else { throw ServiceError.projectNotFound(arn) }
        return parsed.projectName
    }
}

/// The operations `panya serve` has, by name.
public enum RekognitionOperations {
    /// Every operation, in the order `--help` and the docs list them.
    public static let all: [any RekognitionOperation] = [
        DetectCustomLabelsOperation(),
        DescribeProjectsOperation(),
        DescribeProjectVersionsOperation(),
        StartProjectVersionOperation(),
        StopProjectVersionOperation(),
        CreateProjectOperation(),
        CreateDatasetOperation(),
        CreateProjectVersionOperation(),
        DeleteProjectVersionOperation(),
        DeleteProjectOperation(),
        DescribeDatasetOperation(),
        DeleteDatasetOperation(),
        ListDatasetEntriesOperation(),
        ListDatasetLabelsOperation(),
        UpdateDatasetEntriesOperation(),
        DistributeDatasetEntriesOperation(),
        CopyProjectVersionOperation(),
        PutProjectPolicyOperation(),
        ListProjectPoliciesOperation(),
        DeleteProjectPolicyOperation(),
        TagResourceOperation(),
        UntagResourceOperation(),
        ListTagsForResourceOperation(),
    ]

    /// The operation called `name`, if the server has it.
    public static func named(_ name: String) -> (any RekognitionOperation)? {
        all.first { $0.name == name }
    }
}

/// A request body, read with the service's rules: a missing required member is a
/// `ValidationException`, a member of the wrong type a `SerializationException`.
public struct OperationInput: Sendable {
    /// The body's top-level object.
    public let cursor: JSONCursor

    public init(cursor: JSONCursor) {
        self.cursor = cursor
    }

    /// A required member.
    public func required(_ key: String) throws -> JSONCursor {
        guard let member = try cursor.optionalMember(key), member.value != .null else {
            throw RekognitionFault.fromJSONError(cursor.error(.missingKey(key)))
        }
        return member
    }

    /// An optional member (absent and `null` are the same).
    public func optional(_ key: String) throws -> JSONCursor? {
        guard let member = try cursor.optionalMember(key), member.value != .null else { return nil }
        return member
    }

    /// A required string member.
    public func requiredString(_ key: String) throws -> String { try required(key).string() }

    /// A required whole-number member.
    public func requiredInt(_ key: String) throws -> Int { try required(key).int() }

    /// An optional whole-number member.
    public func optionalInt(_ key: String) throws -> Int? { try optional(key)?.int() }

    /// An optional list of strings.
    public func optionalStrings(_ key: String) throws -> [String]? {
        try optional(key)?.elements().map { try $0.string() }
    }
}
