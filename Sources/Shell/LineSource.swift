import PanyaSupport

/// Where the REPL reads its lines: libedit at a terminal (`LineEditor`), or a browser's terminal
/// fed over a WebSocket (`StreamLineEditor`). Both give history, Tab completion, Ctrl-C and Ctrl-D.
public protocol LineSource: AnyObject {
    /// Shows `prompt` and reads one line (or Ctrl-C / the end of input).
    func readLine(prompt: String) -> LineInput
    /// Adds an entry as the newest in the history.
    func addHistory(_ entry: String)
    /// The history, oldest first.
    var historyEntries: [String] { get }
    /// Called on Tab with the line and the cursor position in characters.
    var completer: ((_ line: String, _ cursorCharOffset: Int) -> Completion)? { get set }
}

extension LineSource {
    /// Reads a lesson's prompts with this source: the line, or nil when the student pressed Ctrl-C
    /// or Ctrl-D, which leaves the lesson (its progress kept).
    public func lessonLineReader() -> (String) -> String? {
        { [self] prompt in
            switch readLine(prompt: prompt) {
            case .line(let line):
                return line
            case .interrupted:
                InterruptSignal.ctrlC.clear()
                return nil
            case .endOfFile:
                return nil
            }
        }
    }
}

extension LineEditor: LineSource {}
