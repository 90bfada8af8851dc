import CustomLabels

/// A recorded project (`projects/<ProjectName>.json`): its versions, labels, thresholds and metrics.
public struct ProjectRecording: Sendable, Equatable {
    public var projectName: String
    public var projectArn: ProjectArn
    public var versions: [VersionRecording]
    /// The file it was read from, relative to the recordings folder.
    public var file: String

    public init(projectName: String, projectArn: ProjectArn, versions: [VersionRecording], file: String) {
        self.projectName = projectName
        self.projectArn = projectArn
        self.versions = versions
        self.file = file
    }

    /// DescribeProjects' view of it.
    public var description: ProjectDescription {
        ProjectDescription(projectName: projectName, projectArn: projectArn.description,
                           creationTimestamp: Double(projectArn.creationMillis) / 1000, status: "CREATED")
    }
}

/// One recorded model version of a project.
public struct VersionRecording: Sendable, Equatable {
    public var versionName: String
    public var arn: ProjectVersionArn
    /// As recorded; `TRAINING_COMPLETED` means "trained and stopped".
    public var status: VersionStatus
    public var billableTrainingTimeInSeconds: Int?
    public var trainingImages: Int?
    public var testingImages: Int?
    public var f1Score: Double?
    public var precision: Double?
    public var recall: Double?
    /// Per label: assumed threshold and metrics, in the file's order.
    public var labels: [LabelEvaluation]

    public init(versionName: String, arn: ProjectVersionArn, status: VersionStatus, billableTrainingTimeInSeconds: Int?,
                trainingImages: Int?, testingImages: Int?, f1Score: Double?, precision: Double?, recall: Double?, labels: [LabelEvaluation]) {
        self.versionName = versionName
        self.arn = arn
        self.status = status
        self.billableTrainingTimeInSeconds = billableTrainingTimeInSeconds
        self.trainingImages = trainingImages
        self.testingImages = testingImages
        self.f1Score = f1Score
        self.precision = precision
        self.recall = recall
        self.labels = labels
    }

    /// Assumed threshold (0–1) per label name.
    public var thresholds: [String: Double] {
        Dictionary(labels.map { ($0.label, $0.threshold) }, uniquingKeysWith: { first, _ in first })
    }

    /// The evaluation as the `evaluation` command shows it.
    public var evaluation: EvaluationSummary {
        EvaluationSummary(f1Score: f1Score, precision: precision, recall: recall, trainingImages: trainingImages,
                          testingImages: testingImages, labels: labels)
    }
}

/// What one model version saw in one photo (`detections/<anything>.json`): every candidate,
/// unfiltered.
public struct DetectionRecording: Sendable, Equatable {
    /// The photo's file name as written (for people; matching uses the hash).
    public var photoFile: String
    /// Lower-case hex SHA-256 of the photo's bytes.
    public var sha256: String
    public var width: Int
    public var height: Int
    public var versionArn: ProjectVersionArn
    /// Every candidate, as the service returns them with MinConfidence 0.
    public var candidates: [CustomLabel]
    /// The file it was read from, relative to the recordings folder.
    public var file: String

    public init(photoFile: String, sha256: String, width: Int, height: Int, versionArn: ProjectVersionArn, candidates: [CustomLabel], file: String) {
        self.photoFile = photoFile
        self.sha256 = sha256
        self.width = width
        self.height = height
        self.versionArn = versionArn
        self.candidates = candidates
        self.file = file
    }
}
