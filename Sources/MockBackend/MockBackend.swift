import BreadVision
import CustomLabels
import Foundation
import PanyaStore
import PanyaSupport
import Photos
import Synchronization
import Workbench

/// The offline backend: replays recorded responses with the service's exact semantics, over a
/// simulated clock and lifecycle kept in panya's database (so every shell sees the same state).
///
/// ```swift
/// let backend = try MockBackend(directory: "mock-responses", database: try PanyaDatabase.inMemory())
/// _ = try backend.startProjectVersion(arn: arn, minInferenceUnits: 1, maxInferenceUnits: nil)
/// _ = try backend.waitUntilStable(arn: arn) { print($0.en) }
/// let response = try backend.detectCustomLabels(DetectCustomLabelsRequest(projectVersionArn: arn, image: .bytes(bytes)))
/// ```
public final class MockBackend: CustomLabelsBackend {
    /// The recordings.
    public let library: RecordingLibrary
    /// Photos this backend has already checked in full (a photo sent again is not decoded again).
    let photoChecks = PhotoCheckMemory()
    /// Each version's lifecycle status and the billing ledger.
    public let state: MockStateStore
    /// The simulated clock (shared with the schedules and the session).
    public let clockStore: SimulatedClockStore
    /// Where `s3://bucket/key` objects are read from.
    public let s3: S3BucketFolder
    /// Prices for `bill()`.
    public let pricing: Pricing
    /// The versions `train` made (models and their evaluations in the store).
    public let trained: TrainedVersions
    /// Where datasets are prepared (projects, datasets, labels, photos, boxes), on the same
    /// database and the simulated clock; the recordings' projects are known to it.
    public let workbench: LocalWorkbench
    /// The database the stores share (reads that belong together share one transaction).
    public let database: PanyaDatabase
    /// The last detections' version checks, by version ARN (see ``versionCheck(arn:)``).
    private let versionChecks = Mutex<[String: VersionCheck]>([:])
    /// Tags and project policies (kept while the backend is open).
    let annotations = AnnotationStore()
    /// How many versions' checks are kept.
    static let versionChecksKept = 32

    /// The simulated time a fresh database starts at: right after the seed version's training.
    public static let defaultClockStart = "2023-08-01T19:30:00+09:00"

    /// The bundled recordings: `<assets root>/mock-responses` (see `Paths.assetsRoot`).
    public static func defaultDirectory(environment: [String: String] = ProcessEnvironment.current) -> String {
        Paths.assetsRoot(environment: environment) + "/mock-responses"
    }

    /// A mock over the recordings in `directory`, keeping state in `database`; S3 objects come
    /// from `s3Root` (default `<directory>/s3`). The project files are read and checked now
    /// (``RecordingError`` lists mistakes); a detection file when a photo needs it, found through
    /// the recording index in `database`.
    public convenience init(directory: String, database: PanyaDatabase, s3Root: String? = nil, pricing: Pricing = .walkthrough) throws {
        let library = try RecordingLibrary.open(directory: directory, index: RecordingIndexStore(database))
        self.init(library: library, database: database, s3Root: s3Root ?? directory + "/s3", pricing: pricing)
    }

    /// A mock over an already loaded library.
    public init(library: RecordingLibrary, database: PanyaDatabase, s3Root: String, pricing: Pricing = .walkthrough) {
        self.library = library
        self.database = database
        self.state = MockStateStore(database)
        self.clockStore = SimulatedClockStore(database)
        self.s3 = S3BucketFolder(root: s3Root)
        self.pricing = pricing
        let region = library.projects.first?.projectArn.region ?? LocalWorkbench.defaultRegion
        let (clockStore, folder) = (self.clockStore, self.s3)
        let workbench = LocalWorkbench(database: database, region: region,
                                       clock: { try MockBackend.simulatedClock(clockStore, databasePath: database.path).seconds },
                                       recordedProject: { library.project(named: $0)?.projectArn },
                                       bucketObject: { try folder.path(bucket: $0.bucket, key: $0.key) })
        self.workbench = workbench
        self.trained = TrainedVersions(store: TrainedVersionStore(database), projects: workbench.store, region: region)
    }

    public var summary: Message { Catalog.mockSummary(directory: library.directory) }

