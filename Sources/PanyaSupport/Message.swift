/// A user-facing text in both languages; the catalog (`Catalog`) is where every one is made.
public struct Message: Sendable, Equatable, CustomStringConvertible {
    public let en: String
    public let ja: String

    public init(en: String, ja: String) {
        self.en = en
        self.ja = ja
    }

    /// The text in `language`.
    public func text(_ language: UILanguage) -> String {
        switch language {
        case .en: return en
        case .ja: return ja
        }
    }

    /// English, for logs and test failure output.
    public var description: String { en }

    /// Joins two messages with a separator, language by language.
    public static func + (lhs: Message, rhs: Message) -> Message {
        Message(en: lhs.en + rhs.en, ja: lhs.ja + rhs.ja)
    }

    /// A text that reads the same in both languages (a file name, a code, a number).
    public static func verbatim(_ text: String) -> Message { Message(en: text, ja: text) }
}

/// The one ja/en message catalog. Each module adds its messages in an extension named
/// `Catalog+<Module>.swift`, so every user-facing sentence lives in one type.
public enum Catalog {}

/// An error a person will read: it carries its message in both languages.
public protocol UserFacingError: Error {
    /// What went wrong and how to fix it, in both languages.
    var message: Message { get }
    /// A stable code for scripts and tests (e.g. `ResourceNotReadyException`), if any.
    var code: String? { get }
}

extension UserFacingError {
    public var code: String? { nil }
}
