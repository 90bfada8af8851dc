import PanyaSupport

/// One Custom Labels service: the mock (recordings + simulated state) or the live AWS client.
/// Calls are synchronous; long waits poll `Interrupt` so Ctrl-C stops them.
public protocol CustomLabelsBackend: AnyObject {
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
    /// DetectCustomLabels with the service's exact semantics.
    func detectCustomLabels(_ request: DetectCustomLabelsRequest) throws -> DetectCustomLabelsResponse
    /// Waits until the version is RUNNING or STOPPED (or failed); `progress` gets a line per poll.
    /// The mock moves its simulated clock; AWS polls every 30 s, at most 40 polls.
    func waitUntilStable(arn: String, progress: (Message) -> Void) throws -> VersionStatus
}
