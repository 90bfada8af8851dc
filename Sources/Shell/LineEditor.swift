import CEditLine
import Foundation
import PanyaSupport

/// What one `LineEditor.readLine(prompt:)` produced.
public enum LineInput: Equatable, Sendable {
    /// A line, without its newline (may be empty).
    case line(String)
    /// Ctrl-C at the prompt: the typed text was dropped; ask again with a fresh prompt.
    case interrupted
    /// Ctrl-D on an empty line, or the end of the input.
    case endOfFile
}

/// The prompt's line editor: libedit with emacs keys, history kept in a file, Ctrl-R
/// reverse search, Tab completion through `completer`, Japanese input (UTF-8).
///
/// Owns one libedit `EditLine` and `History` (through the `CEditLine` bridge), released
/// in `deinit`. Without a terminal it still works: libedit then reads plain lines.
/// Not thread-safe: use it from the thread that runs the prompt.
public final class LineEditor {
    private let editor: OpaquePointer?
    private let historyFile: String?
    private var historySaveDisabled = false
    private var warned = false
    private let warn: (Message) -> Void

    /// Called on Tab with the line and the cursor position in characters; answers what
    /// replaces the word before the cursor. nil: Tab beeps.
    public var completer: ((_ line: String, _ cursorCharOffset: Int) -> Completion)?

    /// Whether stdin and stdout are a terminal, so the line is edited in place.
    public let isInteractive: Bool

    /// Whether the LC_CTYPE locale is UTF-8 (set up at init; see `panya_editor_prepare_locale`).
    public let isUTF8: Bool

    /// Opens the editor and loads the history from `historyFile` (nil: no file), creating
    /// its folder. A history file that cannot be read or written is never fatal: one
    /// warning is given through `warn` (default: standard error, in `language`).
    /// `programName` selects the `NAME:` lines of ~/.editrc that apply (use "panya").
    /// Sets LC_CTYPE for the process (UTF-8; see `isUTF8`).
    public init(
        programName: String,
        historyFile: String?,
        historySize: Int = 1000,
        language: UILanguage = .en,
        warn: ((Message) -> Void)? = nil
    ) {
        isUTF8 = panya_editor_prepare_locale() != 0
        editor = panya_editor_open(programName, Int32(clamping: historySize))
        isInteractive = panya_editor_is_interactive(editor) != 0
        self.historyFile = historyFile
        self.warn = warn ?? { message in
            let text = message.text(language)
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
        if let editor {
            panya_editor_set_completer(editor, LineEditor.completeHook, Unmanaged.passUnretained(self).toOpaque())
        }
        loadHistory()
    }

    deinit {
        panya_editor_close(editor)
    }

    // MARK: reading

    /// Shows `prompt` and reads one line. Wrap non-printing parts of the prompt (colour
    /// escapes) in `"\u{1}"` on both sides so the cursor column stays right.
    /// Ctrl-C gives `.interrupted`: the typed text is dropped and a newline written, so
    /// the next prompt starts on a fresh line; panya's Ctrl-C flag (`InterruptSignal.ctrlC`) is not raised.
    /// Ctrl-D on an empty line, or the end of input, gives `.endOfFile`; the cursor is
    /// then still on the prompt line (the caller writes the newline it wants). Ctrl-Z
    /// suspends and `fg` redraws the line. Lines are not added to
    /// the history here: the caller adds whole entries with `addHistory(_:)`.
    public func readLine(prompt: String) -> LineInput {
        guard let editor else { return readPlainLine(prompt: prompt) }
        panya_editor_set_prompt(editor, prompt)
        var pointer: UnsafePointer<wchar_t>?
        var length: Int32 = 0
        let status = panya_editor_gets(editor, &pointer, &length)
        switch Int(status) {
        case PANYA_GETS_LINE:
            guard let pointer else { return .line("") }
            return .line(Self.string(fromWide: pointer, count: Int(length)))
        case PANYA_GETS_INTERRUPTED:
            if isInteractive { panya_editor_write(editor, "\n") }
            return .interrupted
        default:
            return .endOfFile
        }
    }

    /// Without libedit (it failed to initialise): print the prompt, read a plain line.
    private func readPlainLine(prompt: String) -> LineInput {
        FileHandle.standardOutput.write(Data(prompt.utf8))
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfFile }
        return .line(line)
    }

    // MARK: history

    /// Adds an entry as the newest (a multi-line entry stays one entry) and writes the
    /// history file at once, so a killed session keeps it. Blank entries and an entry
    /// equal to the newest one are skipped.
    public func addHistory(_ entry: String) {
        var text = entry
        while text.hasSuffix("\n") { text.removeLast() }
        guard text.contains(where: { !$0.isWhitespace }) else { return }
        guard let editor else { return }
        if panya_history_enter(editor, text) == 0 { saveHistory() }
    }

