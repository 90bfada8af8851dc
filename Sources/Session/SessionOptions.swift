import CustomLabels
import PanyaSupport

/// Everything the command line (or a test) decides about a session.
public struct SessionOptions: Sendable {
    public var backend: BackendKind = .mock
    /// The mock's recordings folder; nil means the bundled `mock-responses/`.
    public var mockDirectory: String?
    /// SQLite path, `:memory:`, or nil for `PANYA_DB` / the XDG default.
    public var databasePath: String?
    public var language: UILanguage = .en
    public var terminal: Terminal = .plain
    public var profile: String?
    public var region: String?
    public var endpointURL: String?
    /// The S3 bucket `train` uses on AWS (`--training-bucket`); nil means `PANYA_TRAINING_BUCKET`.
    public var trainingBucket: String?
    /// The student whose lesson progress is saved; nil means the login name.
    public var student: String?
    /// Where `lessons/` and `mock-responses/` are; nil means `Paths.assetsRoot()`.
    public var assetsRoot: String?
    /// The lessons folder; nil means the bundled `lessons/` (`panya class --lessons DIR`).
    public var lessonsDirectory: String?
    /// A student's sandbox in `panya class`: files only in their folder and the assets; nil in a shell of one's own.
    public var sandbox: Sandbox?
    /// The most bytes the values of one interpreter of the session may hold together; nil is the
    /// language's standard budget (a student's sessions in `panya class` get less).
    public var memoryBudget: Int?

    public init() {}
}
