import CustomLabels
import Foundation
import Photos
import PanyaSupport

/// The live backend: Amazon Rekognition Custom Labels over HTTPS, signed with SigV4.
///
/// Every call is synchronous; waits (retries, `waitUntilStable`) poll an `InterruptSignal`, so Ctrl-C
/// stops them with `Interrupted`. Errors are `AWSError`s that never contain a secret.
public final class AWSBackend: CustomLabelsBackend {
    /// The live service.
    public var kind: BackendKind { .aws }

    /// Timing and limits; the defaults are the service's and botocore's, tests shorten them.
    public struct Settings: Sendable {
        /// Seconds to wait for one response.
        public var requestTimeout: Double
        /// Retries of throttled, 5xx and dropped calls.
        public var retryPolicy: RetryPolicy
        /// Seconds between two polls of `waitUntilStable` (30 s against AWS).
        public var pollInterval: Double
        /// Polls before `waitUntilStable` gives up (40).
        public var maxPolls: Int
        /// Pages read from a paged list call before stopping (a guard against a token loop).
        public var maxPages: Int
        /// Polls `waitUntilStable` makes while a version is TRAINING_IN_PROGRESS (1440: 12 hours at
        /// 30 s, as long as botocore's training waiter), on top of `maxPolls`.
        public var maxTrainingPolls: Int
        /// Where Ctrl-C comes from (a private flag in tests).
        public var interrupt: InterruptSignal
        /// The bucket `train` uploads photos and manifests to and writes its output under
        /// (`--training-bucket`, `PANYA_TRAINING_BUCKET`); nil until given.
        public var trainingBucket: String?

        public init(requestTimeout: Double = 60, retryPolicy: RetryPolicy = .standard, pollInterval: Double = 30,
                    maxPolls: Int = 40, maxPages: Int = 50, maxTrainingPolls: Int = 1440, interrupt: InterruptSignal = .ctrlC,
                    trainingBucket: String? = nil) {
            self.interrupt = interrupt
            self.maxTrainingPolls = maxTrainingPolls
            self.trainingBucket = trainingBucket
            self.requestTimeout = requestTimeout
            self.retryPolicy = retryPolicy
            self.pollInterval = pollInterval
            self.maxPolls = maxPolls
            self.maxPages = maxPages
        }
    }

    /// Credentials, region and endpoints in use.
    public let configuration: AWSConfiguration
    /// Timing and limits.
    public let settings: Settings
    /// The signing, sending and retrying client.
    public let client: AWSClient
    /// Where the photos, labels and boxes a student prepares are kept (the local dataset workbench):
    /// the dataset commands work on it, and `train` uploads what it holds. Nil: the backend
    /// cannot build models.
    public let workbench: (any DatasetWorkbench)?

    /// The Rekognition service as called (`POST /`, JSON 1.1, signing name `rekognition`).
    public var rekognition: ServiceEndpoint {
        ServiceEndpoint(displayName: "Rekognition", signingName: "rekognition", url: configuration.rekognitionEndpoint, signing: .standard)
    }

    /// S3 as called for the evaluation summary (path-style GET, signing name `s3`).
    public var s3: ServiceEndpoint {
        ServiceEndpoint(displayName: "S3", signingName: "s3", url: configuration.s3Endpoint, signing: .s3)
    }

    private let lock = NSLock()
    private var projectArnCache: [String: String] = [:]
    private var summaryCache: [String: EvaluationSummary] = [:]
    private var pendingWarnings: [Message] = []

    /// A backend for `configuration`.
    /// - Parameters:
    ///   - transport: how requests are sent (libcurl unless a test gives another).
    ///   - onAttempt: called before each attempt with the operation and attempt number.
    ///   - workbench: where datasets are prepared (see ``workbench``).
    public init(configuration: AWSConfiguration, settings: Settings = Settings(), transport: HTTPTransport = CurlTransport(),
                workbench: (any DatasetWorkbench)? = nil, onAttempt: (@Sendable (String, Int) -> Void)? = nil) {
        self.configuration = configuration
        self.settings = settings
        self.workbench = workbench
        self.client = AWSClient(credentials: configuration.credentials, region: configuration.region, transport: transport,
                                retryPolicy: settings.retryPolicy, requestTimeout: settings.requestTimeout,
                                interrupt: settings.interrupt, onAttempt: onAttempt)
    }

