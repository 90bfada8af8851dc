import CustomLabels
import Foundation
import PanyaStore
import PanyaSupport
import Register
import Schedules

/// One student's session without a terminal: the store, the bundled assets, the backend (and
/// switching it), the model in use, the register, the clock, the schedules and where lesson
/// progress is kept. The REPL's `ShellSession`, the one-shot commands and a class's desks each
/// hold one; nothing here reads keys or renders text.
public final class StudentSession {
    /// The options the session was started with.
    public let options: SessionOptions
    /// The SQLite store.
    public let database: PanyaDatabase
    /// Where `lessons/` and `mock-responses/` live.
    public let assetsRoot: String
    /// The Custom Labels service the session talks to.
    public private(set) var backend: CustomLabelsBackend
    /// The model version in use, per backend, with its thresholds.
    public let models: ModelSelection
    /// How photo arguments become paths and images (inside the sandbox, in a class).
    public let photoArguments: PhotoArguments
    private var openedRegister: Register?

    /// Opens the store and the backend the options name. A backend that cannot be opened becomes
    /// an ``UnavailableBackend`` that reports why on every call; a store that cannot be opened throws.
    public init(options: SessionOptions) throws {
        self.options = options
        let assetsRoot = options.assetsRoot ?? Paths.assetsRoot()
        self.assetsRoot = assetsRoot
        let database = try PanyaDatabase(path: PanyaDatabase.resolvePath(flag: options.databasePath), lockWait: .standard(language: options.language))
        self.database = database
        let backend: CustomLabelsBackend
        do {
            backend = try BackendFactory.make(options: options, assetsRoot: assetsRoot, database: database)
        } catch {
            backend = UnavailableBackend(kind: options.backend, error: error)
        }
        self.backend = backend
        self.models = ModelSelection(database: database, backend: backend)
        self.photoArguments = PhotoArguments(assetsRoot: assetsRoot, sandbox: options.sandbox)
    }

    /// Replaces the backend; the model selection follows it.
    public func switchBackend(to newBackend: CustomLabelsBackend) {
        backend = newBackend
        models.backend = newBackend
    }

    // MARK: The register

    /// This session's register over the store (opened on first use; a store that cannot be
    /// written is reported then). Each session has its own register; receipts are shared.
    public var cashRegister: Register {
        get throws {
            if let openedRegister { return openedRegister }
            let register = try Register(database: database, register: registerKey)
            openedRegister = register
            return register
        }
    }

    /// The register's name when no student is named: this session's alone, emptied when it ends.
    public let registerName: String = StudentSession.anonymousRegisterName()

    /// Whether the register belongs to this session only (no `--student`).
    private var registerIsAnonymous: Bool { options.student.map(\.isEmpty) ?? true }

    private static func anonymousRegisterName() -> String {
        "shell:\(getpid()):\(Int(Date().timeIntervalSince1970 * 1000))"
    }

    /// The register this session uses: the student's when `--student` was given (a restart of
    /// the same student resumes it).
    public var registerKey: String { registerIsAnonymous ? registerName : "student:" + student }

    deinit {
        // A session's own register ends with it; a student's is kept for next time.
        if registerIsAnonymous, openedRegister != nil { try? openedRegister?.clear() }
    }

    /// The student whose progress and register are kept: `--student`, else the login name.
    public var student: String {
        if let name = options.student, !name.isEmpty { return name }
        let env = ProcessEnvironment.current
        return env["USER"] ?? env["LOGNAME"] ?? "student"
    }

    // MARK: The clock and the schedules

    /// The simulated clock, when the backend has one.
    public var simulator: (any SimulatedTime)? { backend.simulatedTime }

    /// When a sale happens now: the simulated clock's time and offset on a backend that has one
    /// (lessons run on it), else the real time in UTC.
    public func saleTime() -> (time: Date, offsetSeconds: Int) {
        guard let simulator, let now = try? simulator.clock() else { return (Date(), 0) }
        return (Date(timeIntervalSince1970: now.seconds), now.offsetSeconds)
    }

    /// The schedules in the store, checked against the current backend.
    public var scheduleBook: ScheduleBook { ScheduleBook(store: ScheduleStore(database), models: models) }

    /// The scheduler on the simulated clock, when the backend has one.
    public var scheduleRunner: ScheduleRunner? {
        simulator.map { ScheduleRunner(database: database, simulator: $0) }
    }
}