    // MARK: Clock

    /// The simulated time (starts at ``defaultClockStart``).
    public func clock() throws -> ISO8601.Timestamp {
        try Self.simulatedClock(clockStore, databasePath: database.path)
    }

    /// The simulated time kept in `clockStore` (stored at ``defaultClockStart`` the first time).
    static func simulatedClock(_ clockStore: SimulatedClockStore, databasePath: String) throws -> ISO8601.Timestamp {
        try storedClock(clockStore.clock() ?? clockStore.initializeClock(Self.defaultClockStart), databasePath: databasePath)
    }

    /// The stored clock's text read back, or the damaged-database error naming its row.
    func storedClock(_ text: String) throws -> ISO8601.Timestamp {
        try Self.storedClock(text, databasePath: database.path)
    }

    /// The stored clock's text read back, or the damaged-database error naming its row: a time
    /// that does not parse (`9999-99-99`) or lies outside the clock's years was edited.
    static func storedClock(_ text: String, databasePath: String) throws -> ISO8601.Timestamp {
        guard let time = ISO8601.parse(text), (try? SimulatedClockStore.checkInRange(text)) != nil else {
            throw StoreError(.damagedRow(table: "mockClock", row: "id 1", column: "now",
                                         problem: "\"\(text.prefix(100))\" is not a time from \(SimulatedClockStore.clockYears.lowerBound) to \(SimulatedClockStore.clockYears.upperBound)"),
                             path: databasePath, operation: .read)
        }
        return time
    }

    /// Moves the clock forward by `seconds`; returns the new time. Read, change and store happen
    /// in one transaction, so two shells advancing one database never lose a step.
    @discardableResult
    public func advance(seconds: Int) throws -> ISO8601.Timestamp {
        var moved = ISO8601.Timestamp(seconds: 0, offsetSeconds: 0)
        try clockStore.updateClock(initial: Self.defaultClockStart) { text in
            moved = try storedClock(text)
            moved.seconds += Double(max(0, seconds))
            return moved.text
        }
        return moved
    }

    /// Moves the clock forward by a duration as typed (`90s`, `30m`, `3h`, `2d`).
    @discardableResult
    public func advance(_ duration: String) throws -> ISO8601.Timestamp {
        try advance(seconds: ClockDuration.parse(duration))
    }

    /// Sets the clock to an ISO 8601 time (its offset is kept for display; a time written
    /// without one is in the clock's current offset); it cannot go back. Checked and stored in
    /// one transaction.
    @discardableResult
    public func setClock(_ iso8601: String) throws -> ISO8601.Timestamp {
        var time = ISO8601.Timestamp(seconds: 0, offsetSeconds: 0)
        try clockStore.updateClock(initial: Self.defaultClockStart) { text in
            let now = try storedClock(text)
            guard let parsed = ISO8601.parse(iso8601, defaultOffsetSeconds: now.offsetSeconds) else { throw ClockInputError.timestamp(iso8601) }
            guard parsed.seconds >= now.seconds else { throw MockBackendError.clockBackwards(now: now.text, requested: parsed.text) }
            time = parsed
            return parsed.text
        }
        return time
    }

    // MARK: Projects and versions

    /// Every project: the recorded ones, then the ones made with `project create`.
    /// A recorded project that was given datasets or versions over the wire (it is kept in the
    /// training store under its recorded ARN) shows once, with the versions of both.
    public func allProjects() throws -> [ProjectRecording] {
        var projects = library.projects
        for created in try trained.projects() {
            if let index = projects.firstIndex(where: { $0.projectArn == created.projectArn }) {
                projects[index].versions += created.versions
            } else {
                projects.append(created)
            }
        }
        return projects
    }

    /// DescribeProjects: every recorded project, then every created one.
    public func describeProjects() throws -> [ProjectDescription] {
        try allProjects().map(\.description)
    }

    /// DescribeProjectVersions: newest first, statuses from the simulated lifecycle.
    public func describeProjectVersions(projectArn: String, versionNames: [String]?) throws -> [ProjectVersionDescription] {
        let parsed = try ProjectArn.parse(projectArn)
        guard let project = try allProjects().first(where: { $0.projectArn.description == projectArn }) else {
            throw notFound(ServiceError.projectNotFound(projectArn), region: parsed.region)
        }
        let now = try clock().seconds
        return try project.versions
            .filter { versionNames?.contains($0.versionName) ?? true }
            .sorted { $0.arn.creationMillis > $1.arn.creationMillis }
            .map { try describe($0, now: now) }
    }

