import CustomLabels
import Foundation
import Lessons
import PanyaLanguage
import PanyaStore
import PanyaSupport
import Register
import Session

/// One running panya at a terminal: the interpreter, its command table, the language, the
/// terminal and rendering, over a ``StudentSession`` (the store, the backend, the model in use,
/// the register, the clock and the schedules). The REPL, scripts, lessons and `panya check` each
/// own one. Command families never see the session whole: each gets the narrow context it needs
/// (`ShellContexts.swift`), which the session provides.
public final class ShellSession {
    /// Messages and values are shown in this language.
    public var language: UILanguage {
        didSet { interpreter.language = language }
    }
    /// Colour and width of the output terminal.
    public var terminal: Terminal
    /// The options the session was started with.
    public let options: ShellOptions
    /// Every command, for the parser, `help` and completion.
    public let commands = CommandTable()
    /// The language's interpreter (globals persist for the session).
    public private(set) var interpreter: Interpreter
    /// The session without the terminal: store, backend, model, register, clock, schedules.
    public let core: StudentSession
    /// The SQLite store.
    public var database: PanyaDatabase { core.database }
    /// Where `lessons/` and `mock-responses/` live.
    public var assetsRoot: String { core.assetsRoot }
    /// The Custom Labels service commands talk to.
    public var backend: CustomLabelsBackend { core.backend }
    /// Lesson progress in the store: one for the session, which the lesson family and every
    /// lesson run from it keep their progress in.
    let progressStore: LessonProgressStore
    /// The model version in use, per backend, with its thresholds.
    var models: ModelSelection { core.models }
    /// How photo arguments become paths and images.
    var photoArguments: PhotoArguments { core.photoArguments }
    /// Set by `quit` / `exit`.
    public var wantsToQuit = false
    /// Lines for the `history` command (the REPL fills it).
    public var historyProvider: () -> [String] = { [] }
    /// Reads one line after a prompt for lessons' `task> ` (the REPL uses libedit; nil at end of input).
    public var lineReader: (String) -> String? = { prompt in
        FileHandle.standardOutput.write(Data(prompt.utf8))
        return Swift.readLine()
    }
    private let sink: (String) -> Void

    /// Opens the store and the backend the options name and registers every command family.
    public convenience init(options: ShellOptions, output: @escaping (String) -> Void = ShellSession.standardOutput) throws {
        self.init(core: try StudentSession(options: options), output: output)
    }

    /// A shell over a session that is already open (its options, store, backend, register and
    /// clock): a class's desk keeps one session for its register screen and its console alike.
    public init(core: StudentSession, output: @escaping (String) -> Void = ShellSession.standardOutput) {
        let options = core.options
        self.options = options
        self.language = options.language
        self.terminal = options.terminal
        self.sink = output
        self.core = core
        self.progressStore = LessonProgressStore(core.database)
        self.interpreter = Interpreter(commands: commands, language: options.language, output: output)
        interpreter.memoryBudget = options.memoryBudget ?? MemoryBudget.standard
        interpreter.showCommandValue = { [weak self] value in
            guard let self else { return }
            let text = self.display(value)
            if !text.isEmpty { self.write(text + "\n") }
        }
        commands.register(CommandFamilies.all(for: self))
    }

    /// Writes text to the session's output (standard output, or a test's buffer).
    public func write(_ text: String) { sink(text) }

    /// Writes to standard output without buffering surprises.
    public static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// How results are shown now.
    var style: RenderStyle { RenderStyle(language: language, terminal: terminal) }

    /// A value in its human form: results through their renderers, the rest in literal form
    /// (a top-level string without quotes).
    public func display(_ value: Value) -> String { ResultDisplay.display(value, style) }

    /// Renders a diagnostic for `source` in the session's language.
    public func render(_ diagnostic: Diagnostic, source: String) -> String {
        DiagnosticRenderer.render(source: source, diagnostics: [diagnostic], language: language)
    }

    /// Runs one prompt entry and writes its value or its diagnostic; never throws.
    public func runEntry(_ source: String) {
        InterruptSignal.ctrlC.clear()
        do {
            if let value = try interpreter.evaluateEntry(source, file: "<stdin>") {
                let text = display(value)
                if !text.isEmpty { write(text + "\n") }
            }
        } catch {
            write(render(error, source: source))
        }
    }

    /// Runs a script; returns the exit status (0 ok, 1 failed) after writing any diagnostic.
    public func runScript(_ source: String, file: String) -> Int32 {
        InterruptSignal.ctrlC.clear()
        if let diagnostic = interpreter.run(source: source, file: file) {
            FileHandle.standardError.write(Data(render(diagnostic, source: source).utf8))
            return 1
        }
        return 0
    }

    /// Replaces the backend; variables stay (the interpreter is untouched).
    func switchBackend(to newBackend: CustomLabelsBackend) {
        core.switchBackend(to: newBackend)
    }

    /// This shell's register (the core's).
    var cashRegister: Register {
        get throws { try core.cashRegister }
    }

    /// The student whose progress and register are kept: `--student`, else the login name.
    var student: String { core.student }
}
