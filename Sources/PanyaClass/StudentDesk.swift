import Dispatch
import Foundation
import PanyaSupport
import Session
import Shell
import Synchronization

/// One student's place in the class: their folder, their own database and the session the
/// register screen and their code run in. Everything a desk runs goes through its own serial
/// queue, so one student's work (even an endless loop, until its time limit) never holds
/// another student's page.
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

    let options: ShellOptions
    private let queue: DispatchQueue
    /// Opened on the queue at first use (never touched off it).
    private var session: ShellSession?
    /// What the model saw on each photo, by photo number (kept for re-filtering and adding to the register).
    var candidates: [Int: ScreenCandidates] = [:]
    /// The console's evaluation page of each trained version, by ARN (computed once, see `ConsoleEvaluation`).
    var evaluationPages: [String: ConsoleEvaluation.PageJSON] = [:]

    init(studentId: Int64, name: String, folder: String, classOptions: ClassOptions, assetsRoot: String) {
        self.studentId = studentId
        self.folder = folder
        var options = ShellOptions()
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
    func run<T: Sendable>(_ body: @escaping @Sendable (ShellSession, StudentDesk) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do {
                    let session = try self.openSession()
                    continuation.resume(returning: try body(session, self))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private func openSession() throws -> ShellSession {
        if let session { return session }
        let opened = try ShellSession(options: options) { _ in }
        session = opened
        return opened
    }

    /// A new session for a terminal in the page (its own interpreter, the same database).
    func terminalSession(language: UILanguage, output: @escaping (String) -> Void) throws -> ShellSession {
        var options = options
        options.language = language
        return try ShellSession(options: options, output: output)
    }

    /// Closes the screen session (the teacher's reset, or the server stopping).
    func close() {
        queue.sync { session = nil; candidates = [:]; evaluationPages = [:] }
    }
}
