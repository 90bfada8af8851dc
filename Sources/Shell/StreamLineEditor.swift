import Foundation
import PanyaSupport

/// A line editor for a terminal that is not this process's: the keys a browser's terminal sends
/// (xterm.js over a WebSocket) come in through `feed`, the echo and redraws go out through
/// `output` as VT100 text. Left/right, Home/End, Backspace/Delete, Up/Down through the history,
/// Tab completion, Ctrl-U, Ctrl-C (drops the line) and Ctrl-D (end, on an empty line); Japanese
/// text counts two columns a character, as the terminal draws it.
///
/// `readLine` blocks the calling thread (the session's own) until a line is complete; `feed` may
/// be called from any thread. Keys that arrive while no line is being read wait for the next
/// prompt, except Ctrl-C, which asks the running statement to stop (`onInterrupt`).
public final class StreamLineEditor: LineSource, @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [Character] = []
    private var closed = false
    private var reading = false
    private var history: [String] = []
    private let output: @Sendable (String) -> Void
    private let onInterrupt: @Sendable () -> Void
    /// The most lines the history keeps.
    public static let historyLimit = 500

    public var completer: ((_ line: String, _ cursorCharOffset: Int) -> Completion)?

    /// An editor whose echo goes to `output`; `onInterrupt` is called for a Ctrl-C typed while no line is read.
    public init(output: @escaping @Sendable (String) -> Void, onInterrupt: @escaping @Sendable () -> Void = {}) {
        self.output = output
        self.onInterrupt = onInterrupt
    }

    /// Keys typed in the terminal (any thread).
    public func feed(_ text: String) {
        condition.lock()
        var interrupt = false
        if !reading, text.contains("\u{3}") {
            interrupt = true
            pending.append(contentsOf: text.filter { $0 != "\u{3}" })
        } else {
            pending.append(contentsOf: text)
        }
        condition.broadcast()
        condition.unlock()
        if interrupt { onInterrupt() }
    }

    /// The terminal went away: the line being read (and every later one) ends the input.
    public func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// True while a line is being read (a prompt waits for keys).
    var isReading: Bool {
        condition.lock()
        defer { condition.unlock() }
        return reading
    }

    /// True once `close()` was called.
    public var isClosed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return closed
    }

    private func nextKey() -> Character? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty && !closed { condition.wait() }
        if pending.isEmpty { return nil }
        return pending.removeFirst()
    }

    /// The next key if one is already waiting (the rest of an escape sequence).
    private func waitingKey() -> Character? {
        condition.lock()
        defer { condition.unlock() }
        if pending.isEmpty {
            // The rest of an escape sequence comes in the same message; wait a moment for a split one.
            _ = condition.wait(until: Date().addingTimeInterval(0.05))
        }
        return pending.isEmpty ? nil : pending.removeFirst()
    }

    public func readLine(prompt: String) -> LineInput {
        condition.lock()
        reading = true
        condition.unlock()
        defer {
            condition.lock()
            reading = false
            condition.unlock()
        }
        var state = LineState(prompt: prompt)
        var historyIndex = history.count
        var draft = ""
        output(prompt)
        while true {
            guard let key = nextKey() else { return .endOfFile }
            switch key {
            case "\r", "\n", "\r\n":
                output("\r\n")
                return .line(String(state.text))
            case "\u{3}":
                output("^C\r\n")
                return .interrupted
            case "\u{4}":
                if state.text.isEmpty {
                    output("\r\n")
                    return .endOfFile
                }
                state.deleteForward()
            case "\u{7f}", "\u{8}":
                state.deleteBackward()
            case "\u{1}":
                state.cursor = 0
            case "\u{5}":
                state.cursor = state.text.count
            case "\u{15}":
                state.text.removeSubrange(0..<state.cursor)
                state.cursor = 0
            case "\u{b}":
                state.text.removeSubrange(state.cursor...)
            case "\t":
                complete(&state)
            case "\u{1b}":
                switch escapeSequence() {
                case "[D", "OD": state.cursor = max(0, state.cursor - 1)
                case "[C", "OC": state.cursor = min(state.text.count, state.cursor + 1)
                case "[H", "OH", "[1~": state.cursor = 0
                case "[F", "OF", "[4~": state.cursor = state.text.count
                case "[3~": state.deleteForward()
                case "[A", "OA":
                    guard historyIndex > 0 else { break }
                    if historyIndex == history.count { draft = String(state.text) }
                    historyIndex -= 1
                    state.replace(with: history[historyIndex])
                case "[B", "OB":
                    guard historyIndex < history.count else { break }
                    historyIndex += 1
                    state.replace(with: historyIndex == history.count ? draft : history[historyIndex])
                default: break
                }
            default:
                if key.isASCII, let value = key.asciiValue, value < 0x20 { break }
                state.insert(key)
            }
            output(state.redraw())
        }
    }

    /// The rest of an escape sequence after ESC: `[D`, `[3~`, `OA`…
    private func escapeSequence() -> String {
        guard let first = waitingKey() else { return "" }
        var sequence = String(first)
        guard first == "[" || first == "O" else { return sequence }
        while let next = waitingKey() {
            sequence.append(next)
            if let scalar = next.unicodeScalars.first, (0x40...0x7e).contains(scalar.value) { break }
        }
        return sequence
    }

    private func complete(_ state: inout LineState) {
        guard let completer else { return }
        let before = String(state.text[..<state.cursor])
        let completion = completer(String(state.text), state.cursor)
        guard !completion.candidates.isEmpty, before.hasSuffix(completion.word) else {
            output("\u{7}")
            return
        }
        let common = Self.commonPrefix(completion.candidates)
        if completion.candidates.count == 1 || common.count > completion.word.count {
            let replacement = completion.candidates.count == 1 ? completion.candidates[0] : common
            let start = state.cursor - completion.word.count
            state.text.replaceSubrange(start..<state.cursor, with: Array(replacement))
            state.cursor = start + replacement.count
            return
        }
        output("\r\n" + completion.candidates.joined(separator: "  ") + "\r\n")
        state.drawnCursorColumn = nil
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            let characters = Array(word)
            var n = 0
            while n < prefix.count, n < characters.count, prefix[n] == characters[n] { n += 1 }
            prefix = Array(prefix[..<n])
        }
        return String(prefix)
    }

    public func addHistory(_ entry: String) {
        var text = entry
        while text.hasSuffix("\n") { text.removeLast() }
        guard text.contains(where: { !$0.isWhitespace }), history.last != text else { return }
        history.append(text)
        if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
    }

    public var historyEntries: [String] { history }
}

