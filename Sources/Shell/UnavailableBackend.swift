import CustomLabels
import PanyaSupport

/// Stands in for a backend that could not be opened (a broken recording, missing AWS
/// credentials): the shell still starts and runs everything else, and every Custom Labels call
/// reports the original error with its fix.
final class UnavailableBackend: CustomLabelsBackend {
    let error: Error
    let kind: BackendChoice

    init(kind: BackendChoice, error: Error) {
        self.kind = kind
        self.error = error
    }

    var summary: Message {
        let reason = (error as? UserFacingError)?.message ?? .verbatim(String(describing: error))
        return Message(en: "\(kind.rawValue) (unavailable: ", ja: "\(kind.rawValue) (使えません: ") + reason + .verbatim(")")
    }

    func describeProjects() throws -> [ProjectDescription] { throw error }
    func describeProjectVersions(projectArn: String, versionNames: [String]?) throws -> [ProjectVersionDescription] { throw error }
    func startProjectVersion(arn: String, minInferenceUnits: Int, maxInferenceUnits: Int?) throws -> VersionStatus { throw error }
    func stopProjectVersion(arn: String) throws -> VersionStatus { throw error }
    func detectCustomLabels(_ request: DetectCustomLabelsRequest) throws -> DetectCustomLabelsResponse { throw error }
    func waitUntilStable(arn: String, progress: (Message) -> Void) throws -> VersionStatus { throw error }
}
