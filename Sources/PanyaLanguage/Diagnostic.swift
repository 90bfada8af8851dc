import PanyaSupport

/// A mistake with its place: what the lexer, parser, interpreter or a command reports.
public struct Diagnostic: Error, Equatable, Sendable {
    /// The file name shown before the place (`tray.panya`, `<stdin>`).
    public let file: String
    /// Where the mistake is.
    public let span: SourceSpan
    /// What went wrong, in both languages.
    public let message: Message
    /// A stable code from a command's error (e.g. `ResourceNotReadyException`), if any.
    public var code: String?

    /// A diagnostic at `span` in `file`.
    public init(file: String, span: SourceSpan, message: Message, code: String? = nil) {
        self.file = file
        self.span = span
        self.message = message
        self.code = code
    }

    /// Whether this diagnostic reports a Ctrl-C interruption.
    public var isInterruption: Bool { code == Interrupted.code }

    /// The message text in `language`, with the code in front when there is one.
    public func text(_ language: UILanguage) -> String {
        let text = message.text(language)
        guard let code, !code.isEmpty, !isInterruption, !text.hasPrefix(code) else { return text }
        return "\(code): \(text)"
    }
}
