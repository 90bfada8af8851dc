import GRDB

/// A project made with `project create` (the mock's CreateProject), as stored.
public struct StoredTrainingProject: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "trainingProject"
    /// The project's name (`ProjectName`).
    public var name: String
    /// Its ARN.
    public var arn: String
    /// When it was made, simulated seconds since 1970.
    public var createdSeconds: Double

    /// A stored project.
    public init(name: String, arn: String, createdSeconds: Double) {
        self.name = name
        self.arn = arn
        self.createdSeconds = createdSeconds
    }

    /// A stored project, checked.
    public init(row: Row) throws {
        let table = Self.databaseTableName
        name = try row.stored("name", of: table)
        arn = try row.stored("arn", of: table)
        createdSeconds = try row.storedSeconds("createdSeconds", of: table)
    }
}

/// One labelled box on a dataset photo, in ratios of the photo.
public struct StoredTrainingBox: Codable, Sendable, Equatable {
    /// The label.
    public var label: String
    /// Left edge, ratio of the width.
    public var left: Double
    /// Top edge, ratio of the height.
    public var top: Double
    /// Width, ratio of the photo's width.
    public var width: Double
    /// Height, ratio of the photo's height.
    public var height: Double

    /// A stored box.
    public init(label: String, left: Double, top: Double, width: Double, height: Double) {
        self.label = label
        self.left = left
        self.top = top
        self.width = width
        self.height = height
    }
}

/// One photo of a dataset: where it is, what its bytes were, and its boxes.
public struct StoredTrainingPhoto: Sendable, Equatable {
    /// The path as stored (absolute when it was added with a relative one).
    public var path: String
    /// SHA-256 of the bytes when added, lower-case hex.
    public var sha256: String
    /// Size in bytes.
    public var byteCount: Int
    /// `jpeg`, `png` or what else the file was.
    public var format: String
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// Its boxes, in the order drawn.
    public var boxes: [StoredTrainingBox]

    /// A stored photo.
    public init(path: String, sha256: String, byteCount: Int, format: String, width: Int, height: Int, boxes: [StoredTrainingBox]) {
        self.path = path
        self.sha256 = sha256
        self.byteCount = byteCount
        self.format = format
        self.width = width
        self.height = height
        self.boxes = boxes
    }
}

/// A version made by `train` (the mock's CreateProjectVersion): its status inputs, the trained
/// model and its evaluation, as data.
public struct StoredTrainedVersion: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "trainedVersion"
    /// The version's ARN.
    public var arn: String
    /// The project's name.
    public var project: String
    /// The version's name.
    public var name: String
    /// When training started, simulated seconds since 1970.
    public var createdSeconds: Double
    /// `TRAINING_COMPLETED` (once the training time has passed) or `TRAINING_FAILED`.
    public var outcome: String
    /// The StatusMessage of a failed training, English.
    public var statusMessageEn: String?
    /// The StatusMessage of a failed training, Japanese.
    public var statusMessageJa: String?
    /// Simulated training time in seconds (also what is billed).
    public var trainingSeconds: Int
    /// Photos in the training dataset.
    public var trainingImages: Int
    /// Photos in the test dataset.
    public var testingImages: Int
    /// The trained model (BreadVision's JSON); nil when training failed.
    public var modelJSON: String?
    /// The evaluation summary file's JSON; nil when training failed.
    public var evaluationJSON: String?
    /// Every test photo's ground truth and predictions (JSON), to show the test results again.
    public var testResultsJSON: String?
    /// CreateProjectVersion's `OutputConfig.S3Bucket` (nil from `panya train`); migration `v5-training-output`.
    public var outputBucket: String?
    /// CreateProjectVersion's `OutputConfig.S3KeyPrefix`.
    public var outputKeyPrefix: String?

    /// A stored version.
    public init(arn: String, project: String, name: String, createdSeconds: Double, outcome: String, statusMessageEn: String?,
                statusMessageJa: String?, trainingSeconds: Int, trainingImages: Int, testingImages: Int, modelJSON: String?,
                evaluationJSON: String?, testResultsJSON: String?, outputBucket: String? = nil, outputKeyPrefix: String? = nil) {
        self.arn = arn
        self.project = project
        self.name = name
        self.createdSeconds = createdSeconds
        self.outcome = outcome
        self.statusMessageEn = statusMessageEn
        self.statusMessageJa = statusMessageJa
        self.trainingSeconds = trainingSeconds
        self.trainingImages = trainingImages
        self.testingImages = testingImages
        self.modelJSON = modelJSON
        self.evaluationJSON = evaluationJSON
        self.testResultsJSON = testResultsJSON
        self.outputBucket = outputBucket
        self.outputKeyPrefix = outputKeyPrefix
    }

    /// The most simulated training seconds a stored version may hold (about 3 years).
    public static let storedTrainingSeconds = 0...100_000_000

    /// A stored version, checked (times, counts and training seconds panya writes).
    public init(row: Row) throws {
        let table = Self.databaseTableName
        arn = try row.stored("arn", of: table)
        project = try row.stored("project", of: table)
        name = try row.stored("name", of: table)
        createdSeconds = try row.storedSeconds("createdSeconds", of: table)
        outcome = try row.stored("outcome", of: table)
        statusMessageEn = try row.storedIfPresent("statusMessageEn", of: table)
        statusMessageJa = try row.storedIfPresent("statusMessageJa", of: table)
        trainingSeconds = try row.storedCount("trainingSeconds", of: table, in: Self.storedTrainingSeconds)
        trainingImages = try row.storedCount("trainingImages", of: table, in: 0...Int(Int32.max))
        testingImages = try row.storedCount("testingImages", of: table, in: 0...Int(Int32.max))
        modelJSON = try row.storedIfPresent("modelJSON", of: table)
        evaluationJSON = try row.storedIfPresent("evaluationJSON", of: table)
        testResultsJSON = try row.storedIfPresent("testResultsJSON", of: table)
        outputBucket = try row.storedIfPresent("outputBucket", of: table)
        outputKeyPrefix = try row.storedIfPresent("outputKeyPrefix", of: table)
    }
}