    /// The version with this ARN as DescribeProjectVersions shows it.
    public func describeVersion(arn: String) throws -> ProjectVersionDescription {
        try describe(try recordedVersion(arn: arn).version, now: clock().seconds)
    }

    func describe(_ version: VersionRecording, now: Double) throws -> ProjectVersionDescription {
        let current = try currentState(version, now: now)
        // While training, the service knows no metrics yet.
        let trained = current.status != .trainingInProgress && current.status != .trainingFailed
        // A version trained through CreateProjectVersion reports its OutputConfig, and once trained its summary object.
        var output: OutputConfig?
        var summary: (bucket: String, key: String)?
        if library.version(arn: version.arn.description) == nil,
           let stored = try self.trained.store.version(arn: version.arn.description), let bucket = stored.outputBucket {
            let config = OutputConfig(s3Bucket: bucket, s3KeyPrefix: stored.outputKeyPrefix ?? "")
            output = config
            if trained, stored.evaluationJSON != nil {
                summary = (bucket, config.key(for: EvaluationSummaryFile.fileName(project: stored.project, version: stored.name)))
            }
        }
        return ProjectVersionDescription(
            projectVersionArn: version.arn.description, versionName: version.versionName, status: current.status,
            statusMessage: current.status == .trainingFailed ? try trainingFailure(versionArn: version.arn.description)?.en : nil,
            creationTimestamp: Double(version.arn.creationMillis) / 1000, minInferenceUnits: current.units,
            billableTrainingTimeInSeconds: trained ? version.billableTrainingTimeInSeconds : nil, trainingImages: version.trainingImages,
            testingImages: version.testingImages, f1Score: trained ? version.f1Score : nil, labels: trained ? version.labels : [],
            evaluationSummaryS3: summary, outputConfig: output)
    }

    /// The status at `now`: the stored lifecycle moved along by the clock, or the recorded status.
    func currentState(_ version: VersionRecording, now: Double) throws -> (status: VersionStatus, units: Int?, since: Double?) {
        guard let stored = try state.versionState(arn: version.arn.description), let status = VersionStatus(rawValue: stored.status) else {
            if let trainedVersion = try trained.store.version(arn: version.arn.description) {
                let base = trained.status(trainedVersion, now: now)
                return (base.status, nil, base.since)
            }
            return (version.status, nil, nil)
        }
        let derived = VersionLifecycle.status(status, since: stored.statusSince, at: now)
        return (derived.status, stored.units, derived.since)
    }

    /// When the version's status next changes without anyone acting, after `seconds`; nil when it
    /// stays (a version the service does not know stays unknown).
    public func nextStatusChange(versionArn: String, after seconds: Double) throws -> Double? {
        if library.version(arn: versionArn) == nil, try trained.find(arn: versionArn) == nil { return nil }
        let version = try recordedVersion(arn: versionArn).version
        let current = try currentState(version, now: seconds)
        if current.status == .trainingInProgress, let trainedVersion = try trained.store.version(arn: versionArn) {
            return trained.trainingEnd(trainedVersion)
        }
        guard let automatic = VersionLifecycle.automaticTransition(from: current.status), let since = current.since else { return nil }
        return since + automatic.afterSeconds
    }

    /// The current status of a version.
    public func status(versionArn: String) throws -> VersionStatus {
        try currentState(recordedVersion(arn: versionArn).version, now: clock().seconds).status
    }

    func recordedVersion(arn: String) throws -> (project: ProjectRecording, version: VersionRecording) {
        let parsed = try ProjectVersionArn.parse(arn)
        if let found = library.version(arn: arn) { return found }
        guard let found = try trained.find(arn: arn) else { throw notFound(ServiceError.versionNotFound(arn), region: parsed.region) }
        return (found.project, found.version)
    }

    /// The region this backend's ARNs are in (the recordings', ap-northeast-1 for the bundled ones).
    public var region: String { trained.region }

