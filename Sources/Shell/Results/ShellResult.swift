import PanyaLanguage
import PanyaSupport

/// How results are shown: the session's language and terminal.
struct RenderStyle {
    /// The language messages are shown in.
    var language: UILanguage
    /// Colour and width of the terminal.
    var terminal: Terminal

    /// `message` in the style's language.
    func text(_ message: Message) -> String { message.text(language) }

    /// `message` in the style's language, wrapped at the terminal's width (between words, or
    /// between wide characters) so that the terminal never cuts a number or a word in two.
    func wrappedText(_ message: Message) -> String {
        DisplayWidth.wrap(text(message), width: max(20, terminal.columns - 1)).joined(separator: "\n")
    }
}

/// A command's typed result: one conversion to the record scripts see, and its human form
/// beside it. The record keeps the typed value (`Record.source`), so a command that takes a
/// result back (`register add $r`, `show $r`) reads the type, never the fields.
protocol ShellResult: RecordSource {
    /// The record's kind (`detect_result`).
    static var kind: String { get }
    /// The record's fields, in order.
    var fields: [(String, Value)] { get }
    /// The human form at the prompt.
    func render(_ style: RenderStyle) -> String
    /// The human form of a list of them (usually a table); nil shows the list literally.
    static func renderList(_ items: [Self], _ style: RenderStyle) -> String?
}

extension ShellResult {
    /// The record scripts see.
    var value: Value { .record(Record(kind: Self.kind, fields: fields, source: self)) }

    static func renderList(_ items: [Self], _ style: RenderStyle) -> String? { nil }
}

extension Array where Element: ShellResult {
    /// A list value of the results' records.
    var value: Value { .list(map(\.value)) }
}

/// Shows values in their human form.
enum ResultDisplay {
    /// A value at the prompt: results through their renderers, other records field by field,
    /// the rest in literal form (a top-level string without quotes).
    static func display(_ value: Value, _ style: RenderStyle) -> String {
        switch value {
        case .null:
            return ""
        case .string(let text):
            return text
        case .record(let record):
            if let result = record.source as? any ShellResult { return result.render(style) }
            return GenericRecordRenderer.render(record)
        case .list(let items):
            let sources = items.compactMap { $0.asRecord?.source as? any ShellResult }
            if !items.isEmpty, sources.count == items.count, let first = sources.first,
               let text = renderList(first, sources, style) {
                return text
            }
            return value.literal
        default:
            return value.literal
        }
    }

    private static func renderList<T: ShellResult>(_ first: T, _ all: [any ShellResult], _ style: RenderStyle) -> String? {
        let typed = all.compactMap { $0 as? T }
        guard typed.count == all.count else { return nil }
        return T.renderList(typed, style)
    }
}