    /// A backend from the command line's `--profile/--region/--endpoint-url` and the environment,
    /// resolved as the AWS CLI does (see `AWSConfiguration.resolve`). Fails before any call when
    /// credentials or the region are missing, saying how to fix it.
    public convenience init(options: AWSOptions, environment: [String: String] = ProcessEnvironment.current,
                            settings: Settings = Settings(), workbench: (any DatasetWorkbench)? = nil) throws(AWSError) {
        self.init(configuration: try AWSConfiguration.resolve(options, environment: environment), settings: settings, workbench: workbench)
    }

    /// `aws: region …, endpoint …, profile …, credentials from …` (never a secret).
    public var summary: Message {
        Catalog.awsSummary(region: configuration.region, endpoint: configuration.rekognitionEndpoint.absoluteString,
                           profile: configuration.profile, credentialSource: configuration.credentials.source)
    }

    /// Warnings gathered since the last call (e.g. an evaluation summary that could not be read),
    /// emptied by reading them.
    public func takeWarnings() -> [Message] {
        lock.lock(); defer { lock.unlock() }
        let warnings = pendingWarnings
        pendingWarnings = []
        return warnings
    }

    // MARK: Rekognition calls

    /// Calls `RekognitionService.<operation>` with `body` and returns the answer's JSON.
    public func callRekognition(_ operation: String, body: JSONValue) throws -> JSONCursor {
        let response = try client.call(rekognition, operation: operation, method: "POST", path: "/", headers: [
            (name: "Content-Type", value: "application/x-amz-json-1.1"),
            (name: "X-Amz-Target", value: "RekognitionService.\(operation)"),
        ], body: Array(JSONPrinter.compact(body).utf8))
        do {
            return try JSONParser.parse(bytes: response.body.isEmpty ? Array("{}".utf8) : response.body).cursor
        } catch {
            throw invalidResponse(operation, error)
        }
    }

    /// Decodes with `decode`, turning a JSON shape error into an `AWSError`.
    func decode<T>(_ operation: String, _ json: JSONCursor, _ decode: (JSONCursor) throws -> T) throws -> T {
        do { return try decode(json) } catch { throw invalidResponse(operation, error) }
    }

    func invalidResponse(_ operation: String, _ error: Error) -> AWSError {
        let detail = (error as? UserFacingError)?.message.en ?? "\(error)"
        return AWSError(kind: .invalidResponse, message: Catalog.awsInvalidResponse(operation: operation, detail: detail),
                        serviceCode: "InvalidResponse", operation: operation)
    }

    /// DescribeProjects, every page (bounded by `settings.maxPages`).
    public func describeProjects() throws -> [ProjectDescription] {
        try describeProjects(names: nil)
    }

    /// DescribeProjects for some project names (all when nil).
    public func describeProjects(names: [String]?) throws -> [ProjectDescription] {
        var projects: [ProjectDescription] = []
        var token: String? = nil
        for _ in 0..<settings.maxPages {
            let json = try callRekognition("DescribeProjects", body: DescribeProjectsPage.requestJSON(nextToken: token, projectNames: names))
            let page = try decode("DescribeProjects", json, DescribeProjectsPage.init(json:))
            projects += page.projects
            token = page.nextToken
            if token?.isEmpty ?? true { break }
        }
        return projects
    }

    /// DescribeProjectVersions, every page (bounded), with each version's per-label thresholds and
    /// metrics read from its evaluation summary in S3 when the service points at one. A summary
    /// that cannot be read leaves `labels` empty and adds a warning (`takeWarnings()`).
    public func describeProjectVersions(projectArn: String, versionNames: [String]?) throws -> [ProjectVersionDescription] {
        var versions = try describeProjectVersionsWithoutEvaluation(projectArn: projectArn, versionNames: versionNames)
        for index in versions.indices {
            guard let location = versions[index].evaluationSummaryS3 else { continue }
            do {
                let summary = try evaluationSummary(bucket: location.bucket, key: location.key)
                versions[index].labels = summary.labels
                versions[index].f1Score = versions[index].f1Score ?? summary.f1Score
                versions[index].trainingImages = versions[index].trainingImages ?? summary.trainingImages
                versions[index].testingImages = versions[index].testingImages ?? summary.testingImages
            } catch let error as AWSError {
                addWarning(Catalog.awsRecorderNoEvaluation(reason: error.message))
            }
        }
        return versions
    }