    /// A resource that is not here, as the service answers it; when the ARN names another region
    /// (the classic mistake), the explanation for people says so (the service's words stay the same).
    func notFound(_ error: ServiceError, region: String) -> ServiceError {
        guard region != trained.region else { return error }
        var error = error
        error.detail = Catalog.mockOtherRegion(arnRegion: region, region: trained.region)
        return error
    }

    /// The assumed thresholds (0–1) of a version, in the recording's label order.
    public func thresholds(versionArn: String) throws -> [LabelEvaluation] {
        try recordedVersion(arn: versionArn).version.labels
    }

    /// The evaluation of a version: per-label metrics and the overall F1.
    public func evaluation(versionArn: String) throws -> EvaluationSummary {
        try recordedVersion(arn: versionArn).version.evaluation
    }

    // MARK: Lifecycle

    /// StartProjectVersion: STARTING now, RUNNING 5 simulated minutes later (billed from then).
    public func startProjectVersion(arn: String, minInferenceUnits: Int, maxInferenceUnits: Int?) throws -> VersionStatus {
        let version = try recordedVersion(arn: arn).version
        try VersionLifecycle.validateUnits(min: minInferenceUnits, max: maxInferenceUnits)
        // The store keeps at most this many units (a larger count read back is a damaged row).
        guard minInferenceUnits <= StoredLimits.inferenceUnits.upperBound else {
            throw ServiceError.invalidParameter("MinInferenceUnits must be at most \(StoredLimits.inferenceUnits.upperBound) in the simulator (got \(minInferenceUnits)).")
        }
        let now = try clock().seconds
        let base = try baseStatus(version, now: now)
        return try state.transition(arn: arn) { stored in
            let current = Self.derive(stored, recorded: base, now: now)
            let next = try VersionLifecycle.start(from: current, arn: arn)
            return (MockVersionState(versionArn: arn, status: next.rawValue, units: minInferenceUnits, statusSince: now),
                    .open(units: minInferenceUnits, from: now + VersionLifecycle.startingSeconds), next)
        }
    }

    /// StopProjectVersion: STOPPING now (billing ends now), STOPPED 1 simulated minute later.
    public func stopProjectVersion(arn: String) throws -> VersionStatus {
        let version = try recordedVersion(arn: arn).version
        let now = try clock().seconds
        let base = try baseStatus(version, now: now)
        return try state.transition(arn: arn) { stored in
            let current = Self.derive(stored, recorded: base, now: now)
            let next = try VersionLifecycle.stop(from: current, arn: arn)
            return (MockVersionState(versionArn: arn, status: next.rawValue, units: stored?.units ?? 1, statusSince: now), .close(until: now), next)
        }
    }

    /// The status a version has before anyone starts it: as recorded, or a trained version's on the clock.
    func baseStatus(_ version: VersionRecording, now: Double) throws -> VersionStatus {
        // Only versions `train` made are in the training store; a recorded one needs no read.
        if library.version(arn: version.arn.description) != nil { return version.status }
        guard let trainedVersion = try trained.store.version(arn: version.arn.description) else { return version.status }
        return trained.status(trainedVersion, now: now).status
    }

    static func derive(_ stored: MockVersionState?, recorded: VersionStatus, now: Double) -> VersionStatus {
        guard let stored, let status = VersionStatus(rawValue: stored.status) else { return recorded }
        return VersionLifecycle.status(status, since: stored.statusSince, at: now).status
    }

    /// Moves the simulated clock until the version is stable (RUNNING, STOPPED …), reporting each step.
    public func waitUntilStable(arn: String, progress: (Message) -> Void) throws -> VersionStatus {
        let version = try recordedVersion(arn: arn).version
        while true {
            try InterruptSignal.ctrlC.check()
            let now = try clock()
            let current = try currentState(version, now: now.seconds)
            let next: (to: VersionStatus, afterSeconds: Double)
            let since: Double
            if current.status == .trainingInProgress, let trainedVersion = try trained.store.version(arn: arn) {
                next = (.trainingCompleted, Double(trainedVersion.trainingSeconds))
                since = trainedVersion.createdSeconds
            } else if let automatic = VersionLifecycle.automaticTransition(from: current.status), let started = current.since {
                next = automatic
                since = started
            } else {
                return current.status
            }
            let target = since + next.afterSeconds
            let step = Int((target - now.seconds).rounded(.up))
            let moved = try advance(seconds: step)
            progress(Catalog.mockWaitStep(arn: arn, from: current.status, to: next.to, at: moved.text, advanced: ClockDuration.format(step)))
        }
    }

