import PanyaSupport

/// Everything `panya serve` is started with.
public struct ServerConfiguration: Sendable {
    /// The address to bind (127.0.0.1 unless asked).
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// The recordings folder (its `s3/` holds the buckets unless `s3Root` says otherwise).
    public var mockDirectory: String
    /// The buckets' folder; nil means `<mockDirectory>/s3`.
    public var s3Root: String?
    /// The SQLite database shared with the shells (`:memory:` keeps nothing).
    public var databasePath: String
    /// SigV4 checking: off, or on with a key list.
    public var authentication: Authentication
    /// How the simulated clock moves while the server runs.
    public var clock: ClockMode
    /// The language of the banner, the log and panya's own error explanations.
    public var language: UILanguage
    /// The largest request body read; a longer one is refused with 413 before it is read.
    public var maxBodyBytes: Int
    /// The region the server answers for: requests must be signed for it (`--auth`); `--region`.
    public var region: String
    /// How long a connection may take to send a request's head (line and headers) once it has
    /// started one, in seconds; then it is closed.
    public var headerTimeout: Double
    /// How long a connection may stay open with no request under way, in seconds; then it is closed.
    public var idleTimeout: Double
    /// The most request-body bytes held at once across all connections; a request that would
    /// go beyond it is refused (503) before its body is read.
    public var maxInFlightBodyBytes: Int

    /// Off: any signature (or none) is accepted, as moto does by default.
    public enum Authentication: Sendable, Equatable {
        case off
        case keys(AccessKeys)
    }

    /// `simulated` keeps the shell's clock; `real` runs it `scale` times faster than the wall clock,
    /// so STARTING (5 simulated minutes) lasts 5 real seconds at the default 60.
    public enum ClockMode: Sendable, Equatable {
        case simulated
        case real(scale: Double)

        /// The scale `--clock real` uses: 5 minutes → 5 seconds.
        public static let defaultScale = 60.0
    }

    /// The body limit: room for a 4 MB image in base64 and a 15 MB S3 object, not much more.
    public static let defaultMaxBodyBytes = 16 * 1024 * 1024
    /// The region of the walkthrough.
    public static let defaultRegion = "ap-northeast-1"
    /// Seconds a client has to finish sending a request's head.
    public static let defaultHeaderTimeout = 30.0
    /// Seconds an idle connection is kept.
    public static let defaultIdleTimeout = 60.0
    /// The bodies held at once: 16 of the largest.
    public static let defaultMaxInFlightBodyBytes = 256 * 1024 * 1024

    public init(host: String = "127.0.0.1", port: Int = 4566, mockDirectory: String, s3Root: String? = nil, databasePath: String,
                authentication: Authentication = .off, clock: ClockMode = .simulated, language: UILanguage = .en,
                maxBodyBytes: Int = ServerConfiguration.defaultMaxBodyBytes, region: String = ServerConfiguration.defaultRegion,
                headerTimeout: Double = ServerConfiguration.defaultHeaderTimeout, idleTimeout: Double = ServerConfiguration.defaultIdleTimeout,
                maxInFlightBodyBytes: Int = ServerConfiguration.defaultMaxInFlightBodyBytes) {
        self.host = host
        self.port = port
        self.mockDirectory = mockDirectory
        self.s3Root = s3Root
        self.databasePath = databasePath
        self.authentication = authentication
        self.clock = clock
        self.language = language
        self.maxBodyBytes = maxBodyBytes
        self.region = region
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.maxInFlightBodyBytes = maxInFlightBodyBytes
    }
}
