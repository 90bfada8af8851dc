import PanyaSupport

/// A dataset ARN: `arn:aws:rekognition:<region>:<account>:project/<name>/dataset/<train|test>/<epoch-ms>`.
public struct DatasetArn: Sendable, Hashable, CustomStringConvertible {
    public var partition: String
    public var region: String
    public var account: String
    public var projectName: String
    public var kind: DatasetKind
    /// When the dataset was created, in milliseconds since 1970.
    public var creationMillis: Int64

    /// The service's pattern for dataset ARNs.
    public static let pattern = "(^arn:[a-z\\d-]+:rekognition:[a-z\\d-]+:\\d{12}:project\\/[a-zA-Z0-9_.\\-]{1,255}\\/dataset\\/(train|test)\\/[0-9]+$)"

    /// Builds an ARN from its parts.
    public init(partition: String = "aws", region: String, account: String = ArnSyntax.placeholderAccount, projectName: String,
                kind: DatasetKind, creationMillis: Int64) {
        self.partition = partition
        self.region = region
        self.account = account
        self.projectName = projectName
        self.kind = kind
        self.creationMillis = creationMillis
    }

    /// Reads a dataset ARN; nil when `text` is not one.
    public init?(_ text: String) {
        guard let head = ArnSyntax.head(text), head.resource.count == 5, head.resource[0] == "project",
              ArnSyntax.isName(head.resource[1]), head.resource[2] == "dataset", let kind = DatasetKind(rawValue: String(head.resource[3])),
              let millis = ArnSyntax.millis(head.resource[4]) else { return nil }
        self.init(partition: head.partition, region: head.region, account: head.account, projectName: String(head.resource[1]),
                  kind: kind, creationMillis: millis)
    }

    /// Reads a dataset ARN or throws the service's `ValidationException` for `member`.
    public static func parse(_ text: String, member: String = "datasetArn") throws -> DatasetArn {
        guard let arn = DatasetArn(text) else {
            throw ServiceError.validation(value: text, member: member, constraint: "Member must satisfy regular expression pattern: \(pattern)")
        }
        return arn
    }

    public var description: String {
        "arn:\(partition):rekognition:\(region):\(account):project/\(projectName)/dataset/\(kind.rawValue)/\(creationMillis)"
    }
}

/// DescribeDataset's `DatasetDescription`.
public struct DatasetDescription: Sendable, Equatable {
    public var creationTimestamp: Double
    public var lastUpdatedTimestamp: Double
    /// `CREATE_COMPLETE`, `UPDATE_COMPLETE` …
    public var status: String
    public var statusMessage: String
    /// `SUCCESS`, `SERVICE_ERROR`, `CLIENT_ERROR`.
    public var statusMessageCode: String
    public var labeledEntries: Int
    public var totalEntries: Int
    public var totalLabels: Int
    public var errorEntries: Int

    public init(creationTimestamp: Double, lastUpdatedTimestamp: Double, status: String, statusMessage: String, statusMessageCode: String,
                labeledEntries: Int, totalEntries: Int, totalLabels: Int, errorEntries: Int) {
        self.creationTimestamp = creationTimestamp
        self.lastUpdatedTimestamp = lastUpdatedTimestamp
        self.status = status
        self.statusMessage = statusMessage
        self.statusMessageCode = statusMessageCode
        self.labeledEntries = labeledEntries
        self.totalEntries = totalEntries
        self.totalLabels = totalLabels
        self.errorEntries = errorEntries
    }

    /// The wire form, members in the service model's order.
    public var jsonValue: JSONValue {
        .object(["CreationTimestamp": .double(creationTimestamp), "LastUpdatedTimestamp": .double(lastUpdatedTimestamp),
                 "Status": .string(status), "StatusMessage": .string(statusMessage), "StatusMessageCode": .string(statusMessageCode),
                 "DatasetStats": .object(["LabeledEntries": .int(labeledEntries), "TotalEntries": .int(totalEntries),
                                          "TotalLabels": .int(totalLabels), "ErrorEntries": .int(errorEntries)])])
    }
}

/// One entry of a dataset as ListDatasetEntries gives it: its Ground Truth manifest line, and
/// what the filters look at.
public struct DatasetEntryLine: Sendable, Equatable {
    /// The JSON line.
    public var line: String
    public var sourceRef: String
    /// The labels its boxes carry.
    public var labels: Set<String>

