/// What Tab offers for the word before the cursor: the word as typed and the texts
/// that could replace it. `LineEditor` inserts a unique candidate (plus a space unless
/// it ends with `/`), else the candidates' longest common prefix, else lists them.
public struct Completion: Equatable, Sendable {
    /// The text just before the cursor that a candidate replaces (may be empty).
    public var word: String
    /// Full replacements for `word`, sorted, without duplicates.
    public var candidates: [String]

    /// A completion replacing `word` with one of `candidates`.
    public init(word: String, candidates: [String]) {
        self.word = word
        var seen = Set<String>()
        self.candidates = candidates.filter { seen.insert($0).inserted }.sorted()
    }

    /// Nothing to offer (Tab beeps).
    public static let none = Completion(word: "", candidates: [])

    /// The longest prefix, in whole characters, that every candidate starts with
    /// (so a Japanese character is never split); "" without candidates.
    public var commonPrefix: String {
        guard var prefix = candidates.first.map(Array.init) else { return "" }
        for candidate in candidates.dropFirst() {
            let characters = Array(candidate)
            var length = 0
            while length < prefix.count, length < characters.count, prefix[length] == characters[length] {
                length += 1
            }
            prefix.removeLast(prefix.count - length)
            if prefix.isEmpty { break }
        }
        return String(prefix)
    }

    /// What Tab does with this completion.
    public enum Action: Equatable, Sendable {
        /// Replace `word` (all of it) with `text`.
        case replace(String)
        /// Show these candidates below the line, then redraw the prompt.
        case list([String])
        /// Nothing fits: beep.
        case beep
    }

    /// The action: a unique candidate replaces the word (with a trailing space unless
    /// it is a directory ending in `/`); several candidates extend the word to their
    /// common prefix when that is longer, else they are listed.
    public var action: Action {
        if candidates.isEmpty { return .beep }
        if candidates.count == 1, let only = candidates.first {
            return .replace(only.hasSuffix("/") ? only : only + " ")
        }
        let prefix = commonPrefix
        if prefix.count > word.count, prefix.hasPrefix(word) { return .replace(prefix) }
        return .list(candidates)
    }
}
