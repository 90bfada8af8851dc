import CustomLabels
import PanyaSupport

/// What goes wrong building a model on the simulator (training, deleting or copying a version);
/// the dataset steps before it have ``WorkbenchError``. Each says what to do instead.
public enum TrainingError: ServiceWordedError, Equatable, CustomStringConvertible {
    /// A dataset photo whose file changed or disappeared since it was added.
    case photoChanged(path: String)
    /// A version name the text rule refuses (a NUL character, too long): the reason.
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
        case .photoChanged: return "PhotoChanged"
        case .versionExists, .versionMadeMeanwhile: return "ResourceInUseException"
        case .invalidText: return "InvalidParameterException"
        case .recordedVersion: return "RecordedVersion"
        case .outputBucketMissing: return "NoSuchBucket"
        }
    }

    /// The service's `__type` for this error over the wire (`panya serve`).
    public var serviceCode: ServiceErrorCode {
        switch self {
        case .versionExists, .versionMadeMeanwhile: return .resourceInUse
        case .photoChanged: return .invalidS3Object
        case .invalidText, .recordedVersion, .outputBucketMissing: return .invalidParameter
        }
    }

    public var message: Message { Catalog.trainingError(self) }

    /// The text that goes on the wire (`panya serve`), worded as the service words its errors: no
    /// shell commands in it (the shell shows ``message``, with its hints, to students).
    public var serviceMessage: String {
        switch self {
        case .photoChanged(let path): return "Unable to get object metadata from S3. Check object key, region and/or access permissions. (\(path))"
        case .versionExists(let name), .versionMadeMeanwhile(let name): return "The version name \(name) already exists in the project."
        case .invalidText(let reason): return reason.en
        case .recordedVersion(let arn): return "The project version \(arn) cannot be deleted."
        case .outputBucketMissing(let bucket): return "The output bucket \(bucket) does not exist."
        }
    }

    public var description: String { message.en }
}