/// The line being edited and how to draw it again after a key.
struct LineState {
    let prompt: String
    var text: [Character] = []
    var cursor = 0
    /// The column the terminal's cursor is at, counted from the prompt's start (nil: at the start of a fresh line).
    var drawnCursorColumn: Int? = nil

    init(prompt: String) {
        self.prompt = prompt
        drawnCursorColumn = DisplayWidth.of(prompt)
    }

    mutating func insert(_ character: Character) {
        text.insert(character, at: cursor)
        cursor += 1
    }

    mutating func deleteBackward() {
        guard cursor > 0 else { return }
        text.remove(at: cursor - 1)
        cursor -= 1
    }

    mutating func deleteForward() {
        guard cursor < text.count else { return }
        text.remove(at: cursor)
    }

    mutating func replace(with line: String) {
        text = Array(line)
        cursor = text.count
    }

    /// VT100 text that redraws the prompt and the line and puts the cursor in place: back to the
    /// line's start, the prompt and text, clear to the end, then left over what follows the cursor.
    mutating func redraw() -> String {
        var out = "\r" + prompt + String(text) + "\u{1b}[K"
        let after = DisplayWidth.of(String(text[cursor...]))
        if after > 0 { out += "\u{1b}[\(after)D" }
        drawnCursorColumn = DisplayWidth.of(prompt) + DisplayWidth.of(String(text[..<cursor]))
        return out
    }
}