    /// DescribeProjectVersions alone (no S3 reads).
    public func describeProjectVersionsWithoutEvaluation(projectArn: String, versionNames: [String]?) throws -> [ProjectVersionDescription] {
        var versions: [ProjectVersionDescription] = []
        var token: String? = nil
        for _ in 0..<settings.maxPages {
            let body = DescribeProjectVersionsPage.requestJSON(projectArn: projectArn, versionNames: versionNames, nextToken: token)
            let json = try callRekognition("DescribeProjectVersions", body: body)
            let page = try decode("DescribeProjectVersions", json, DescribeProjectVersionsPage.init(json:))
            versions += page.versions
            token = page.nextToken
            if token?.isEmpty ?? true { break }
        }
        return versions
    }

    /// StartProjectVersion with `MinInferenceUnits` (and `MaxInferenceUnits` when given).
    public func startProjectVersion(arn: String, minInferenceUnits: Int, maxInferenceUnits: Int?) throws -> VersionStatus {
        let request = StartProjectVersionRequest(projectVersionArn: arn, minInferenceUnits: minInferenceUnits, maxInferenceUnits: maxInferenceUnits)
        let json = try callRekognition("StartProjectVersion", body: request.jsonValue)
        return try decode("StartProjectVersion", json, StatusResponse.decode)
    }

    /// StopProjectVersion.
    public func stopProjectVersion(arn: String) throws -> VersionStatus {
        let json = try callRekognition("StopProjectVersion", body: .object(["ProjectVersionArn": .string(arn)]))
        return try decode("StopProjectVersion", json, StatusResponse.decode)
    }

    /// DetectCustomLabels: the service applies thresholds, MinConfidence and MaxResults.
    /// A local photo is checked against the service's limits first, so a bad photo is named
    /// before any call.
    public func detectCustomLabels(_ request: DetectCustomLabelsRequest) throws -> DetectCustomLabelsResponse {
        if case .bytes(let bytes) = request.image { _ = try Photo.validate(bytes: bytes, name: request.photoName ?? "photo") }
        let json = try callRekognition("DetectCustomLabels", body: request.jsonValue)
        return try decode("DetectCustomLabels", json, DetectCustomLabelsResponse.init(json:))
    }

    /// For `inspect` and `record`: DetectCustomLabels with MinConfidence 0, so every candidate the
    /// model saw comes back (the caller applies the thresholds and MinConfidence itself).
    public func detectAllCandidates(projectVersionArn: String, image: ImageSource) throws -> DetectCustomLabelsResponse {
        try detectCustomLabels(DetectCustomLabelsRequest(projectVersionArn: projectVersionArn, image: image, maxResults: nil, minConfidence: 0))
    }

    // MARK: Waiting

    /// Statuses that end a wait.
    static let settledStatuses: Set<VersionStatus> = [
        .running, .stopped, .failed, .trainingCompleted, .trainingFailed, .copyingCompleted, .copyingFailed, .deprecated, .expired,
    ]

    /// Polls DescribeProjectVersions every `settings.pollInterval` seconds (30) until the version
    /// is RUNNING, STOPPED, TRAINING_COMPLETED or failed, at most `settings.maxPolls` (40) times
    /// (plus up to `settings.maxTrainingPolls` while TRAINING_IN_PROGRESS), calling `progress`
    /// with a line after each poll that must wait. Ctrl-C stops waiting (`Interrupted`), not the model.
    public func waitUntilStable(arn: String, progress: (Message) -> Void) throws -> VersionStatus {
        guard let versionArn = ProjectVersionArn(arn) else {
            throw AWSError(kind: .configuration, message: Catalog.awsNotAVersionArn(arn), serviceCode: "InvalidParameterException")
        }
        let projectArn = try projectArn(for: versionArn)
        var status = VersionStatus.starting
        // Polls while training do not use up `maxPolls`: training takes hours, starting minutes.
        var polls = 0, trainingPolls = 0
        while true {
            try settings.interrupt.check()
            let versions = try describeProjectVersionsWithoutEvaluation(projectArn: projectArn, versionNames: [versionArn.versionName])
            guard let version = versions.first(where: { $0.projectVersionArn == arn }) ?? versions.first else {
                throw AWSError(kind: .service, message: Catalog.awsVersionNotFound(arn), serviceCode: "ResourceNotFoundException",
                               operation: "DescribeProjectVersions")
            }
            status = version.status
            if Self.settledStatuses.contains(status) { return status }
            let training = status == .trainingInProgress
            if training { trainingPolls += 1 } else { polls += 1 }
            let (poll, limit) = training ? (trainingPolls, settings.maxTrainingPolls) : (polls, max(1, settings.maxPolls))
            if poll >= limit {
                throw AWSError(kind: .timeout, message: Catalog.awsWaitGaveUp(polls: limit, status: status.rawValue),
                               serviceCode: "WaitTimedOut", operation: "DescribeProjectVersions")
            }
            progress(Catalog.awsWaitProgress(poll: poll, maxPolls: limit, status: status.rawValue, nextSeconds: settings.pollInterval))
            try RetryPolicy.sleep(settings.pollInterval, interrupt: settings.interrupt)
        }
    }

