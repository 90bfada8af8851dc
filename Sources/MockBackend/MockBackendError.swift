import CustomLabels
import PanyaSupport

/// Problems only the mock has (the real service would answer these photos): a photo with no
/// recording, no model chosen, a clock asked to go back.
public enum MockBackendError: UserFacingError, Equatable, CustomStringConvertible {
    /// No recording of this photo for this version; says how to add one.
    case noRecording(photo: String?, sha256: String, width: Int, height: Int, versionArn: String, otherVersions: [String], directory: String)
    /// `model use` with a name or ARN no recording declares.
    case unknownModel(String, known: [String])
    /// A command needs a current model version and none is chosen.
    case noModelSelected
    /// The simulated clock only moves forward.
    case clockBackwards(now: String, requested: String)

    public var code: String? {
        switch self {
        case .noRecording: return "NoRecording"
        case .unknownModel: return "UnknownModel"
        case .noModelSelected: return "NoModelSelected"
        case .clockBackwards: return "ClockBackwards"
        }
    }

    public var message: Message {
        switch self {
        case .noRecording(let photo, let sha, let width, let height, let arn, let others, let directory):
            return Catalog.mockNoRecording(photo: photo, sha256: sha, width: width, height: height, versionArn: arn, otherVersions: others, directory: directory)
        case .unknownModel(let name, let known):
            return Catalog.mockUnknownModel(name, known: known)
        case .noModelSelected:
            return Catalog.mockNoModelSelected
        case .clockBackwards(let now, let requested):
            return Catalog.mockClockBackwards(now: now, requested: requested)
        }
    }

    public var description: String { message.en }
}
