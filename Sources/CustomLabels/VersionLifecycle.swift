/// Which statuses a model version moves through and which calls each allows, as the service
/// enforces them; the simulated durations of the mock's transitions.
public enum VersionLifecycle {
    /// Simulated time a version spends STARTING before it is RUNNING (5 minutes).
    public static let startingSeconds: Double = 300
    /// Simulated time a version spends STOPPING before it is STOPPED (1 minute).
    public static let stoppingSeconds: Double = 60

    /// Statuses StartProjectVersion accepts.
    public static let startable: Set<VersionStatus> = [.trainingCompleted, .stopped, .copyingCompleted]
    /// Statuses StopProjectVersion accepts.
    public static let stoppable: Set<VersionStatus> = [.running]
    /// Statuses that stay until someone acts (waiting ends at them).
    public static let stable: Set<VersionStatus> = [.trainingCompleted, .trainingFailed, .running, .failed, .stopped,
                                                    .copyingCompleted, .copyingFailed, .deprecated, .expired]

    /// True when a wait is over (the status will not change by itself).
    public static func isStable(_ status: VersionStatus) -> Bool { stable.contains(status) }

    /// The status StartProjectVersion moves to, or the service's error for a wrong state.
    public static func start(from status: VersionStatus, arn: String) throws -> VersionStatus {
        guard startable.contains(status) else {
            throw ServiceError.wrongState(arn, status: status, operation: "StartProjectVersion")
        }
        return .starting
    }

    /// The status StopProjectVersion moves to, or the service's error for a wrong state.
    public static func stop(from status: VersionStatus, arn: String) throws -> VersionStatus {
        guard stoppable.contains(status) else {
            throw ServiceError.wrongState(arn, status: status, operation: "StopProjectVersion")
        }
        return .stopping
    }

    /// Checks MinInferenceUnits (≥ 1) and MaxInferenceUnits (≥ MinInferenceUnits).
    public static func validateUnits(min: Int, max: Int?) throws {
        guard min >= 1 else {
            throw ServiceError.invalidParameter("MinInferenceUnits must be greater than or equal to 1 (got \(min)).")
        }
        if let max, max < min {
            throw ServiceError.invalidParameter("MaxInferenceUnits (\(max)) must be greater than or equal to MinInferenceUnits (\(min)).")
        }
    }

    /// A transition that happens by itself after a while: STARTING → RUNNING, STOPPING → STOPPED.
    public static func automaticTransition(from status: VersionStatus) -> (to: VersionStatus, afterSeconds: Double)? {
        switch status {
        case .starting: return (.running, startingSeconds)
        case .stopping: return (.stopped, stoppingSeconds)
        default: return nil
        }
    }

    /// The status at `now` of a version that entered `status` at `since`, following automatic
    /// transitions; returns the status and the time it was entered.
    public static func status(_ status: VersionStatus, since: Double, at now: Double) -> (status: VersionStatus, since: Double) {
        var current = (status: status, since: since)
        while let next = automaticTransition(from: current.status), now >= current.since + next.afterSeconds {
            current = (next.to, current.since + next.afterSeconds)
        }
        return current
    }
}