    // MARK: Detection

    /// DetectCustomLabels with the service's semantics over the recordings.
    public func detectCustomLabels(_ request: DetectCustomLabelsRequest) throws -> DetectCustomLabelsResponse {
        try detectCustomLabels(request, photoName: request.photoName)
    }

    /// DetectCustomLabels; `photoName` (a path) only improves messages.
    public func detectCustomLabels(_ request: DetectCustomLabelsRequest, photoName: String?) throws -> DetectCustomLabelsResponse {
        let (version, recording) = try candidates(for: request, photoName: photoName)
        let labels = DetectionRules.apply(candidates: recording.candidates, thresholds: version.thresholds,
                                              minConfidence: request.minConfidence, maxResults: request.maxResults)
        return DetectCustomLabelsResponse(customLabels: labels)
    }

    /// Every candidate with its verdict under the request's MinConfidence and MaxResults (`inspect`).
    public func inspect(_ request: DetectCustomLabelsRequest, photoName: String? = nil) throws -> [Inspection] {
        let (version, recording) = try candidates(for: request, photoName: photoName)
        return DetectionRules.inspect(candidates: recording.candidates, thresholds: version.thresholds,
                                          minConfidence: request.minConfidence, maxResults: request.maxResults)
    }

    /// The checks DetectCustomLabels makes, in the service's order (parameters, ARN, version,
    /// RUNNING, image), then the recording of the photo for the version: all candidates, unfiltered.
    public func candidates(for request: DetectCustomLabelsRequest, photoName: String? = nil) throws -> (version: VersionRecording, recording: DetectionRecording) {
        try DetectionRules.validate(minConfidence: request.minConfidence, maxResults: request.maxResults)
        let check = try versionCheck(arn: request.projectVersionArn)
        let (version, status) = (check.version, check.status)
        guard status == .running else { throw ServiceError.notReady(request.projectVersionArn, status: status) }
        let bytes: [UInt8]
        let name: String
        let limits: PhotoLimits
        var knownSHA256: String? = nil
        switch request.image {
        case .bytes(let given):
            bytes = given
            name = photoName ?? "image"
            limits = .service
            knownSHA256 = request.imageSHA256
        case .s3Object(let bucket, let key, _):
            bytes = try s3.read(bucket: bucket, key: key)
            name = photoName ?? "s3://\(bucket)/\(key)"
            limits = .serviceS3Object
        }
        let sha = knownSHA256 ?? PhotoFingerprint.sha256(bytes)
        let header: PhotoHeader
        do {
            header = try photoChecks.validate(bytes: bytes, sha256: sha, name: name, limits: limits)
        } catch {
            throw Self.serviceError(for: error, name: name)
        }
        if let model = try check.engine.get() {
            let image = try LocalWorkbench.decodeForEngine(bytes: bytes, name: name, limits: limits)
            let recording = DetectionRecording(photoFile: photoName ?? name, sha256: sha, width: header.width, height: header.height,
                                               versionArn: version.arn, candidates: model.detect(image))
            return (version, recording)
        }
        guard let recording = try library.recording(sha256: sha, versionArn: request.projectVersionArn) else {
            throw MockBackendError.noRecording(photo: photoName ?? (request.image == .bytes(bytes) ? nil : name), sha256: sha,
                                               width: header.width, height: header.height, versionArn: request.projectVersionArn,
                                               otherVersions: try library.recordedVersions(sha256: sha).compactMap { ProjectVersionArn($0)?.versionName },
                                               directory: library.directory)
        }
        return (version, recording)
    }

