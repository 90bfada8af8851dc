import CustomLabels
import PanyaSupport

/// Stands in for a backend that could not be opened (a broken recording, missing AWS
/// credentials): the shell still starts and runs everything else, and every Custom Labels call
/// — the simulator's clock and bill included, when it is the simulator that failed — reports
/// the original error with its fix.
public final class UnavailableBackend: CustomLabelsBackend, SimulatedTime {
    /// Why the backend could not be opened.
    public let error: Error
    /// The backend that was asked for.
    public let kind: BackendKind

    /// A stand-in that reports `error` on every call.
    public init(kind: BackendKind, error: Error) {
        self.kind = kind
        self.error = error
    }

    /// Stands in for the simulator's clock too (each call reports why it is unavailable).
    public var simulatedTime: (any SimulatedTime)? { self }

    public var summary: Message {
        let reason = (error as? UserFacingError)?.message ?? .verbatim(String(describing: error))
        return Message(en: "\(kind.rawValue) (unavailable: ", ja: "\(kind.rawValue) (使えません: ") + reason + .verbatim(")")
    }

    public func describeProjects() throws -> [ProjectDescription] { throw error }
    public func describeProjectVersions(projectArn: String, versionNames: [String]?) throws -> [ProjectVersionDescription] { throw error }
    public func startProjectVersion(arn: String, minInferenceUnits: Int, maxInferenceUnits: Int?) throws -> VersionStatus { throw error }
    public func stopProjectVersion(arn: String) throws -> VersionStatus { throw error }
    public func detectCustomLabels(_ request: DetectCustomLabelsRequest) throws -> DetectCustomLabelsResponse { throw error }
    public func waitUntilStable(arn: String, progress: (Message) -> Void) throws -> VersionStatus { throw error }

    public func clock() throws -> ISO8601.Timestamp { throw simulatorError }
    public func advance(_ duration: String) throws -> ISO8601.Timestamp { throw simulatorError }
    public func advance(seconds: Int) throws -> ISO8601.Timestamp { throw simulatorError }
    public func setClock(_ iso8601: String) throws -> ISO8601.Timestamp { throw simulatorError }
    public func bill() throws -> BillingReport { throw simulatorError }
    public func nextStatusChange(versionArn: String, after seconds: Double) throws -> Double? { throw simulatorError }
    public func lifecycleState(versionArn: String) throws -> LifecycleState? { throw simulatorError }
    public func billedStretches() throws -> [RunningStretch] { throw simulatorError }

    /// The opening error when the simulator failed; on AWS there is no simulated clock at all.
    private var simulatorError: Error {
        kind == .mock ? error : SessionError.notAvailableOnBackend(command: "clock", backend: kind.rawValue)
    }
}
