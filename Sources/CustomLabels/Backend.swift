import PanyaSupport

/// Which service a backend is: the offline simulator or the live AWS service.
public enum BackendKind: String, Sendable, CaseIterable, Equatable {
    /// The simulator: recordings, trained models, a simulated clock (`mock`).
    case mock
    /// The live AWS service.
    case aws
}

/// One Custom Labels service: the mock (recordings + simulated state) or the live AWS client.
/// Calls are synchronous; long waits poll `InterruptSignal.ctrlC` so Ctrl-C stops them. What only some
/// backends can do is a capability protocol below, asked for with `as?` — never a concrete type.
public protocol CustomLabelsBackend: AnyObject {
    /// Which service this is (model selections are kept per kind).
    var kind: BackendKind { get }
    /// A one-line description for `backend` (kind, directory or region/endpoint).
    var summary: Message { get }

    /// DescribeProjects.
    func describeProjects() throws -> [ProjectDescription]
    /// DescribeProjectVersions for one project (all versions when `versionNames` is nil).
    func describeProjectVersions(projectArn: String, versionNames: [String]?) throws -> [ProjectVersionDescription]
    /// StartProjectVersion; returns the new status.
    func startProjectVersion(arn: String, minInferenceUnits: Int, maxInferenceUnits: Int?) throws -> VersionStatus
    /// StopProjectVersion; returns the new status.
    func stopProjectVersion(arn: String) throws -> VersionStatus
    /// DetectCustomLabels with the service's exact semantics; the photo is checked against the
    /// service's limits (by the service itself, or before sending), its errors naming `request.photoName`.
    func detectCustomLabels(_ request: DetectCustomLabelsRequest) throws -> DetectCustomLabelsResponse
    /// Waits until the version is RUNNING or STOPPED (or failed); `progress` gets a line per poll.
    /// The mock moves its simulated clock; AWS polls every 30 s, at most 40 polls.
    func waitUntilStable(arn: String, progress: (Message) -> Void) throws -> VersionStatus

    // Capabilities, asked of the backend itself (never by casting it): nil when it has none.

    /// The simulated clock and bill (the simulator).
    var simulatedTime: (any SimulatedTime)? { get }
    /// Projects, datasets, boxes and training.
    var training: (any ModelTraining)? { get }
    /// Datasets and their entries as the service's dataset calls see them.
    var datasets: (any DatasetManagement)? { get }
    /// Tags and the version's own settings (`panya serve`).
    var resourceAnnotations: (any ResourceAnnotations)? { get }
    /// Recorded answers for photos (the simulator).
    var recordedResponses: (any RecordedResponses)? { get }
    /// Recording the live service's answers as mock recordings.
    var responseRecording: (any ResponseRecording)? { get }
    /// The live EventBridge Scheduler.
    var scheduleService: (any ScheduleService)? { get }
}

/// A backend has no capability it does not declare.
extension CustomLabelsBackend {
    public var simulatedTime: (any SimulatedTime)? { nil }
    public var training: (any ModelTraining)? { nil }
    public var datasets: (any DatasetManagement)? { nil }
    public var resourceAnnotations: (any ResourceAnnotations)? { nil }
    public var recordedResponses: (any RecordedResponses)? { nil }
    public var responseRecording: (any ResponseRecording)? { nil }
    public var scheduleService: (any ScheduleService)? { nil }
}

/// A backend that runs on a simulated clock and keeps a bill (the mock).
public protocol SimulatedTime: CustomLabelsBackend {
    /// The simulated time now.
    func clock() throws -> ISO8601.Timestamp
    /// Moves the clock forward by a duration (`90s`, `30m`, `3h`, `2d`).
    func advance(_ duration: String) throws -> ISO8601.Timestamp
    /// Moves the clock forward by `seconds`, read and stored in one step.
    func advance(seconds: Int) throws -> ISO8601.Timestamp
    /// Sets the clock (ISO 8601).
    func setClock(_ iso8601: String) throws -> ISO8601.Timestamp
    /// What the simulated account has cost so far, per version.
    func bill() throws -> BillingReport
    /// When the version's status next changes by itself after `seconds` (STARTING → RUNNING,
    /// STOPPING → STOPPED, training ends), or nil when it stays as it is until someone acts.
    func nextStatusChange(versionArn: String, after seconds: Double) throws -> Double?
    /// The status the simulated lifecycle last gave the version, nil when it never started or
    /// stopped it here (its recorded or trained status stands).
    func lifecycleState(versionArn: String) throws -> LifecycleState?
    /// The billing ledger: every stretch a version ran, oldest first (one still running has no end).
    func billedStretches() throws -> [RunningStretch]
}

/// A backend that answers from recorded responses (the mock): it can tell whether a photo has one.
public protocol RecordedResponses: CustomLabelsBackend {
    /// Whether a recording exists for the photo with this SHA-256 on this version.
    func hasRecording(sha256: String, versionArn: String) -> Bool
}

/// What `record` wrote: the detection files, the project file, and warnings to show.
public struct RecordingOutcome: Sendable, Equatable {
    /// The detection recordings written.
    public var detectionFiles: [String]
    /// The project file written or updated, if the service described the version.
    public var projectFile: String?
    /// What could not be done, for the user.
    public var warnings: [Message]

    /// An outcome.
    public init(detectionFiles: [String], projectFile: String?, warnings: [Message]) {
        self.detectionFiles = detectionFiles
        self.projectFile = projectFile
        self.warnings = warnings
    }
}

/// A backend that can record what the model answers, for the simulator to replay (the live service).
public protocol ResponseRecording: CustomLabelsBackend {
    /// DetectCustomLabels with MinConfidence 0 for each photo on `versionArn`, written under
    /// `directory` as recordings (and the version's project file when it can be described).
    func record(photoPaths: [String], versionArn: String, directory: String, keepAccountId: Bool) throws -> RecordingOutcome
}
