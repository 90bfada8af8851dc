import CustomLabels

/// The mock is the simulator: it runs on a simulated clock and answers from recordings.
extension MockBackend: SimulatedTime, RecordedResponses {
    /// The simulator.
    public var kind: BackendKind { .mock }

    /// The simulator's clock and bill.
    public var simulatedTime: (any SimulatedTime)? { self }
    /// Training offline.
    public var training: (any ModelTraining)? { self }
    /// Datasets kept in the store.
    public var datasets: (any DatasetManagement)? { self }
    /// Tags and settings kept in the store.
    public var resourceAnnotations: (any ResourceAnnotations)? { self }
    /// The recordings.
    public var recordedResponses: (any RecordedResponses)? { self }

    /// The state `start` or `stop` last stored for the version (nil when none was, or its status is not one the service has).
    public func lifecycleState(versionArn: String) throws -> LifecycleState? {
        guard let stored = try state.versionState(arn: versionArn), let status = VersionStatus(rawValue: stored.status) else { return nil }
        return LifecycleState(status: status, since: stored.statusSince, units: stored.units)
    }

    /// The billing ledger, oldest first.
    public func billedStretches() throws -> [RunningStretch] {
        try state.billing().map(\.stretch)
    }

    /// Whether a recording exists for the photo with this SHA-256 on this version (a trained version answers every photo).
    public func hasRecording(sha256: String, versionArn: String) -> Bool {
        library.detection(sha256: sha256, versionArn: versionArn) != nil || ((try? trained.store.versionWithResults(arn: versionArn))??.modelJSON != nil)
    }
}
