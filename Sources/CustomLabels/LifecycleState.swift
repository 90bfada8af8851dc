/// The status the simulator's lifecycle last gave a version (StartProjectVersion,
/// StopProjectVersion): that status, since when (simulated seconds since 1970) and the
/// inference units it was started with. The status now follows from the clock.
public struct LifecycleState: Sendable, Equatable {
    /// The status as set (`STARTING`, `STOPPING` …).
    public var status: VersionStatus
    /// Simulated seconds since 1970 at which `status` began.
    public var since: Double
    /// The inference units the version was started with.
    public var units: Int

    /// A state.
    public init(status: VersionStatus, since: Double, units: Int) {
        self.status = status
        self.since = since
        self.units = units
    }

    /// The status at `now`, automatic transitions followed, and the time it was entered.
    public func current(at now: Double) -> (status: VersionStatus, since: Double) {
        VersionLifecycle.status(status, since: since, at: now)
    }
}
