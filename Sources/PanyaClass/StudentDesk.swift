import Dispatch
import Foundation
import PanyaSupport
import Session
import Shell
import Synchronization

/// One student's place in the class: their folder, their own database and the session the
/// register screen works on (the console's shell and the student's code run over that same
/// session). Everything a desk runs goes through its own serial queue, so one student's work
/// (even an endless loop, until its time limit) never holds another student's page.
public final class StudentDesk: @unchecked Sendable {
    /// The student's row id in the roster.
    public let studentId: Int64
    /// `<class folder>/students/s<id>`: the database and the sandbox folder live here.
    public let folder: String
    /// The student's own files (the sandbox's home: uploads, their code, what they write).
    public var home: String { folder + "/files" }
    /// The student's own database (clock, models, register, receipts, lesson progress).
    public var databasePath: String { folder + "/panya.sqlite" }
    /// The photos the student sent, upright and reduced.
    public var photosFolder: String { home + "/photos" }
    /// The student's own register code.
    public var codePath: String { home + "/register.panya" }

    let options: SessionOptions
    private let queue: DispatchQueue
    /// The student's session, opened on the queue at first use (never touched off it): the
    /// register screen works on it directly.
    private var session: StudentSession?
    /// The console's shell over that same session (one store connection, one register, one
    /// clock), opened on the queue when a console command or the student's code first runs.
    private var shell: ShellSession?
    /// What the model saw on each photo, by photo number (kept for re-filtering and adding to the register).
    var candidates: [Int: ScreenCandidates] = [:]
    /// The console's evaluation page of each trained version, by ARN (computed once, see `ConsoleEvaluation`).
    var evaluationPages: [String: ConsoleEvaluation.PageJSON] = [:]

    init(studentId: Int64, name: String, folder: String, classOptions: ClassOptions, assetsRoot: String) {
        self.studentId = studentId
        self.folder = folder
        var options = SessionOptions()
        options.mockDirectory = classOptions.mockDirectory
        options.databasePath = folder + "/panya.sqlite"
        options.language = classOptions.language
        options.assetsRoot = assetsRoot
        options.student = name
        options.memoryBudget = classOptions.studentMemoryBudget
        let lessons = classOptions.lessonsDirectory ?? assetsRoot + "/lessons"
        options.lessonsDirectory = lessons
        options.sandbox = Sandbox(home: folder + "/files", readOnlyRoots: [assetsRoot + "/lessons", lessons, assetsRoot + "/mock-responses"])
        self.options = options
        queue = DispatchQueue(label: "panya.class.s\(studentId)")
    }

    /// Runs `body` on the student's queue with their session (opened on first use) and returns its value.
    func run<T: Sendable>(_ body: @escaping @Sendable (StudentSession, StudentDesk) throws -> T) async throws -> T {
        try await onQueue { desk in try body(try desk.openSession(), desk) }
    }

    /// Runs `body` on the student's queue with the console's shell (over the same session) and
    /// returns its value: for the console's typed commands and the student's own code.
    func runShell<T: Sendable>(_ body: @escaping @Sendable (ShellSession, StudentDesk) throws -> T) async throws -> T {
        try await onQueue { desk in try body(try desk.openShell(), desk) }
    }

    private func onQueue<T: Sendable>(_ body: @escaping @Sendable (StudentDesk) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do {
                    continuation.resume(returning: try body(self))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private func openSession() throws -> StudentSession {
        if let session { return session }
        let opened = try StudentSession(options: options)
        session = opened
        return opened
    }

    private func openShell() throws -> ShellSession {
        if let shell { return shell }
        let opened = ShellSession(core: try openSession()) { _ in }
        // The console runs a fixed list of commands, and the process's Ctrl-C belongs to the
        // teacher's terminal (or to another thread's work), never to a student's desk.
        opened.interpreter.interrupt = .never
        shell = opened
        return opened
    }

    /// A new shell for a terminal in the page: its own session (it runs on a thread of its own,
    /// off the desk's queue) over the same database, so the same register and clock.
    func terminalSession(language: UILanguage, output: @escaping (String) -> Void) throws -> ShellSession {
        var options = options
        options.language = language
        return try ShellSession(options: options, output: output)
    }

    /// Closes the desk's session and its shell (the teacher's reset, or the server stopping).
    func close() {
        queue.sync { shell = nil; session = nil; candidates = [:]; evaluationPages = [:] }
    }
}
