import PanyaSupport

/// A project's labels and datasets as `dataset` shows them; a dataset not created yet is nil.
public struct ProjectDatasets: Sendable, Equatable {
    /// The project's name.
    public var project: String
    /// The project's labels, in the order added.
    public var labels: [String]
    /// The training dataset's photos, or nil before `dataset create train`.
    public var training: [TrainingPhoto]?
    /// The test dataset's photos, or nil before `dataset create test`.
    public var test: [TrainingPhoto]?

    /// A project's datasets.
    public init(project: String, labels: [String], training: [TrainingPhoto]?, test: [TrainingPhoto]?) {
        self.project = project
        self.labels = labels
        self.training = training
        self.test = test
    }

    /// The photos of one dataset (nil when it was not created).
    public func photos(_ kind: DatasetKind) -> [TrainingPhoto]? {
        kind == .training ? training : test
    }

    /// What training checks and learns from (a dataset not created is empty).
    public var trainingDatasets: TrainingDatasets {
        TrainingDatasets(labels: labels, training: training ?? [], test: test ?? [])
    }
}

/// What `dataset import` did: the photos added and each manifest line left out, with its code.
public struct ManifestImport: Sendable, Equatable {
    /// The photos added (or updated), in the manifest's order.
    public var added: [TrainingPhoto]
    /// Every problem of the manifest, with its line and the service's code.
    public var issues: [ManifestIssue]

    /// An import's outcome.
    public init(added: [TrainingPhoto], issues: [ManifestIssue]) {
        self.added = added
        self.issues = issues
    }
}

/// A trained version's evaluation as the console shows it: the metrics and every test photo's boxes.
public struct TrainedEvaluation: Sendable, Equatable {
    /// The version's ARN.
    public var versionArn: String
    /// Per label, aggregate, and each test photo's boxes marked TP / FP / FN.
    public var evaluation: Evaluation
    /// The `EvaluationSummary-<project>-<version>.json` content.
    public var summaryFile: EvaluationSummaryFile

    /// A version's evaluation.
    public init(versionArn: String, evaluation: Evaluation, summaryFile: EvaluationSummaryFile) {
        self.versionArn = versionArn
        self.evaluation = evaluation
        self.summaryFile = summaryFile
    }
}

/// A backend that builds models (the mock, with panya's own engine; AWS): the datasets are
/// prepared on a ``DatasetWorkbench`` (this backend's own, or one it was given), and on top of
/// it the model-building steps: CreateProject, CreateDataset from a manifest object, training as
/// CreateProjectVersion, deleting a version, and the evaluation of a trained version.
public protocol ModelTraining: CustomLabelsBackend, DatasetWorkbench {
    /// CreateProject; the new project becomes the current one.
    func createProject(name: String) throws -> ProjectDescription
    /// CreateDataset from a Ground Truth manifest object whose `source-ref`s are `s3://` objects
    /// of the bucket folder; all or nothing (any problem line refuses it). Returns the DatasetArn.
    func createDataset(project: String, kind: DatasetKind, manifest: S3Location) throws -> (datasetArn: String, imported: ManifestImport)
    /// CreateProjectVersion: checks the datasets, trains and evaluates at once, and returns the
    /// new version (TRAINING_IN_PROGRESS on the clock, or TRAINING_FAILED with its StatusMessage);
    /// with `output`, the evaluation summary is written under its prefix in the bucket folder.
    func train(project: String, versionName: String?, output: OutputConfig?) throws -> ProjectVersionDescription
    /// DeleteProjectVersion of a trained version (not RUNNING, STARTING, STOPPING or training); returns DELETING.
    func deleteProjectVersion(arn: String) throws -> VersionStatus
    /// Why a version failed to train, in both languages (nil when it did not fail).
    func trainingFailure(versionArn: String) throws -> Message?
    /// The evaluation of a trained version (nil for a recorded one or a failed training).
    func trainedEvaluation(versionArn: String) throws -> TrainedEvaluation?
}

extension ModelTraining {
    /// CreateProjectVersion without an output location (`panya train`).
    public func train(project: String, versionName: String?) throws -> ProjectVersionDescription {
        try train(project: project, versionName: versionName, output: nil)
    }
}
