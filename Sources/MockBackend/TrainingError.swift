import CustomLabels
import PanyaSupport

/// What goes wrong building a model on the mock: no project, a dataset or photo not there, a box
/// that cannot be added. Each says what to type instead.
public enum TrainingError: UserFacingError, Equatable, CustomStringConvertible {
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
    /// `--proposal N` beyond the proposals the engine found.
    case noSuchProposal(number: Int, count: Int, path: String)
    /// `boxes remove PHOTO N` beyond the photo's boxes.
    case noSuchBox(number: Int, count: Int, path: String)
    /// A box that is not inside the photo.
    case boxOffPhoto(path: String)
    /// `dataset add` with no photo found (empty folder, glob matching nothing).
    case noPhotos(String)
    /// A dataset photo whose file changed or disappeared since it was added.
    case photoChanged(path: String)
    /// A manifest that cannot be used at all (the whole-manifest codes).
    case unusableManifest(path: String, issues: [ManifestIssue])
    /// A label or version name the text rule refuses (a NUL character, too long): the reason.
    case invalidText(Message)
    /// `--version-name` already used in the project.
    case versionExists(String)
    /// Another shell saved a version of this name while this one trained (the same second).
    case versionMadeMeanwhile(String)
    /// DeleteProjectVersion of a recorded (replayed) version.
    case recordedVersion(String)
    /// CreateProjectVersion with an OutputConfig bucket that has no folder.
    case outputBucketMissing(String)

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
        case .noSuchProposal: return "NoSuchProposal"
        case .noSuchBox: return "NoSuchBox"
        case .boxOffPhoto: return "InvalidBoundingBox"
        case .noPhotos: return "NoPhotos"
        case .photoChanged: return "PhotoChanged"
        case .unusableManifest: return "UnusableManifest"
        case .versionExists, .versionMadeMeanwhile: return "ResourceInUseException"
        case .invalidText: return "InvalidParameterException"
        case .recordedVersion: return "RecordedVersion"
        case .outputBucketMissing: return "NoSuchBucket"
        }
    }

    /// The service's `__type` for this error over the wire (`panya serve`).
    public var serviceCode: ServiceErrorCode {
        switch self {
        case .projectExists, .versionExists, .versionMadeMeanwhile: return .resourceInUse
        case .datasetExists: return .resourceAlreadyExists
        case .noProject, .unknownProject, .noDataset, .photoNotInDataset, .photoNotInThisDataset: return .resourceNotFound
        case .invalidProjectName: return .validation
        case .photoChanged: return .invalidS3Object
        case .invalidText, .unknownLabel, .notALabel, .noSuchProposal, .noSuchBox, .boxOffPhoto, .noPhotos, .unusableManifest, .recordedVersion, .outputBucketMissing:
            return .invalidParameter
        }
    }

    public var message: Message { Catalog.trainingError(self) }

    /// The text that goes on the wire (`panya serve`), worded as the service words its errors: no
    /// shell commands in it (the shell shows ``message``, with its hints, to students).
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
        case .noSuchProposal(let number, _, let path): return "The image \(path) has no proposed bounding box \(number)."
        case .noSuchBox(let number, _, let path): return "The image \(path) has no bounding box \(number)."
        case .boxOffPhoto(let path): return "A bounding box of \(path) is outside the image."
        case .noPhotos(let argument): return "No image found at \(argument)."
        case .photoChanged(let path): return "Unable to get object metadata from S3. Check object key, region and/or access permissions. (\(path))"
        case .unusableManifest(let path, let issues):
            return "The manifest file \(path) has errors: " + issues.map(\.message.en).joined(separator: "; ")
        case .versionExists(let name), .versionMadeMeanwhile(let name): return "The version name \(name) already exists in the project."
        case .invalidText(let reason): return reason.en
        case .recordedVersion(let arn): return "The project version \(arn) cannot be deleted."
        case .outputBucketMissing(let bucket): return "The output bucket \(bucket) does not exist."
        }
    }

    public var description: String { message.en }
}
