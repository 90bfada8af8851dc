import GRDB
import PanyaStore

/// A version made by `train` (the simulator's CreateProjectVersion): its status inputs, the
/// trained model and its evaluation, as data; the record ``TrainedVersionStore`` reads and writes.
public struct TrainedVersion: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
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

    /// A trained version.
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

    /// A stored version, read checked (times, counts and training seconds panya writes).
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
