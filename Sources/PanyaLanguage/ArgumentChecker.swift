import PanyaSupport

/// Checks one argument value against its declared kind, converting where the kind says so
/// (a number given for a text argument becomes its text).
enum ArgumentChecker {
    static func check(_ value: Value, _ kind: ArgumentKind, what: String, command: String, span: SourceSpan) throws(CommandArgumentError) -> Value {
        func fail(_ message: Message) -> CommandArgumentError { CommandArgumentError(message, span: span) }
        switch kind {
        case .value:
            return value
        case .text, .path, .photo, .label, .duration, .timestamp:
            switch value {
            case .string(let text):
                if text.isEmpty { throw fail(Catalog.emptyArgument(what, command: command)) }
                return value
            case .number(let n): return .string(NumberText.plain(n))
            default: throw fail(Catalog.argumentType(command: command, what: what, expected: "string", got: value))
            }
        case .number(let range):
            guard case .number(let n) = value, n.isFinite else {
                throw fail(Catalog.argumentType(command: command, what: what, expected: "number", got: value))
            }
            guard range.contains(n) else {
                throw fail(Catalog.numberOutOfRange(what, command: command, low: bound(range.lowerBound),
                                                    high: bound(range.upperBound), got: NumberText.plain(n), whole: false))
            }
            return value
        case .wholeNumber(let range):
            guard case .number(let n) = value, n.isFinite else {
                throw fail(Catalog.argumentType(command: command, what: what, expected: "number", got: value))
            }
            guard n >= Double(range.lowerBound), n <= Double(range.upperBound), n == n.rounded() else {
                throw fail(Catalog.numberOutOfRange(what, command: command, low: NumberText.grouped(range.lowerBound),
                                                    high: NumberText.grouped(range.upperBound), got: NumberText.plain(n), whole: true))
            }
            return value
        case .choice(let words):
            let text: String
            switch value {
            case .string(let s): text = s
            case .number(let n): text = NumberText.plain(n)
            default: throw fail(Catalog.argumentType(command: command, what: what, expected: "string", got: value))
            }
            if words.contains(text) { return .string(text) }
            if let match = words.first(where: { $0.lowercased() == text.lowercased() }) { return .string(match) }
            throw fail(Catalog.notAChoice(text, what: what, command: command, choices: words, suggestion: Suggestions.closest(to: text, in: words)))
        }
    }

    /// A limit as a message shows it: whole limits grouped (`1,000,000`), others as the language prints them.
    static func bound(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return NumberText.grouped(Int(value)) }
        return NumberText.plain(value)
    }

}
