import PanyaLanguage
import PanyaSupport

/// What a lesson runs in: an interpreter whose commands are bound to a backend, a register, a
/// clock and a store. The shell builds these (`ShellSession` is the natural implementation).
public protocol LessonEnvironment: AnyObject {
    /// The interpreter the lesson's statements, demos, solutions and the student's lines run in.
    var interpreter: Interpreter { get }
    /// Applies the `lesson` line's options other than `--lang`: `--backend mock|aws`, `--clock ISO8601`
    /// (e.g. `clock set`). Throw a `UserFacingError` for an option it cannot honour.
    func applyLessonOptions(_ options: OrderedMap) throws
    /// A value as the prompt shows it (tables, pictures); the text ends without a newline.
    func display(_ value: Value) -> String
}

/// Why an environment is being made.
public enum LessonEnvironmentPurpose: Sendable, Equatable {
    /// A student's run (`lesson start N`, `panya lesson FILE`).
    case interactive
    /// `panya check`: must be fresh state with an in-memory database (no terminal, no files kept).
    case check
}

/// Makes a fresh environment for each lesson. `output` receives everything the interpreter prints
/// (`print`, command statements); give it to `Interpreter(commands:language:output:)`.
public protocol LessonEnvironmentFactory {
    func makeEnvironment(for lesson: LessonFile, purpose: LessonEnvironmentPurpose, language: UILanguage,
                         output: @escaping (String) -> Void) throws -> any LessonEnvironment
}

/// How a lesson run talks to the student: the REPL's LineEditor (or a test script) reads, the
/// terminal (or a test buffer) writes.
public struct LessonIO {
    /// Shows `prompt` and reads one line without its newline; nil at end of input (Ctrl-D).
    public var readLine: (_ prompt: String) -> String?
    /// Writes text as is (callers include newlines).
    public var write: (String) -> Void

    public init(readLine: @escaping (_ prompt: String) -> String?, write: @escaping (String) -> Void) {
        self.readLine = readLine
        self.write = write
    }

    /// Reads from `lines` in order (nil when they run out) and appends everything written to `output`.
    public static func scripted(_ lines: [String], echo: Bool = true, into output: SharedText) -> LessonIO {
        var remaining = lines[...]
        return LessonIO(
            readLine: { prompt in
                guard let line = remaining.popFirst() else {
                    if echo { output.text += prompt + "^D\n" }
                    return nil
                }
                if echo { output.text += prompt + line + "\n" }
                return line
            },
            write: { output.text += $0 })
    }
}

/// A text buffer shared by closures (tests and scripted runs).
public final class SharedText {
    public var text = ""
    public init() {}
}
