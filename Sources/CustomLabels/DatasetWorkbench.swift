import PanyaSupport

/// Where a student prepares what a model is built from, locally on every backend: projects'
/// datasets, labels, photos, boxes, manifests and the engine's proposals. No call to a service.
/// Photo paths are as the caller resolved them; the workbench reads and remembers their bytes' facts.
public protocol DatasetWorkbench {
    /// Makes a project on the workbench; it becomes the current one.
    func createProject(name: String) throws -> ProjectDescription
    /// Makes a project made with ``createProject(name:)`` the current one.
    func useProject(name: String) throws -> ProjectDescription
    /// The project `dataset`, `boxes` and `train` work on; throws when there is none.
    func currentTrainingProject() throws -> String
    /// Makes the project's `kind` dataset (empty).
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
}

extension DatasetWorkbench {
    /// Replaces every box of a dataset photo with `boxes` (their labels in the project, each on
    /// the photo); returns the photo. By default box by box; a workbench may do it in one write.
    public func replaceBoxes(project: String, path: String, boxes: [LabelledBox]) throws -> TrainingPhoto {
        var photo = try datasetPhoto(project: project, path: path).photo
        for _ in photo.boxes { photo = try removeBox(project: project, path: path, number: 1) }
        for box in boxes { photo = try addBox(project: project, path: path, box: box) }
        return photo
    }
}

/// A backend that builds models elsewhere but prepares datasets on a ``DatasetWorkbench`` it was
/// given: every workbench step is the workbench's, unchanged (the backend writes only what differs,
/// such as `createProject` on the service).
public protocol WorkbenchModelTraining: ModelTraining {
    /// The workbench datasets are prepared on, or the error saying this backend has none.
    func datasetWorkbench() throws -> any DatasetWorkbench
}

extension WorkbenchModelTraining {
    /// The workbench's project (no call).
    public func createProject(name: String) throws -> ProjectDescription { try datasetWorkbench().createProject(name: name) }
    /// The workbench's (no call).
    public func useProject(name: String) throws -> ProjectDescription { try datasetWorkbench().useProject(name: name) }
    /// The workbench's (no call).
    public func currentTrainingProject() throws -> String { try datasetWorkbench().currentTrainingProject() }
    /// The workbench's (no call).
    public func createDataset(project: String, kind: DatasetKind) throws { try datasetWorkbench().createDataset(project: project, kind: kind) }
    /// The workbench's (no call).
    public func datasets(project: String) throws -> ProjectDatasets { try datasetWorkbench().datasets(project: project) }
    /// The workbench's (no call).
    public func addLabels(project: String, _ names: [String]) throws -> [String] { try datasetWorkbench().addLabels(project: project, names) }
    /// The workbench's (no call).
    public func removeLabels(project: String, _ names: [String]) throws -> [(label: String, boxes: Int)] {
        try datasetWorkbench().removeLabels(project: project, names)
    }
    /// The workbench's (no call).
    public func addPhotos(project: String, kind: DatasetKind, paths: [String], label: String?) throws -> [TrainingPhoto] {
        try datasetWorkbench().addPhotos(project: project, kind: kind, paths: paths, label: label)
    }
    /// The workbench's (no call).
    public func importManifest(project: String, kind: DatasetKind, path: String) throws -> ManifestImport {
        try datasetWorkbench().importManifest(project: project, kind: kind, path: path)
    }
    /// The workbench's (no call).
    public func exportManifest(project: String, kind: DatasetKind, relativeTo directory: String?) throws -> String {
        try datasetWorkbench().exportManifest(project: project, kind: kind, relativeTo: directory)
    }
    /// The workbench's (no call).
    public func removePhoto(project: String, kind: DatasetKind, path: String) throws {
        try datasetWorkbench().removePhoto(project: project, kind: kind, path: path)
    }
    /// The workbench's (no call).
    public func proposals(photoPath: String) throws -> [BoundingBox] { try datasetWorkbench().proposals(photoPath: photoPath) }
    /// The workbench's (no call).
    public func datasetPhoto(project: String, path: String) throws -> (kind: DatasetKind, photo: TrainingPhoto) {
        try datasetWorkbench().datasetPhoto(project: project, path: path)
    }
    /// The workbench's (no call).
    public func addBox(project: String, path: String, box: LabelledBox) throws -> TrainingPhoto {
        try datasetWorkbench().addBox(project: project, path: path, box: box)
    }
    /// The workbench's (no call).
    public func removeBox(project: String, path: String, number: Int) throws -> TrainingPhoto {
        try datasetWorkbench().removeBox(project: project, path: path, number: number)
    }
    /// The workbench's (no call; in one write when the workbench does it so).
    public func replaceBoxes(project: String, path: String, boxes: [LabelledBox]) throws -> TrainingPhoto {
        try datasetWorkbench().replaceBoxes(project: project, path: path, boxes: boxes)
    }
}
