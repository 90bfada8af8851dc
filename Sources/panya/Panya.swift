import ArgumentParser
import Foundation
import PanyaSupport
import Shell

/// `panya`: the REPL, or a script with `-c`, or standard input when it is not a terminal.
struct Panya: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "panya",
            abstract: HelpLanguage.text(Catalog.cliAbstract),
            discussion: HelpLanguage.text(Catalog.cliDiscussion),
            version: PanyaVersion.string,
            subcommands: [RunCommand.self, CheckCommand.self, LessonCommand.self, DetectCommand.self, RecordingCommand.self, ServeCommand.self, ClassCommand.self]
        )
    }

    @OptionGroup var global: GlobalOptions

    @Option(name: .customShort("c"), help: HelpLanguage.help(Catalog.cliCode))
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
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "run", abstract: HelpLanguage.text(Catalog.cliRunAbstract)) }
    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(Catalog.cliRunFile)) var file: String
    @Argument(parsing: .captureForPassthrough, help: HelpLanguage.help(Catalog.cliRunArguments)) var arguments: [String] = []

    func run() throws {
        throw ExitCode(ShellEntry.runFile(path: file, arguments: arguments, options: global.shellOptions()))
    }
}

/// `panya check [PATH...]`.
struct CheckCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "check", abstract: HelpLanguage.text(Catalog.cliCheckAbstract)) }
    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(Catalog.cliCheckPaths)) var paths: [String] = []
    @Option(name: .customLong("time-limit"), help: HelpLanguage.help(Catalog.cliCheckTimeLimit))
    var timeLimit: Double = ShellEntry.defaultCheckTimeLimit
    @Flag(help: HelpLanguage.help(Catalog.cliCheckExplain)) var explain = false

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
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "lesson", abstract: HelpLanguage.text(Catalog.cliLessonAbstract)) }
    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(Catalog.cliLessonArgument)) var lesson: String

    func run() throws {
        throw ExitCode(ShellEntry.runLesson(lesson, options: global.shellOptions()))
    }
}

/// `panya detect PHOTO [...]`: one-shot, the same flags and output as the command.
struct DetectCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "detect", abstract: HelpLanguage.text(Catalog.cliDetectAbstract)) }
    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(Catalog.cliDetectPhoto)) var photo: String
    @Option(name: .customLong("min-confidence"), help: HelpLanguage.help(Catalog.cliDetectMinConfidence)) var minConfidence: Double?
    @Option(name: .customLong("max-results"), help: HelpLanguage.help(Catalog.cliDetectMaxResults)) var maxResults: Int?
    @Flag(help: HelpLanguage.help(Catalog.cliDetectJSON)) var json = false

    func run() throws {
        throw ExitCode(ShellEntry.detectOnce(photo: photo, minConfidence: minConfidence, maxResults: maxResults, json: json,
                                             options: global.shellOptions()))
    }
}

/// `panya recording skeleton PHOTO`.
struct RecordingCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "recording", abstract: HelpLanguage.text(Catalog.cliRecordingAbstract), subcommands: [Skeleton.self])
    }

    struct Skeleton: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "skeleton", abstract: HelpLanguage.text(Catalog.cliSkeletonAbstract))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: HelpLanguage.help(Catalog.cliSkeletonPhoto)) var photo: String

        func run() throws {
            throw ExitCode(ShellEntry.printRecordingSkeleton(photo: photo, options: global.shellOptions()))
        }
    }
}