    public init(line: String, sourceRef: String, labels: Set<String>) {
        self.line = line
        self.sourceRef = sourceRef
        self.labels = labels
    }
}

/// One label of a dataset with how many entries and boxes carry it (ListDatasetLabels).
public struct DatasetLabelStats: Sendable, Equatable {
    public var name: String
    public var entryCount: Int
    public var boxCount: Int

    public init(name: String, entryCount: Int, boxCount: Int) {
        self.name = name
        self.entryCount = entryCount
        self.boxCount = boxCount
    }

    /// `{"LabelName", "LabelStats": {"EntryCount", "BoundingBoxCount"}}`.
    public var jsonValue: JSONValue {
        .object(["LabelName": .string(name), "LabelStats": .object(["EntryCount": .int(entryCount), "BoundingBoxCount": .int(boxCount)])])
    }
}

/// A backend whose projects and datasets can be managed by ARN, as the service's dataset
/// operations do (the mock: the same store the shell's `dataset` commands use).
public protocol DatasetManagement: CustomLabelsBackend {
    /// The ARN of a dataset the project has.
    func datasetArn(project: String, kind: DatasetKind) throws -> String
    /// The datasets a project has, as DescribeProjects lists them (`Datasets`); reads only.
    func datasetMetadata(projectName: String) throws -> [JSONValue]
    /// DeleteProject: a project with versions is ResourceInUseException; returns `DELETING`.
    func deleteProject(arn: String) throws -> String
    /// DescribeDataset.
    func describeDataset(arn: String) throws -> DatasetDescription
    /// DeleteDataset.
    func deleteDataset(arn: String) throws
    /// Every entry of the dataset, in the order added.
    func datasetEntries(arn: String) throws -> [DatasetEntryLine]
    /// Every label of the dataset's project with its counts in this dataset.
    func datasetLabels(arn: String) throws -> [DatasetLabelStats]
    /// UpdateDatasetEntries: adds the manifest's lines (or updates the entries with the same source-ref).
    func updateDatasetEntries(arn: String, manifest: [UInt8]) throws
    /// DistributeDatasetEntries: moves a fifth of the training dataset's entries to the (empty) test dataset.
    func distributeDatasetEntries(arns: [String]) throws
    /// CopyProjectVersion: a trained version copied into another (or the same) project; returns the new ARN.
    func copyProjectVersion(sourceProjectArn: String, sourceVersionArn: String, destinationProjectArn: String, versionName: String,
                            output: OutputConfig) throws -> String
}

/// A project policy (PutProjectPolicy, ListProjectPolicies).
public struct ProjectPolicy: Sendable, Equatable {
    public var projectArn: String
    public var policyName: String
    public var revisionId: String
    public var document: String
    public var creationTimestamp: Double
    public var lastUpdatedTimestamp: Double

    public init(projectArn: String, policyName: String, revisionId: String, document: String, creationTimestamp: Double, lastUpdatedTimestamp: Double) {
        self.projectArn = projectArn
        self.policyName = policyName
        self.revisionId = revisionId
        self.document = document
        self.creationTimestamp = creationTimestamp
        self.lastUpdatedTimestamp = lastUpdatedTimestamp
    }

    /// The wire form, members in the service model's order.
    public var jsonValue: JSONValue {
        .object(["ProjectArn": .string(projectArn), "PolicyName": .string(policyName), "PolicyRevisionId": .string(revisionId),
                 "PolicyDocument": .string(document), "CreationTimestamp": .double(creationTimestamp),
                 "LastUpdatedTimestamp": .double(lastUpdatedTimestamp)])
    }
}

/// A backend that keeps tags on its resources and policies on its projects.
public protocol ResourceAnnotations: CustomLabelsBackend {
    /// PutProjectPolicy; returns the new revision id.
    func putProjectPolicy(projectArn: String, name: String, revisionId: String?, document: String) throws -> String
    /// ListProjectPolicies (by name).
    func projectPolicies(projectArn: String) throws -> [ProjectPolicy]
    /// DeleteProjectPolicy.
    func deleteProjectPolicy(projectArn: String, name: String, revisionId: String?) throws
    /// TagResource.
    func tagResource(arn: String, tags: [(key: String, value: String)]) throws
    /// UntagResource.
    func untagResource(arn: String, keys: [String]) throws
    /// ListTagsForResource, sorted by key.
    func tags(arn: String) throws -> [(key: String, value: String)]
}
