/// A bounding box as ratios of the image, in the service's key order: Width, Height, Left, Top.
public struct BoundingBox: Sendable, Equatable, Hashable {
    public var width: Double
    public var height: Double
    public var left: Double
    public var top: Double

    public init(width: Double, height: Double, left: Double, top: Double) {
        self.width = width
        self.height = height
        self.left = left
        self.top = top
    }
}

/// One label the model found: `{"Name", "Confidence", "Geometry": {"BoundingBox": …}}`.
public struct CustomLabel: Sendable, Equatable {
    public var name: String
    /// 0–100.
    public var confidence: Double
    /// nil for image-level (classification) labels.
    public var boundingBox: BoundingBox?

    public init(name: String, confidence: Double, boundingBox: BoundingBox?) {
        self.name = name
        self.confidence = confidence
        self.boundingBox = boundingBox
    }
}

/// Where the photo comes from: its bytes, or an S3 object.
public enum ImageSource: Sendable, Equatable {
    case bytes([UInt8])
    case s3Object(bucket: String, name: String, version: String?)
}

/// A DetectCustomLabels request.
public struct DetectCustomLabelsRequest: Sendable, Equatable {
    public var projectVersionArn: String
    public var image: ImageSource
    public var maxResults: Int?
    public var minConfidence: Double?
    /// How the user named the photo (a path or `s3://…`), for messages; never sent.
    public var photoName: String?
    /// The SHA-256 (lowercase hex) of a `.bytes` image when the caller has computed it already —
    /// `panya serve` does, before the backend's lock; never sent.
    public var imageSHA256: String?

    public init(projectVersionArn: String, image: ImageSource, maxResults: Int? = nil, minConfidence: Double? = nil, photoName: String? = nil,
                imageSHA256: String? = nil) {
        self.photoName = photoName
        self.imageSHA256 = imageSHA256
        self.projectVersionArn = projectVersionArn
        self.image = image
        self.maxResults = maxResults
        self.minConfidence = minConfidence
    }
}

/// A DetectCustomLabels response: `{"CustomLabels": [...]}`, already filtered and ordered.
public struct DetectCustomLabelsResponse: Sendable, Equatable {
    public var customLabels: [CustomLabel]

    public init(customLabels: [CustomLabel]) {
        self.customLabels = customLabels
    }
}

/// The status of a model version (every status the service reports).
public enum VersionStatus: String, Sendable, CaseIterable, Equatable {
    case trainingInProgress = "TRAINING_IN_PROGRESS"
    case trainingCompleted = "TRAINING_COMPLETED"
    case trainingFailed = "TRAINING_FAILED"
    case starting = "STARTING"
    case running = "RUNNING"
    case failed = "FAILED"
    case stopping = "STOPPING"
    case stopped = "STOPPED"
    case deleting = "DELETING"
    case copyingInProgress = "COPYING_IN_PROGRESS"
    case copyingCompleted = "COPYING_COMPLETED"
    case copyingFailed = "COPYING_FAILED"
    case deprecated = "DEPRECATED"
    case expired = "EXPIRED"
}

/// A project as DescribeProjects answers it.
public struct ProjectDescription: Sendable, Equatable {
    public var projectName: String
    public var projectArn: String
    /// Seconds since 1970.
    public var creationTimestamp: Double?
    public var status: String?

    public init(projectName: String, projectArn: String, creationTimestamp: Double? = nil, status: String? = nil) {
        self.projectName = projectName
        self.projectArn = projectArn
        self.creationTimestamp = creationTimestamp
        self.status = status
    }
}

/// Per-label evaluation metrics (the evaluation summary's LabelEvaluationResults).
public struct LabelEvaluation: Sendable, Equatable {
    public var label: String
    /// The assumed threshold, 0–1.
    public var threshold: Double
    public var f1Score: Double?
    public var precision: Double?
    public var recall: Double?
    public var testingImages: Int?

    public init(label: String, threshold: Double, f1Score: Double? = nil, precision: Double? = nil, recall: Double? = nil, testingImages: Int? = nil) {
        self.label = label
        self.threshold = threshold
        self.f1Score = f1Score
        self.precision = precision
        self.recall = recall
        self.testingImages = testingImages
    }
}

/// A model version as DescribeProjectVersions answers it, plus the evaluation when known.
public struct ProjectVersionDescription: Sendable, Equatable {
    public var projectVersionArn: String
    public var versionName: String
    public var status: VersionStatus
    public var statusMessage: String?
    /// Seconds since 1970.
    public var creationTimestamp: Double?
    public var minInferenceUnits: Int?
    public var billableTrainingTimeInSeconds: Int?
    public var trainingImages: Int?
    public var testingImages: Int?
    /// Overall F1 (EvaluationResult.F1Score).
    public var f1Score: Double?
    /// Per-label metrics and assumed thresholds; empty when unknown.
    public var labels: [LabelEvaluation]
    /// Where the evaluation summary lives (bucket, key), when the service says.
    public var evaluationSummaryS3: (bucket: String, key: String)?
    /// Where CreateProjectVersion was told to write its results (`OutputConfig`).
    public var outputConfig: OutputConfig?

    public init(projectVersionArn: String, versionName: String, status: VersionStatus, statusMessage: String? = nil,
                creationTimestamp: Double? = nil, minInferenceUnits: Int? = nil, billableTrainingTimeInSeconds: Int? = nil,
                trainingImages: Int? = nil, testingImages: Int? = nil, f1Score: Double? = nil, labels: [LabelEvaluation] = [],
                evaluationSummaryS3: (bucket: String, key: String)? = nil, outputConfig: OutputConfig? = nil) {
        self.projectVersionArn = projectVersionArn
        self.versionName = versionName
        self.status = status
        self.statusMessage = statusMessage
        self.creationTimestamp = creationTimestamp
        self.minInferenceUnits = minInferenceUnits
        self.billableTrainingTimeInSeconds = billableTrainingTimeInSeconds
        self.trainingImages = trainingImages
        self.testingImages = testingImages
        self.f1Score = f1Score
        self.labels = labels
        self.evaluationSummaryS3 = evaluationSummaryS3
        self.outputConfig = outputConfig
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.projectVersionArn == b.projectVersionArn && a.versionName == b.versionName && a.status == b.status
            && a.statusMessage == b.statusMessage && a.creationTimestamp == b.creationTimestamp
            && a.minInferenceUnits == b.minInferenceUnits && a.billableTrainingTimeInSeconds == b.billableTrainingTimeInSeconds
            && a.trainingImages == b.trainingImages && a.testingImages == b.testingImages && a.f1Score == b.f1Score
            && a.labels == b.labels && a.evaluationSummaryS3?.bucket == b.evaluationSummaryS3?.bucket
            && a.evaluationSummaryS3?.key == b.evaluationSummaryS3?.key && a.outputConfig == b.outputConfig
    }
}
