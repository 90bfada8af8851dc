import Foundation
import PanyaLanguage

/// Tab completion for the prompt, as a pure function of the line, the cursor and the
/// names it is given (commands, variables, functions, labels) plus a directory lister.
///
/// - First word: command names (first words of multi-word commands), variables,
///   built-in functions and `let`.
/// - After a command's first words (`model `, `register `): its next words.
/// - `--…` after a command: that command's flags.
/// - `$…`: variables, as `$name`.
/// - A word that looks like a path (has `/`, starts with `.` or `~`), an argument of a
///   command that takes a photo or a file (`detect`, `inspect`, `show`, `run`, …), or the
///   value of a file flag (`--out`, `--dir`): files, directories with a trailing `/`.
/// - The label argument of `register add`/`price`/`remove`: labels (Japanese is fine).
/// - Inside an expression (`print(to`): variables, built-ins and command functions.
///
/// Build a fresh engine for each Tab press with the session's current names; it is
/// cheap, and keeps the engine free of shared state.
public struct CompletionEngine: Sendable {
    /// What a command's positional argument is, for completion.
    public enum Argument: Sendable, Equatable {
        /// Nothing to complete.
        case none
        /// A file or photo path.
        case path
        /// A label name (the register's commands).
        case label
    }

    /// One command as completion sees it.
    public struct Command: Sendable, Equatable {
        /// The command's words: `["register", "add"]`.
        public var words: [String]
        /// Its flags, with the dashes: `["--min-confidence", "--json"]`.
        public var flags: [String]
        /// Flags whose value is a file path: `["--out"]`.
        public var pathFlags: [String]
        /// What its positional argument is.
        public var argument: Argument

        /// A command named by its words separated by spaces (`"model start"`).
        public init(_ name: String, flags: [String] = [], pathFlags: [String] = [], argument: Argument = .none) {
            self.words = name.split(separator: " ").map(String.init)
            self.flags = flags
            self.pathFlags = pathFlags
            self.argument = argument
        }

        /// The command's function name: words joined by `_` (`model_start`).
        public var functionName: String { words.joined(separator: "_") }
    }

    /// One entry of a directory listing.
    public struct FileEntry: Sendable, Equatable {
        /// The entry's name (no directory part).
        public var name: String
        /// Whether it is a directory (completed with a trailing `/`).
        public var isDirectory: Bool

        /// An entry.
        public init(name: String, isDirectory: Bool) {
            self.name = name
            self.isDirectory = isDirectory
        }
    }

    /// The commands, multi-word ones as separate entries (`model`, `model start`, …).
    public var commands: [Command]
    /// Variable (and user function) names currently defined.
    public var variables: [String]
    /// Built-in function names.
    public var functions: [String]
    /// Label names (`あんぱん`, `メロンパン`, `焼きそばパン`).
    public var labels: [String]
    /// The home directory, for `~/`.
    public var homeDirectory: String
    /// Lists a directory given as a path (`.` for the current one); nil when it cannot.
    public var listDirectory: @Sendable (String) -> [FileEntry]?

    /// An engine over these names; the defaults are the language's built-ins with no
    /// variables, no labels and no files.
    public init(
        commands: [Command],
        variables: [String] = [],
        functions: [String] = BuiltinFunctions.names,
        labels: [String] = [],
        homeDirectory: String = "",
        listDirectory: @escaping @Sendable (String) -> [FileEntry]? = { _ in nil }
    ) {
        self.commands = commands
        self.variables = variables
        self.functions = functions
        self.labels = labels
        self.homeDirectory = homeDirectory
        self.listDirectory = listDirectory
    }

    /// The completion for `line` with the cursor after `cursor` characters.
    public func complete(line: String, cursor: Int) -> Completion {
        let before = String(line.prefix(max(0, cursor)))
        let segment = Self.commandSegment(of: before)
        let (tokens, word) = Self.split(segment)

        // A quoted argument: complete inside the quotes, hand back the quoted text.
        if word.hasPrefix("\"") {
            let inner = String(word.dropFirst())
            let inside = complete(tokens: tokens, word: inner, quoted: true)
            return Completion(word: word, candidates: inside.map { "\"" + $0 + "\"" })
        }
        // In an expression (`print(to`, `a + b`), only the identifier being typed counts.
        let identifier = Self.identifierTail(of: word)
        if identifier != word, !Self.looksLikePath(word), !word.hasPrefix("$"), !word.hasPrefix("-") {
            // After a `.` comes a field name, which only the running value knows.
            if word.dropLast(identifier.count).hasSuffix(".") { return Completion(word: identifier, candidates: []) }
            let names = variables + functions + commands.map(\.functionName)
            return Completion(word: identifier, candidates: names.filter { $0.hasPrefix(identifier) })
        }
        return Completion(word: word, candidates: complete(tokens: tokens, word: word, quoted: false))
    }