    /// The project ARN a version belongs to (found once with DescribeProjects, then remembered):
    /// a version ARN does not hold its project's creation time.
    public func projectArn(for version: ProjectVersionArn) throws -> String {
        let key = "\(version.region)/\(version.account)/\(version.projectName)"
        lock.lock()
        let cached = projectArnCache[key]
        lock.unlock()
        if let cached { return cached }
        let projects = try describeProjects(names: [version.projectName])
        guard let project = projects.first(where: { ProjectArn($0.projectArn)?.projectName == version.projectName }) else {
            throw AWSError(kind: .service, message: Catalog.awsVersionNotFound(version.description), serviceCode: "ResourceNotFoundException",
                           operation: "DescribeProjects")
        }
        lock.lock()
        projectArnCache[key] = project.projectArn
        lock.unlock()
        return project.projectArn
    }

    // MARK: S3

    /// S3 GetObject, path-style (`GET /<bucket>/<key>`), signed for `s3`.
    public func getObject(bucket: String, key: String) throws -> [UInt8] {
        try client.call(s3, operation: "GetObject", method: "GET", path: "/\(bucket)/\(key)").body
    }

    /// S3 PutObject, path-style (`PUT /<bucket>/<key>`), signed for `s3` (the payload's hash signed too).
    public func putObject(bucket: String, key: String, bytes: [UInt8], contentType: String = "application/octet-stream") throws {
        _ = try client.call(s3, operation: "PutObject", method: "PUT", path: "/\(bucket)/\(key)",
                            headers: [(name: "Content-Type", value: contentType)], body: bytes)
    }

    /// The evaluation summary at `s3://bucket/key`, parsed (per-label thresholds and metrics);
    /// remembered for the life of the backend.
    public func evaluationSummary(bucket: String, key: String) throws -> EvaluationSummary {
        let cacheKey = bucket + "/" + key
        lock.lock()
        let cached = summaryCache[cacheKey]
        lock.unlock()
        if let cached { return cached }
        let bytes = try getObject(bucket: bucket, key: key)
        let summary: EvaluationSummary
        do {
            summary = try EvaluationSummary(json: JSONParser.parse(bytes: bytes).cursor)
        } catch {
            throw invalidResponse("GetObject", error)
        }
        lock.lock()
        summaryCache[cacheKey] = summary
        lock.unlock()
        return summary
    }

    /// The evaluation summary of one version, when DescribeProjectVersions points at one (nil otherwise).
    public func evaluationSummary(for version: ProjectVersionDescription) throws -> EvaluationSummary? {
        guard let location = version.evaluationSummaryS3 else { return nil }
        return try evaluationSummary(bucket: location.bucket, key: location.key)
    }

    // MARK: Images

    /// The image for a PHOTO argument: `s3://bucket/key` (as an S3Object, optionally `?versionId=`)
    /// or a local file's bytes.
    public static func imageSource(for photo: String) throws -> ImageSource {
        if photo.hasPrefix("s3://") {
            let rest = photo.dropFirst(5)
            guard let slash = rest.firstIndex(of: "/"), slash != rest.startIndex, rest.index(after: slash) != rest.endIndex else {
                throw AWSError(kind: .configuration, message: Catalog.awsInvalidS3URI(photo), serviceCode: "InvalidS3ObjectException")
            }
            let bucket = String(rest[..<slash])
            var key = String(rest[rest.index(after: slash)...])
            var version: String? = nil
            if let mark = key.range(of: "?versionId=") {
                version = String(key[mark.upperBound...])
                key = String(key[..<mark.lowerBound])
            }
            return .s3Object(bucket: bucket, name: key, version: version)
        }
        guard let data = FileManager.default.contents(atPath: photo) else {
            throw AWSError(kind: .file, message: Catalog.awsCannotReadFile(photo), serviceCode: "FileNotReadable")
        }
        return .bytes(Array(data))
    }

    func addWarning(_ message: Message) {
        lock.lock(); defer { lock.unlock() }
        pendingWarnings.append(message)
    }
}
