import PanyaSupport

/// A JSON text that could not be read, or read into the wrong shape: says what, where
/// (line, column, key path) and, when it can, how to fix it.
public struct JSONError: UserFacingError, CustomStringConvertible, Equatable {
    /// What went wrong.
    public enum Problem: Sendable, Equatable {
        /// The text is not JSON (a missing comma, an unclosed string …).
        case syntax(Message)
        /// A value of the wrong kind: expected `expected`, found `found` (e.g. "a number", "a string").
        case typeMismatch(expected: Message, found: Message)
        /// A required key is absent from the object at `path`.
        case missingKey(String)
        /// A key nobody reads (often a misspelling); `suggestion` is the closest known key.
        case unknownKey(String, suggestion: String?)
        /// The value has the right kind but is not allowed (a confidence of 120 …).
        case invalidValue(Message)
    }

    public var problem: Problem
    /// Where the mistake is; for a missing key, the object that lacks it.
    public var path: JSONPath
    /// Line and column of the value (or of the object, for a missing key), when known.
    public var location: JSONLocation?
    /// How to fix it, when there is something useful to say.
    public var hint: Message?

    public init(_ problem: Problem, path: JSONPath, location: JSONLocation?, hint: Message? = nil) {
        self.problem = problem
        self.path = path
        self.location = location
        self.hint = hint
    }

    public var code: String? { "JSONError" }

    /// The problem alone, without the place: "expected a number, found a string".
    public var problemMessage: Message {
        switch problem {
        case .syntax(let message):
            return message
        case .typeMismatch(let expected, let found):
            return Catalog.jsonTypeMismatch(expected: expected, found: found)
        case .missingKey(let key):
            return Catalog.jsonMissingKey(key)
        case .unknownKey(let key, let suggestion):
            return Catalog.jsonUnknownKey(key, suggestion: suggestion)
        case .invalidValue(let message):
            return message
        }
    }

    /// "line 3, column 14, at CustomLabels[2].Confidence".
    public var placeMessage: Message {
        Catalog.jsonPlace(location: location, path: path)
    }

    public var message: Message {
        var text = placeMessage + .verbatim(": ") + problemMessage
        if let hint { text = text + .verbatim("\n  ") + hint }
        return text
    }

    public var description: String { message.en }
}

extension JSONValue {
    /// The kind of this value in both languages, for error messages.
    public var kindMessage: Message { Message(en: kindName, ja: kindNameJapanese) }
}