    private func complete(tokens: [String], word: String, quoted: Bool) -> [String] {
        if word.hasPrefix("$") {
            let name = String(word.dropFirst())
            return variables.filter { $0.hasPrefix(name) }.map { "$" + $0 }
        }
        if tokens.isEmpty {
            if quoted { return [] }
            let names = commands.compactMap(\.words.first) + variables + functions + ["let"]
            return names.filter { $0.hasPrefix(word) }
        }
        if tokens.count == 1, !isCommandWord(tokens[0]) {
            // `let r` / `total` …: not a command line; nothing sensible to offer.
            return []
        }

        // The longest command whose words the line starts with.
        let command = commands
            .filter { $0.words.count <= tokens.count && Array(tokens.prefix($0.words.count)) == $0.words }
            .max { $0.words.count < $1.words.count }
        let argumentIndex = command.map { tokens.count - $0.words.count } ?? tokens.count

        var candidates: [String] = []
        // Next words of multi-word commands (`model ` → start, stop, use, wait).
        if !quoted, !word.hasPrefix("-") {
            for other in commands where other.words.count > tokens.count && Array(other.words.prefix(tokens.count)) == tokens {
                let next = other.words[tokens.count]
                if next.hasPrefix(word) { candidates.append(next) }
            }
        }
        guard let command else { return candidates }

        if word.hasPrefix("-"), !quoted {
            return candidates + command.flags.filter { $0.hasPrefix(word) }
        }
        if let previous = tokens.last, previous.hasPrefix("--"), argumentIndex > 0 {
            if command.pathFlags.contains(previous) { return candidates + files(matching: word) }
            if command.flags.contains(previous) { return candidates }
        }
        if Self.looksLikePath(word) { return candidates + files(matching: word) }
        switch command.argument {
        case .none:
            break
        case .path:
            candidates += files(matching: word)
        case .label:
            if positionalCount(tokens.dropFirst(command.words.count)) == 0 {
                candidates += labels.filter { $0.hasPrefix(word) }
            }
        }
        return candidates
    }

    private func isCommandWord(_ token: String) -> Bool {
        commands.contains { $0.words.first == token }
    }

    /// Positional arguments already typed (flags and their values do not count).
    private func positionalCount(_ tokens: ArraySlice<String>) -> Int {
        tokens.filter { !$0.hasPrefix("--") }.count
    }

    /// Files and directories whose path starts with `word`.
    private func files(matching word: String) -> [String] {
        let directoryPart: String
        let namePart: String
        if let slash = word.lastIndex(of: "/") {
            directoryPart = String(word[...slash])
            namePart = String(word[word.index(after: slash)...])
        } else if word == "~" {
            return ["~/"]
        } else {
            directoryPart = ""
            namePart = word
        }
        var directory = directoryPart.isEmpty ? "." : directoryPart
        if directory.hasPrefix("~/"), !homeDirectory.isEmpty {
            directory = homeDirectory + directory.dropFirst()
        }
        guard let entries = listDirectory(directory) else { return [] }
        return entries
            .filter { $0.name.hasPrefix(namePart) && (namePart.hasPrefix(".") || !$0.name.hasPrefix(".")) }
            .map { directoryPart + $0.name + ($0.isDirectory ? "/" : "") }
    }

    // MARK: splitting the line

    /// The part of the line the cursor's statement starts at: after the last `;` outside
    /// a string, and after `let NAME =` / `NAME =` so `let r = detect …` completes as a command.
    static func commandSegment(of text: String) -> String {
        var start = text.startIndex
        var inString = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" { inString.toggle() }
            if character == ";", !inString { start = text.index(after: index) }
            index = text.index(after: index)
        }
        var segment = Substring(text[start...])
        // `let NAME =` or `NAME =` (not `==`) followed by the rest.
        let trimmed = segment.drop { isSpace($0) }
        var rest = trimmed
        if rest.hasPrefix("let"), rest.dropFirst(3).first.map(isSpace) == true {
            rest = rest.dropFirst(3).drop { isSpace($0) }
        }
        let name = rest.prefix { isIdentifierCharacter($0) }
        if !name.isEmpty {
            let afterName = rest.dropFirst(name.count).drop { isSpace($0) }
            if afterName.hasPrefix("="), !afterName.hasPrefix("==") {
                segment = afterName.dropFirst()
            }
        }
        return String(segment)
    }

    /// The finished words of `segment` and the word being typed (empty after a space).
    /// Spaces include the full-width space U+3000; a quoted string is one word.
    static func split(_ segment: String) -> (tokens: [String], word: String) {
        var tokens: [String] = []
        var current = ""
        var inString = false
        for character in segment {
            if character == "\"" { inString.toggle() }
            if !inString, isSpace(character) {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        return (tokens, current)
    }

    static func isSpace(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\u{3000}"
    }

    static func isIdentifierCharacter(_ character: Character) -> Bool {
        character == "_" || character.isLetter || character.isNumber
    }

    /// The identifier at the end of `word` (`print(to` → `to`).
    static func identifierTail(of word: String) -> String {
        String(word.reversed().prefix { isIdentifierCharacter($0) }.reversed())
    }

    static func looksLikePath(_ word: String) -> Bool {
        word.contains("/") || word.hasPrefix(".") || word.hasPrefix("~")
    }
}

extension CompletionEngine {
    /// Lists a real directory with `FileManager` (symbolic links to directories count
    /// as directories); nil when it cannot be read.
    public static let fileSystemLister: @Sendable (String) -> [FileEntry]? = { directory in
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: directory) else { return nil }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return names.map { name in
            var isDirectory: ObjCBool = false
            let exists = fileManager.fileExists(atPath: base + name, isDirectory: &isDirectory)
            return FileEntry(name: name, isDirectory: exists && isDirectory.boolValue)
        }
    }
}
