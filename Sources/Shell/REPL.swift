import Foundation
import PanyaLanguage
import PanyaSupport
import Session

/// The interactive loop: read a (possibly continued) entry from a line source (libedit at a
/// terminal, or a browser's terminal), run it, show its value or diagnostic, and go on. Only
/// `quit`, `exit` or Ctrl-D end it; Ctrl-C clears the line at the prompt and stops a running statement.
public final class REPL {
    private let session: ShellSession
    private let editor: any LineSource
    private let ownsProcess: Bool

    /// The REPL of this process's terminal: libedit with the history file; Ctrl-C is this process's SIGINT.
    convenience init(session: ShellSession) {
        self.init(session: session, input: LineEditor(programName: "panya", historyFile: Paths.historyFile()), ownsProcess: true)
    }

    /// A REPL over `input`. `ownsProcess`: Ctrl-C is installed as the process's SIGINT handler and a
    /// backend error goes to standard error (false for a browser's terminal inside `panya class`).
    public init(session: ShellSession, input: any LineSource, ownsProcess: Bool) {
        self.session = session
        self.editor = input
        self.ownsProcess = ownsProcess
        session.historyProvider = { [editor] in editor.historyEntries }
        // A lesson started here reads its prompts with the same editor (not stdio, whose end-of-file
        // flag would stick after one Ctrl-D): Ctrl-C or Ctrl-D leaves the lesson.
        session.lineReader = editor.lessonLineReader()
        editor.completer = { [weak session] line, cursor in
            guard let session else { return Completion.none }
            return session.complete(line: line, cursor: cursor)
        }
    }

    /// Runs until the user quits; returns 0.
    public func run() -> Int32 {
        if ownsProcess { InterruptSignal.installCtrlCHandler() }
        session.write(Catalog.banner(version: PanyaVersion.string, backend: session.backend.summary).text(session.language) + "\n")
        if let unavailable = session.backend as? UnavailableBackend {
            if ownsProcess {
                ShellEntry.printError(unavailable.error, language: session.language)
            } else {
                let reason = (unavailable.error as? UserFacingError)?.message.text(session.language) ?? String(describing: unavailable.error)
                session.write(Catalog.errorLabel.text(session.language) + ": " + reason + "\n")
            }
        }
        var buffer = ""
        while !session.wantsToQuit {
            let prompt = buffer.isEmpty ? "panya> " : "...> "
            switch editor.readLine(prompt: prompt) {
            case .endOfFile:
                if buffer.isEmpty {
                    session.write("\n")
                    return 0
                }
                buffer = ""
                session.write("\n")
            case .interrupted:
                buffer = ""
                InterruptSignal.ctrlC.clear()
            case .line(let line):
                buffer = buffer.isEmpty ? line : buffer + "\n" + line
                if buffer.trimmingCharacters(in: .whitespaces).isEmpty {
                    buffer = ""
                    continue
                }
                if Interpreter.needsMoreInput(buffer) { continue }
                editor.addHistory(buffer)
                let entry = buffer
                buffer = ""
                session.runEntry(entry)
            }
        }
        return 0
    }
}

extension Catalog {
    static func banner(version: String, backend: Message) -> Message {
        Message(en: "panya \(version) — the bakery AI register (Amazon Rekognition Custom Labels simulator)\nbackend: \(backend.en)\nType `help` for commands, `lesson start 1` for the first lesson, `quit` or Ctrl-D to leave.",
                ja: "panya \(version) — パン屋の AI レジ (Amazon Rekognition Custom Labels シミュレーター)\nバックエンド: \(backend.ja)\n`help` でコマンド一覧、`lesson start 1` で最初のレッスン、`quit` または Ctrl-D で終了します。")
    }
}
