import ArgumentParser
import Foundation
import Shell

/// `panya`: the REPL, or a script with `-c`, or standard input when it is not a terminal.
struct Panya: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panya",
        abstract: "panya (パン屋): a classroom simulator of Amazon Rekognition Custom Labels — the bakery AI register.",
        discussion: "With no arguments: the interactive shell on the bundled mock. Standard input that is not a terminal is read as a script.",
        version: PanyaVersion.string,
        subcommands: [RunCommand.self, CheckCommand.self, LessonCommand.self, DetectCommand.self, RecordingCommand.self, ServeCommand.self, ClassCommand.self]
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .customShort("c"), help: "Run CODE and exit.")
    var code: String?

    func run() throws {
        let options = global.shellOptions()
        if let code {
            throw ExitCode(ShellEntry.runScript(source: code, file: "<-c>", options: options))
        }
        if isatty(STDIN_FILENO) == 0 {
            throw ExitCode(ShellEntry.runStandardInput(options: options))
        }
        throw ExitCode(ShellEntry.runREPL(options: options))
    }
}

/// `panya run FILE [ARGS]`.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run a script; exit 1 on its first error.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The script (.panya).") var file: String
    @Argument(parsing: .captureForPassthrough, help: "Arguments, visible to the script as `args`.") var arguments: [String] = []

    func run() throws {
        throw ExitCode(ShellEntry.runFile(path: file, arguments: arguments, options: global.shellOptions()))
    }
}

/// `panya check [PATH...]`.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Check lessons without a terminal: 'N passed, N failed'.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Lesson files or folders (default: lessons/).") var paths: [String] = []
    @Option(name: .customLong("time-limit"), help: "Seconds one lesson may run before it fails (default 120).")
    var timeLimit: Double = ShellEntry.defaultCheckTimeLimit
    @Flag(help: "After each lesson, show every quiz with the answer it expected in the run.") var explain = false

    func validate() throws {
        guard timeLimit.isFinite, timeLimit > 0, timeLimit <= 3600 else {
            throw ValidationError("--time-limit must be a number of seconds from 0 to 3600 (more than 0), not \(timeLimit).")
        }
    }

    func run() throws {
        throw ExitCode(ShellEntry.checkLessons(paths: paths, options: global.shellOptions(), timeLimit: timeLimit, explain: explain))
    }
}

/// `panya lesson FILE|N`.
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lesson", abstract: "Run one lesson interactively.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A lesson number (1) or file.") var lesson: String

    func run() throws {
        throw ExitCode(ShellEntry.runLesson(lesson, options: global.shellOptions()))
    }
}

/// `panya detect PHOTO [...]`: one-shot, the same flags and output as the command.
struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "detect", abstract: "Detect the breads in one photo (one-shot).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A JPEG or PNG path, or s3://bucket/key.") var photo: String
    @Option(name: .customLong("min-confidence"), help: "MinConfidence, 0–100 (the service checks it).") var minConfidence: Double?
    @Option(name: .customLong("max-results"), help: "MaxResults, ≥ 0 (the service checks it).") var maxResults: Int?
    @Flag(help: "Print the response exactly as the AWS CLI does.") var json = false

    func run() throws {
        throw ExitCode(ShellEntry.detectOnce(photo: photo, minConfidence: minConfidence, maxResults: maxResults, json: json,
                                             options: global.shellOptions()))
    }
}

/// `panya recording skeleton PHOTO`.
struct RecordingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "recording", abstract: "Help with recorded responses.", subcommands: [Skeleton.self])

    struct Skeleton: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "skeleton", abstract: "Print a recording skeleton (hash and size filled in) for a new photo.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The photo.") var photo: String

        func run() throws {
            throw ExitCode(ShellEntry.printRecordingSkeleton(photo: photo, options: global.shellOptions()))
        }
    }
}
