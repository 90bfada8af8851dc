import CustomLabels
import Foundation
import PanyaLanguage
import PanyaStore
import PanyaSupport
import Register

/// One running panya: the interpreter, its command table, the current backend, the store,
/// the language and the terminal. The REPL, scripts, lessons and `panya check` each own one.
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
    public var backend: CustomLabelsBackend
    /// Set by `quit` / `exit`.
    public var wantsToQuit = false
    /// Lines for the `history` command (the REPL fills it).
    public var historyProvider: () -> [String] = { [] }
    /// Reads one line after a prompt for lessons' `task> ` (the REPL uses libedit; nil at end of input).
    public var lineReader: (String) -> String? = { prompt in
        FileHandle.standardOutput.write(Data(prompt.utf8))
        return Swift.readLine()
    }
    /// Assumed thresholds per version ARN, read once per backend.
    var thresholdCache: [String: [String: Double]] = [:]
    private var openedRegister: Register?
    /// The register over the store (opened on first use; a store that cannot be written is reported then).
    var cashRegister: Register {
        get throws {
            if let openedRegister { return openedRegister }
            let storage = SQLiteRegisterStorage(lineStore: RegisterStore(database), receiptStore: ReceiptStore(database))
            let register = try Register(storage: storage)
            openedRegister = register
            return register
        }
    }

    private let sink: (String) -> Void
    private var recordRenderers: [String: (Record) -> String] = [:]
    private var listRenderers: [String: ([Record]) -> String] = [:]

    /// Opens the store and the backend the options name and registers every command.
    public init(options: ShellOptions, output: @escaping (String) -> Void = ShellSession.standardOutput) throws {
        self.options = options
        self.language = options.language
        self.terminal = options.terminal
        self.sink = output
        self.assetsRoot = options.assetsRoot ?? Paths.assetsRoot()
        let path = options.databasePath ?? ProcessInfo.processInfo.environment["PANYA_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? Paths.defaultDatabase()
        self.database = try PanyaDatabase(path: path)
        let commands = self.commands
        self.interpreter = Interpreter(commands: commands, language: options.language, output: output)
        do {
            self.backend = try BackendFactory.make(options: options, assetsRoot: assetsRoot, database: database)
        } catch {
            self.backend = UnavailableBackend(kind: options.backend, error: error)
        }
        interpreter.showCommandValue = { [weak self] value in
            guard let self else { return }
            let text = self.display(value)
            if !text.isEmpty { self.write(text + "\n") }
        }
        registerAllCommands()
    }

    /// Writes text to the session's output (standard output, or a test's buffer).
    public func write(_ text: String) { sink(text) }

    /// Writes to standard output without buffering surprises.
    public static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Registers a command (each command family calls this from its `register…Commands`).
    public func register(_ command: Command) { commands.register(command) }

    /// How records of `kind` are shown at the prompt.
    public func registerRenderer(kind: String, _ render: @escaping (Record) -> String) {
        recordRenderers[kind] = render
    }

    /// How a list of records of `kind` is shown at the prompt (usually a table).
    public func registerListRenderer(kind: String, _ render: @escaping ([Record]) -> String) {
        listRenderers[kind] = render
    }

    /// A value in its human form: records through their renderers, the rest in literal form
    /// (a top-level string without quotes).
    public func display(_ value: Value) -> String {
        switch value {
        case .null:
            return ""
        case .string(let text):
            return text
        case .record(let record):
            if let render = recordRenderers[record.kind] { return render(record) }
            return GenericRecordRenderer.render(record)
        case .list(let items):
            let records = items.compactMap { item -> Record? in
                if case .record(let r) = item { return r } else { return nil }
            }
            if !items.isEmpty, records.count == items.count, let kind = records.first?.kind,
               records.allSatisfy({ $0.kind == kind }), let render = listRenderers[kind] {
                return render(records)
            }
            return value.literal
        default:
            return value.literal
        }
    }

    /// Renders a diagnostic for `source` in the session's language.
    public func render(_ diagnostic: Diagnostic, source: String) -> String {
        DiagnosticRenderer.render(source: source, diagnostics: [diagnostic], language: language)
    }

    /// Runs one prompt entry and writes its value or its diagnostic; never throws.
    public func runEntry(_ source: String) {
        Interrupt.clear()
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
        Interrupt.clear()
        if let diagnostic = interpreter.run(source: source, file: file) {
            FileHandle.standardError.write(Data(render(diagnostic, source: source).utf8))
            return 1
        }
        return 0
    }

    private func registerAllCommands() {
        registerShellCommands()
        registerBackendCommands()
        registerModelCommands()
        registerDetectionCommands()
        registerPhotoCommands()
        registerClockCommands()
        registerRegisterCommands()
        registerLessonCommands()
        registerRecordingCommands()
    }
}