    /// The history, oldest first (for the `history` command).
    public var historyEntries: [String] {
        guard let editor else { return [] }
        var entries: [String] = []
        entries.reserveCapacity(Int(panya_history_count(editor)))
        var entry = panya_history_oldest(editor)
        while let current = entry {
            entries.append(String(cString: current))
            entry = panya_history_newer(editor)
        }
        return entries
    }

    /// Forgets every entry (the file is rewritten empty).
    public func clearHistory() {
        guard let editor else { return }
        panya_history_clear(editor)
        saveHistory()
    }

    private func loadHistory() {
        guard let historyFile, let editor else { return }
        let fileManager = FileManager.default
        let directory = (historyFile as NSString).deletingLastPathComponent
        if !directory.isEmpty, !fileManager.fileExists(atPath: directory) {
            do {
                try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                warnOnce(Catalog.historyUnwritable(historyFile))
                historySaveDisabled = true
                return
            }
        }
        guard fileManager.fileExists(atPath: historyFile) else { return }
        // libedit's H_LOAD fails on an empty file (no `_HiStOrY_V2_` line); that is just new.
        let attributes = try? fileManager.attributesOfItem(atPath: historyFile)
        if let size = attributes?[.size] as? NSNumber, size.intValue == 0 { return }
        if panya_history_load(editor, historyFile) < 0 {
            // Unreadable or not libedit's format: keep it for the user to look at, start empty.
            panya_history_clear(editor)
            let aside = historyFile + ".bad"
            try? fileManager.removeItem(atPath: aside)
            if (try? fileManager.moveItem(atPath: historyFile, toPath: aside)) != nil {
                warnOnce(Catalog.historyUnreadable(historyFile, movedTo: aside))
            } else {
                warnOnce(Catalog.historyUnwritable(historyFile))
                historySaveDisabled = true
            }
        }
    }

    /// Writes the whole history to a temporary file beside the real one, then renames it
    /// over: an interrupted save never leaves half a file.
    private func saveHistory() {
        guard let historyFile, let editor, !historySaveDisabled else { return }
        let temporary = historyFile + ".tmp\(getpid())"
        if panya_history_save(editor, temporary) < 0 || rename(temporary, historyFile) != 0 {
            unlink(temporary)
            warnOnce(Catalog.historyUnwritable(historyFile))
        }
    }

    private func warnOnce(_ message: Message) {
        guard !warned else { return }
        warned = true
        warn(message)
    }

    // MARK: completion

    /// The C hook libedit calls on Tab, through the bridge.
    private static let completeHook: panya_complete_fn = { editor, context, line, length, cursor in
        guard let editor, let context, let line else { return UInt8(PANYA_CC_ERROR) }
        let this = Unmanaged<LineEditor>.fromOpaque(context).takeUnretainedValue()
        return this.complete(editor: editor, line: line, length: Int(length), cursor: Int(cursor))
    }

    private func complete(editor: OpaquePointer, line: UnsafePointer<wchar_t>, length: Int, cursor: Int) -> UInt8 {
        guard let completer else { return UInt8(PANYA_CC_ERROR) }
        let before = Self.string(fromWide: line, count: cursor)
        let after = Self.string(fromWide: line + cursor, count: length - cursor)
        let completion = completer(before + after, before.count)
        guard before.hasSuffix(completion.word) else { return UInt8(PANYA_CC_ERROR) }
        switch completion.action {
        case .beep:
            return UInt8(PANYA_CC_ERROR)
        case .replace(let text):
            // Delete the word in wide characters (Unicode scalars), as libedit counts.
            panya_editor_delete_before_cursor(editor, Int32(completion.word.unicodeScalars.count))
            var wide = Self.wide(text)
            _ = panya_editor_insert(editor, &wide)
            return UInt8(PANYA_CC_REFRESH)
        case .list(let candidates):
            let columns = Int(panya_editor_columns(editor))
            let listing = CompletionListing.render(candidates.map(CompletionListing.displayName), columns: columns)
            panya_editor_write(editor, "\n" + listing)
            return UInt8(PANYA_CC_REDISPLAY)
        }
    }

    // MARK: wide characters

    /// wchar_t is UTF-32 on Linux and macOS: one Unicode scalar per element.
    static func string(fromWide pointer: UnsafePointer<wchar_t>, count: Int) -> String {
        var scalars = String.UnicodeScalarView()
        for index in 0..<max(0, count) {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: Int32(pointer[index]))) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// `text` as a NUL-terminated wchar_t array.
    static func wide(_ text: String) -> [wchar_t] {
        text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
    }
}
