import CustomLabels
import PanyaSupport

/// Problems only the mock has (the real service would answer these photos): a photo with no
/// recording, no model chosen, a clock asked to go back.
public enum MockBackendError: UserFacingError, Equatable, CustomStringConvertible {
    /// No recording of this photo for this version; says how to add one.
    case noRecording(photo: String?, sha256: String, width: Int, height: Int, versionArn: String, otherVersions: [String], directory: String)
    /// The simulated clock only moves forward.
    case clockBackwards(now: String, requested: String)

    public var code: String? {
        switch self {
        case .noRecording: return "NoRecording"
        case .clockBackwards: return "ClockBackwards"
        }
    }

    public var message: Message {
        switch self {
        case .noRecording(let photo, let sha, let width, let height, let arn, let others, let directory):
            return Catalog.mockNoRecording(photo: photo, sha256: sha, width: width, height: height, versionArn: arn, otherVersions: others, directory: directory)
        case .clockBackwards(let now, let requested):
            return Catalog.mockClockBackwards(now: now, requested: requested)
        }
    }

    public var description: String { message.en }
}
