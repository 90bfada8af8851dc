import CustomLabels
import Foundation
import Lessons
import PanyaLanguage
import PanyaSupport
import Session

/// The executable's entry points: each returns the process exit status
/// (0 success, 1 a script, lesson or check failed, 2 bad command-line use).
public enum ShellEntry {
    /// Opens a session or prints why it could not (exit 2 on a bad database or backend setting).
    static func openSession(_ options: ShellOptions, output: @escaping (String) -> Void = ShellSession.standardOutput) -> ShellSession? {
        do {
            return try ShellSession(options: options, output: output)
        } catch {
            printError(error, language: options.language)
            return nil
        }
    }

    /// Writes a user-facing error to standard error; with `code`, after its code
    /// (`InvalidParameterException: …`) as a script's diagnostic shows a service's error.
    static func printError(_ error: Error, language: UILanguage, code withCode: Bool = false) {
        let text: String
        if let error = error as? UserFacingError {
            let message = error.message.text(language)
            if withCode, let code = error.code, !code.isEmpty, code != Interrupted.code, !message.hasPrefix(code) {
                text = code + ": " + message
            } else {
                text = message
            }
        } else {
            text = String(describing: error)
        }
        let label = Catalog.errorLabel.text(language)
        FileHandle.standardError.write(Data("panya: \(label): \(text)\n".utf8))
    }

    /// `panya -c CODE` and a script on standard input.
    public static func runScript(source: String, file: String, options: ShellOptions) -> Int32 {
        guard let session = openSession(options) else { return 2 }
        InterruptSignal.installCtrlCHandler()
        return session.runScript(source, file: file)
    }

    /// A script on standard input (not a terminal), read under ``ScriptInput``'s limits.
    public static func runStandardInput(options: ShellOptions) -> Int32 {
        let source: String
        do {
            source = try ScriptInput.read(descriptor: STDIN_FILENO, name: "<stdin>")
        } catch {
            printError(error, language: options.language)
            return 2
        }
        return runScript(source: source, file: "<stdin>", options: options)
    }

    /// `panya run FILE [ARGS]`: the file read under the same rule as standard input (``ScriptInput``).
    public static func runFile(path: String, arguments: [String], options: ShellOptions) -> Int32 {
        let source: String
        do {
            source = try ScriptInput.read(path: path)
        } catch {
            printError(error, language: options.language)
            return 2
        }
        guard let session = openSession(options) else { return 2 }
        InterruptSignal.installCtrlCHandler()
        session.interpreter.setGlobal("args", .list(arguments.map { .string($0) }))
        return session.runScript(source, file: path)
    }

    /// `panya` on a terminal: the REPL.
    public static func runREPL(options: ShellOptions) -> Int32 {
        guard let session = openSession(options) else { return 2 }
        return REPL(session: session).run()
    }

    /// `panya detect PHOTO [...]`: what the `detect` command shows (or its `--json`), asked of a
    /// session without a terminal: no interpreter, no command line written and read again.
    /// MinConfidence and MaxResults go to the service as given; it is the service that checks them.
    public static func detectOnce(photo: String, minConfidence: Double?, maxResults: Int?, json: Bool, options: ShellOptions,
                                  output: (String) -> Void = ShellSession.standardOutput) -> Int32 {
        let session: StudentSession
        do {
            session = try StudentSession(options: options)
        } catch {
            printError(error, language: options.language)
            return 2
        }
        do {
            let detection = try session.detect(photo: photo, minConfidence: minConfidence, maxResults: maxResults)
            if json {
                let text = DetectCustomLabelsResponse(customLabels: detection.labels).awsCLIJSON()
                output(text.hasSuffix("\n") ? text : text + "\n")
            } else {
                let result = DetectResult(photo: photo, modelArn: detection.modelArn, minConfidence: minConfidence, labels: detection.labels)
                output(result.render(RenderStyle(language: options.language, terminal: options.terminal)) + "\n")
            }
            return 0
        } catch {
            printError(error, language: options.language, code: true)
            return 1
        }
    }

    /// Quotes a command-line word so the language reads it back as the same string.
    public static func quoteWord(_ word: String) -> String {
        let plain = !word.isEmpty && !word.contains(where: { $0 == " " || $0 == "\"" || $0 == ";" || $0 == "\\" || $0 == "{" || $0 == "#" || $0 == "$" || $0 == "(" })
            && !word.hasPrefix("--")
        if plain { return word }
        var escaped = ""
        for character in word {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "{": escaped += "\\{"
            default: escaped.append(character)
            }
        }
        return "\"" + escaped + "\""
    }
}

extension Catalog {
    static let errorLabel = Message(en: "error", ja: "エラー")
}

extension ShellEntry {
    /// `panya check [PATH...]`: every lesson alone, fresh in-memory state; "N passed, N failed".
    /// `panya check`'s default seconds per lesson (`--time-limit`).
    public static let defaultCheckTimeLimit = LessonChecker.defaultTimeLimit

    /// Each lesson may run `timeLimit` seconds (`--time-limit`).
    /// With `explain`, each quiz's answer as evaluated in the run follows the lesson's line.
    public static func checkLessons(paths: [String], options: ShellOptions, timeLimit: Double = LessonChecker.defaultTimeLimit,
                                    explain: Bool = false) -> Int32 {
        let root = options.assetsRoot ?? Paths.assetsRoot()
        let checker = LessonChecker(factory: ShellLessonFactory(options: options, assetsRoot: root), language: options.language, timeLimit: timeLimit)
        checker.explain = explain
        return checker.run(paths: paths, defaultDirectory: "lessons") { text in ShellSession.standardOutput(text) }
    }

    /// `panya lesson FILE|N`: one lesson interactively, then exit.
    public static func runLesson(_ lesson: String, options: ShellOptions) -> Int32 {
        guard let session = openSession(options) else { return 2 }
        InterruptSignal.installCtrlCHandler()
        let editor = LineEditor(programName: "panya", historyFile: Paths.historyFile())
        session.lineReader = editor.lessonLineReader()
        do {
            let file = try session.lessonLibrary.resolve(lesson, language: session.language)
            return try session.runLessonInteractively(file) ? 0 : 1
        } catch {
            printError(error, language: session.language)
            return 1
        }
    }

    /// `panya recording skeleton PHOTO`.
    public static func printRecordingSkeleton(photo: String, options: ShellOptions) -> Int32 {
        guard let session = openSession(options) else { return 2 }
        return session.runScript("recording skeleton " + quoteWord(photo), file: "<recording>")
    }
}