    /// The version, its status and its trained engine, as a detection checks them before looking
    /// at the photo: read in one transaction, and kept while the database's ``ChangeStamp`` says
    /// nothing was committed since (a class sending photos to a running model reads them once).
    func versionCheck(arn: String) throws -> VersionCheck {
        let current = try database.changeStamp()
        if let kept = versionChecks.withLock({ $0[arn] }), kept.stamp == current { return kept }
        // A fresh database stores the clock's start (a write): before the group, which must not write.
        let start = try clock().seconds
        let check = try database.readingTogether {
            let stamp = try database.changeStamp()
            let now = try clockStore.clock().map { try storedClock($0).seconds } ?? start
            let version = try recordedVersion(arn: arn).version
            let status = try currentState(version, now: now).status
            // The engine's error, if any, waits for its turn in the service's order of checks.
            return VersionCheck(stamp: stamp, version: version, status: status, engine: Result { try trained.model(arn: arn) })
        }
        versionChecks.withLock { checks in
            if checks.count >= Self.versionChecksKept { checks.removeAll() }
            checks[arn] = check
        }
        return check
    }

    /// The service's answer to a photo the checks refuse; local problems (no such file) stay as they are.
    static func serviceError(for error: PhotoError, name: String) -> any Error {
        switch error.code {
        case ServiceErrorCode.imageTooLarge.rawValue?:
            return ServiceError(.imageTooLarge, "Image size is too large.", detail: error.message)
        case ServiceErrorCode.invalidImageFormat.rawValue?:
            return ServiceError(.invalidImageFormat, "Request has invalid image format", detail: error.message)
        case ServiceErrorCode.invalidParameter.rawValue?:
            return ServiceError(.invalidParameter, "Request has invalid parameters", detail: error.message)
        default:
            return error
        }
    }

    // MARK: Billing

    /// Inference and training cost so far, per version (from the ledger, up to the clock).
    public func bill() throws -> BillingReport {
        let now = try clock()
        let entries = try state.billing()
        var lines: [BillingReport.Line] = []
        for project in try allProjects() {
            for version in project.versions {
                let arn = version.arn.description
                let mine = entries.filter { $0.versionArn == arn && $0.runningFrom <= now.seconds }
                var seconds = 0.0, minutes = 0, unitMinutes = 0
                var usd = 0.0
                for entry in mine {
                    let span = min(entry.runningUntil ?? now.seconds, now.seconds) - entry.runningFrom
                    let billed = Pricing.billedMinutes(seconds: span)
                    seconds += max(0, span)
                    // Stored units and times are bounded when read (StoredLimits.inferenceUnits), so
                    // these sums stay far below Int.max; saturating all the same.
                    minutes = Self.saturatingSum(minutes, billed)
                    unitMinutes = Self.saturatingSum(unitMinutes, Self.saturatingProduct(billed, entry.units))
                    usd += pricing.inferenceUSD(seconds: span, units: entry.units)
                }
                // A recorded version was trained before the simulated clock began (its recording's
                // BillableTrainingTimeInSeconds is history): only training done here is billed.
                var training = 0
                if let trainedVersion = try trained.store.version(arn: arn), version.status == .trainingCompleted {
                    // Training is billed as it runs: the part of the training time the clock has passed.
                    training = Int(max(0, min(Double(trainedVersion.trainingSeconds), now.seconds - trainedVersion.createdSeconds)))
                }
                if mine.isEmpty && training == 0 { continue }
                lines.append(BillingReport.Line(
                    versionName: version.versionName, versionArn: arn, inferenceSeconds: seconds, billedMinutes: minutes,
                    billedUnitMinutes: unitMinutes, units: mine.last?.units ?? 0,
                    isRunning: mine.contains { $0.runningUntil == nil }, inferenceUSD: usd,
                    trainingSeconds: training, trainingUSD: pricing.trainingUSD(seconds: Double(training))))
            }
        }
        return BillingReport(at: now, lines: lines, pricing: pricing)
    }
}

extension MockBackend {
    /// `a + b`, held at `Int.max` instead of trapping.
    static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    /// `a × b`, held at `Int.max` instead of trapping (both non-negative).
    static func saturatingProduct(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : product
    }
}

/// What a detection knows about a version before it looks at the photo (``MockBackend/versionCheck(arn:)``).
struct VersionCheck: Sendable {
    /// The database's moment these were read at.
    let stamp: ChangeStamp
    let version: VersionRecording
    let status: VersionStatus
    /// The engine `train` made for the version (nil for a recorded one), or why it cannot be used.
    let engine: Result<BreadModel?, any Error>
}
