import CustomLabels
import Foundation
import Lessons
import PanyaLanguage
import PanyaStore
import PanyaSupport
import Register

/// One running panya: the interpreter, its command table, the current backend, the store,
/// the language and the terminal. The REPL, scripts, lessons and `panya check` each own one.
/// Command families never see the session whole: each gets the narrow context it needs
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
    /// The SQLite store.
    public let database: PanyaDatabase
    /// Where `lessons/` and `mock-responses/` live.
    public let assetsRoot: String
    /// The Custom Labels service commands talk to.
    public private(set) var backend: CustomLabelsBackend
    /// The model version in use, per backend, with its thresholds.
    let models: ModelSelection
    /// How photo arguments become paths and images.
    let photoArguments: PhotoArguments
    /// Set by `quit` / `exit`.
    public var wantsToQuit = false
    /// Lines for the `history` command (the REPL fills it).
    public var historyProvider: () -> [String] = { [] }
    /// Reads one line after a prompt for lessons' `task> ` (the REPL uses libedit; nil at end of input).
    public var lineReader: (String) -> String? = { prompt in
        FileHandle.standardOutput.write(Data(prompt.utf8))
        return Swift.readLine()
    }
    private var openedRegister: Register?
    private let sink: (String) -> Void

    /// Opens the store and the backend the options name and registers every command family.
    public init(options: ShellOptions, output: @escaping (String) -> Void = ShellSession.standardOutput) throws {
        self.options = options
        self.language = options.language
        self.terminal = options.terminal
        self.sink = output
        let assetsRoot = options.assetsRoot ?? Paths.assetsRoot()
        self.assetsRoot = assetsRoot
        let database = try PanyaDatabase(path: PanyaDatabase.resolvePath(flag: options.databasePath), lockWait: .standard(language: options.language))
        self.database = database
        self.interpreter = Interpreter(commands: commands, language: options.language, output: output)
        interpreter.memoryBudget = options.memoryBudget
        let backend: CustomLabelsBackend
        do {
            backend = try BackendFactory.make(options: options, assetsRoot: assetsRoot, database: database)
        } catch {
            backend = UnavailableBackend(kind: options.backend, error: error)
        }
        self.backend = backend
        self.models = ModelSelection(database: database, backend: backend)
        self.photoArguments = PhotoArguments(assetsRoot: assetsRoot, sandbox: options.sandbox)
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
        backend = newBackend
        models.backend = newBackend
    }

    /// This shell's register over the store (opened on first use; a store that cannot be
    /// written is reported then). Each shell has its own register; receipts are shared.
    var cashRegister: Register {
        get throws {
            if let openedRegister { return openedRegister }
            let register = try Register(storage: SQLiteRegisterStorage(database: database, register: registerKey))
            openedRegister = register
            return register
        }
    }

    /// The register's name: `--student NAME`'s own (a restart of the same student resumes it),
    /// else this shell's alone, emptied when the shell ends.
    let registerName: String = ShellSession.anonymousRegisterName()

    /// Whether the register belongs to this shell only (no `--student`).
    private var registerIsAnonymous: Bool { options.student.map(\.isEmpty) ?? true }

    private static func anonymousRegisterName() -> String {
        "shell:\(getpid()):\(Int(Date().timeIntervalSince1970 * 1000))"
    }

    /// The register this shell uses: the student's when `--student` was given.
    var registerKey: String { registerIsAnonymous ? registerName : "student:" + student }

    deinit {
        // A shell's own register ends with the shell; a student's is kept for next time.
        if registerIsAnonymous, openedRegister != nil { try? openedRegister?.clear() }
    }

    /// The student whose progress and register are kept: `--student`, else the login name.
    var student: String {
        if let name = options.student, !name.isEmpty { return name }
        let env = ProcessEnvironment.current
        return env["USER"] ?? env["LOGNAME"] ?? "student"
    }
}
