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

/// A backend that builds models (the mock, with panya's own engine): projects, datasets, labels,
/// boxes, training as CreateProjectVersion, and the evaluation of a trained version.
/// Photo paths are as the caller resolved them; the backend reads and remembers their bytes' facts.
public protocol ModelTraining: CustomLabelsBackend {
    /// CreateProject; the new project becomes the current one.
    func createProject(name: String) throws -> ProjectDescription
    /// Makes a project made with ``createProject(name:)`` the current one.
    func useProject(name: String) throws -> ProjectDescription
    /// The project `dataset`, `boxes` and `train` work on; throws when there is none.
    func currentTrainingProject() throws -> String
    /// CreateDataset (empty).
    func createDataset(project: String, kind: DatasetKind) throws
    /// The project's labels and datasets.
    func datasets(project: String) throws -> ProjectDatasets
    /// Adds labels to the project; returns every label.
    func addLabels(project: String, _ names: [String]) throws -> [String]
    /// Removes labels from the project, each with every box that carries it (a mistyped label);
    /// returns, per label in order, how many boxes went with it. Throws for a name that is not a label.
    func removeLabels(project: String, _ names: [String]) throws -> [(label: String, boxes: Int)]
    /// Adds photos to a dataset; with `label`, every proposed box of each photo gets that label.
    func addPhotos(project: String, kind: DatasetKind, paths: [String], label: String?) throws -> [TrainingPhoto]
    /// Reads a Ground Truth manifest into a dataset (bad lines are left out and reported).
    func importManifest(project: String, kind: DatasetKind, path: String) throws -> ManifestImport
    /// The dataset as a Ground Truth manifest (JSON lines); `source-ref`s are relative to
    /// `directory` when the photo is under it (the folder the manifest is written to).
    func exportManifest(project: String, kind: DatasetKind, relativeTo directory: String?) throws -> String
    /// Removes a photo from a dataset.
    func removePhoto(project: String, kind: DatasetKind, path: String) throws
    /// The boxes the engine proposes for a photo (numbered from 1 in this order).
    func proposals(photoPath: String) throws -> [BoundingBox]
    /// The dataset photo at `path` (training first, then test) and which dataset it is in.
    func datasetPhoto(project: String, path: String) throws -> (kind: DatasetKind, photo: TrainingPhoto)
    /// Adds a labelled box to a dataset photo; returns the photo.
    func addBox(project: String, path: String, box: LabelledBox) throws -> TrainingPhoto
    /// Removes box `number` (from 1) of a dataset photo; returns the photo.
    func removeBox(project: String, path: String, number: Int) throws -> TrainingPhoto
    /// Replaces every box of a dataset photo (checked first; nothing half-written); returns the photo.
    func replaceBoxes(project: String, path: String, boxes: [LabelledBox]) throws -> TrainingPhoto
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
    /// Replaces every box of a dataset photo with `boxes` (their labels in the project, each on
    /// the photo); returns the photo. By default box by box; a backend may do it in one write.
    public func replaceBoxes(project: String, path: String, boxes: [LabelledBox]) throws -> TrainingPhoto {
        var photo = try datasetPhoto(project: project, path: path).photo
        for _ in photo.boxes { photo = try removeBox(project: project, path: path, number: 1) }
        for box in boxes { photo = try addBox(project: project, path: path, box: box) }
        return photo
    }

    /// CreateProjectVersion without an output location (`panya train`).
    public func train(project: String, versionName: String?) throws -> ProjectVersionDescription {
        try train(project: project, versionName: versionName, output: nil)
    }
}
