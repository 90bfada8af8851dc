import CustomLabels
import PanyaSupport

/// What goes wrong preparing a dataset on the workbench: no project, a dataset or photo not
/// there, a label or box that cannot be used, a manifest that cannot be read. Each says what to
/// type instead.
public enum WorkbenchError: ServiceWordedError, Equatable, CustomStringConvertible {
    /// `dataset`, `boxes` or `train` before `project create`.
    case noProject
    /// `project use` with a name no created project has.
    case unknownProject(String, known: [String])
    /// A project name the service refuses (`[a-zA-Z0-9_.\-]{1,255}`).
    case invalidProjectName(String)
    /// `project create` with a name already taken (a created or a recorded project).
    case projectExists(String)
    /// A command on a dataset that was not created.
    case noDataset(project: String, kind: DatasetKind)
    /// `dataset create` for a dataset the project has.
    case datasetExists(project: String, kind: DatasetKind)
    /// A photo that is in neither dataset of the project.
    case photoNotInDataset(path: String, project: String)
    /// A photo not in that dataset (`dataset remove`).
    case photoNotInThisDataset(path: String, kind: DatasetKind)
    /// A box label that is not one of the project's labels.
    case unknownLabel(String, known: [String])
    /// `dataset label remove NAME` for a name that is not a label.
    case notALabel(String, known: [String])
    /// `boxes remove PHOTO N` beyond the photo's boxes.
    case noSuchBox(number: Int, count: Int, path: String)
    /// A box that is not inside the photo.
    case boxOffPhoto(path: String)
    /// A manifest that cannot be used at all (the whole-manifest codes).
    case unusableManifest(path: String, issues: [ManifestIssue])
    /// A label the text rule refuses (a NUL character, too long): the reason.
    case invalidText(Message)

    public var code: String? {
        switch self {
        case .noProject: return "NoProject"
        case .unknownProject: return "UnknownProject"
        case .invalidProjectName: return "InvalidProjectName"
        case .projectExists: return "ResourceInUseException"
        case .noDataset: return "NoDataset"
        case .datasetExists: return "ResourceAlreadyExistsException"
        case .photoNotInDataset, .photoNotInThisDataset: return "PhotoNotInDataset"
        case .unknownLabel, .notALabel: return "UnknownLabel"
        case .noSuchBox: return "NoSuchBox"
        case .boxOffPhoto: return "InvalidBoundingBox"
        case .unusableManifest: return "UnusableManifest"
        case .invalidText: return "InvalidParameterException"
        }
    }

    /// The service's `__type` for this error over the wire (`panya serve`).
    public var serviceCode: ServiceErrorCode {
        switch self {
        case .projectExists: return .resourceInUse
        case .datasetExists: return .resourceAlreadyExists
        case .noProject, .unknownProject, .noDataset, .photoNotInDataset, .photoNotInThisDataset: return .resourceNotFound
        case .invalidProjectName: return .validation
        case .invalidText, .unknownLabel, .notALabel, .noSuchBox, .boxOffPhoto, .unusableManifest: return .invalidParameter
        }
    }

    public var message: Message { Catalog.workbenchError(self) }

    /// The text that goes on the wire (`panya serve`), worded as the service words its errors.
    public var serviceMessage: String {
        switch self {
        case .noProject: return "No project was specified."
        case .unknownProject(let name, _): return "The project \(name) could not be found."
        case .invalidProjectName(let name):
            return "1 validation error detected: Value '\(name)' at 'projectName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.\\-]+"
        case .projectExists(let name): return "The project \(name) already exists."
        case .noDataset(let project, let kind): return "The project \(project) has no \(kind.rawValue) dataset."
        case .datasetExists(let project, let kind): return "The project \(project) already has a \(kind.rawValue) dataset."
        case .photoNotInDataset(let path, let project): return "The image \(path) is not in a dataset of the project \(project)."
        case .photoNotInThisDataset(let path, let kind): return "The image \(path) is not in the \(kind.rawValue) dataset."
        case .unknownLabel(let label, _): return "The label \(label) is not a label of the dataset."
        case .notALabel(let label, _): return "The label \(label) is not a label of the dataset."
        case .noSuchBox(let number, _, let path): return "The image \(path) has no bounding box \(number)."
        case .boxOffPhoto(let path): return "A bounding box of \(path) is outside the image."
        case .unusableManifest(let path, let issues):
            return "The manifest file \(path) has errors: " + issues.map(\.message.en).joined(separator: "; ")
        case .invalidText(let reason): return reason.en
        }
    }

    public var description: String { message.en }
}
