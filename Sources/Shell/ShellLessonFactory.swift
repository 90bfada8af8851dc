import CustomLabels
import Lessons
import PanyaLanguage
import PanyaSupport
import Session

/// Lessons run in a session of their own: fresh in-memory state (model, clock, register), the
/// student's terminal and language; progress is kept by the caller in the real store.
struct ShellLessonFactory: LessonEnvironmentFactory {
    let options: ShellOptions
    let assetsRoot: String

    func makeEnvironment(for lesson: LessonFile, purpose: LessonEnvironmentPurpose, language: UILanguage,
                         output: @escaping (String) -> Void) throws -> any LessonEnvironment {
        var options = self.options
        options.language = language
        options.databasePath = ":memory:"
        options.assetsRoot = assetsRoot
        if purpose == .check { options.terminal = .plain }
        return try ShellSession(options: options, output: output)
    }
}

extension ShellSession: LessonEnvironment {
    /// `lesson "…" --backend mock|aws --clock ISO8601`.
    public func applyLessonOptions(_ options: OrderedMap) throws {
        if let backendName = options["backend"]?.asString, backendName != backend.kind.rawValue {
            guard let choice = BackendKind(rawValue: backendName) else { throw ShellError.unknownBackend(backendName) }
            var changed = self.options
            changed.backend = choice
            switchBackend(to: try BackendFactory.make(options: changed, assetsRoot: assetsRoot, database: database))
        }
        if let clock = options["clock"]?.asString {
            guard let simulator = backend.simulatedTime else {
                throw SessionError.notAvailableOnBackend(command: "--clock", backend: backend.kind.rawValue)
            }
            _ = try simulator.setClock(clock)
        }
    }
}
