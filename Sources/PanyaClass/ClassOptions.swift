import Foundation
import PanyaLanguage
import PanyaSupport

/// What `panya class` was given, before defaults are applied.
public struct ClassOptions: Sendable {
    /// Address to listen on: loopback unless the teacher opens it to the room (`--host 0.0.0.0`).
    public var host = "127.0.0.1"
    /// Port to listen on (0 picks a free one).
    public var port = 8080
    /// The recordings folder; nil means the bundled `mock-responses/`.
    public var mockDirectory: String?
    /// The class's folder: its roster database and one folder per student (`--db` names the roster's file).
    public var dataDirectory: String?
    /// The roster database's path; nil means `<data folder>/class.sqlite`.
    public var databasePath: String?
    /// The lessons folder; nil means the bundled `lessons/`.
    public var lessonsDirectory: String?
    /// Where `lessons/`, `mock-responses/` and `web/` are; nil means the panya folder.
    public var assetsRoot: String?
    /// The language of the terminal's lines and the pages' default.
    public var language: UILanguage = .ja
    /// The class code students type (nil: a new one is made, e.g. `PAN-4821`).
    public var classCode: String?
    /// The teacher's password (nil: a new one is made and printed).
    public var teacherPassword: String?
    /// Photos one student may send in a minute.
    public var uploadsPerMinute = 30
    /// Seconds one run of a student's code may take.
    public var codeTimeLimit: Double = 5
    /// The memory budget of each of a student's sessions (the register screen, each terminal,
    /// each run of their code), in bytes: 64 MiB.
    public var studentMemoryBudget = MemoryBudget.student
    /// Train the class model (on the lesson photos) when the class folder is new; without it only
    /// recorded photos are answered (tests that do not need it save the training's time).
    public var trainClassModel = true
    /// Draw the URL as a QR code in the banner.
    public var showQRCode = true

    public init() {}

    /// The class's data folder: `--data DIR`, else beside `--db`, else `$XDG_DATA_HOME/panya/class`.
    public func resolvedDataDirectory(environment: [String: String] = ProcessEnvironment.current) -> String {
        if let dataDirectory { return dataDirectory }
        if let databasePath, databasePath != ":memory:" {
            let folder = (databasePath as NSString).deletingLastPathComponent
            return (folder.isEmpty ? "." : folder) + "/class-data"
        }
        return (Paths.defaultDatabase(environment: environment) as NSString).deletingLastPathComponent + "/class"
    }
}
