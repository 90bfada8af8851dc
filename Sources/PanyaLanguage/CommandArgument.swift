import PanyaSupport

/// What a command's argument or flag value is. Checking, usage, help and completion all read it.
public enum ArgumentKind: Sendable, Equatable {
    /// A word or a string (a number is taken as its text).
    case text
    /// A number within the range.
    case number(ClosedRange<Double>)
    /// A whole number within the range.
    case wholeNumber(ClosedRange<Int>)
    /// A file or folder path.
    case path
    /// A photo: a path to a JPEG or PNG, or `s3://bucket/key`.
    case photo
    /// A label name (`あんぱん`).
    case label
    /// A duration: `90s`, `30m`, `3h`, `2d`.
    case duration
    /// A time in ISO 8601 (`2026-04-01T06:00:00+09:00`).
    case timestamp
    /// One of these words.
    case choice([String])
    /// Any value: a record, a list, a number or a string.
    case value

    /// Any finite number (the service itself checks its range and answers as it would).
    public static let anyNumber = ArgumentKind.number(-Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)

    /// What completion offers for it.
    public var completion: ArgumentCompletion {
        switch self {
        case .path, .photo: return .path
        case .label: return .label
        case .choice(let words): return .words(words)
        default: return .none
        }
    }
}

/// What completion offers for an argument.
public enum ArgumentCompletion: Sendable, Equatable {
    /// Nothing.
    case none
    /// Files and folders.
    case path
    /// The labels the session knows.
    case label
    /// These words.
    case words([String])
}

/// One positional argument a command declares.
public struct ArgumentSpec: Sendable, Equatable {
    /// The placeholder in usage lines (`PHOTO`, `LABEL`, `QTY`).
    public var placeholder: String
    /// What it is.
    public var kind: ArgumentKind
    /// Whether it may be left out.
    public var isOptional: Bool
    /// Whether it takes every remaining argument (`PHOTO...`).
    public var isRepeated: Bool
    /// What it means, for `help COMMAND`.
    public var summary: Message?
    /// What completion offers (by default, what the kind suggests).
    public var completion: ArgumentCompletion

    /// A required argument.
    public static func required(_ placeholder: String, _ kind: ArgumentKind, _ summary: Message? = nil, completion: ArgumentCompletion? = nil) -> ArgumentSpec {
        ArgumentSpec(placeholder: placeholder, kind: kind, isOptional: false, isRepeated: false, summary: summary, completion: completion ?? kind.completion)
    }

    /// An argument that may be left out.
    public static func optional(_ placeholder: String, _ kind: ArgumentKind, _ summary: Message? = nil, completion: ArgumentCompletion? = nil) -> ArgumentSpec {
        ArgumentSpec(placeholder: placeholder, kind: kind, isOptional: true, isRepeated: false, summary: summary, completion: completion ?? kind.completion)
    }

    /// One or more arguments (`PHOTO...`); `optional` allows none.
    public static func repeated(_ placeholder: String, _ kind: ArgumentKind, _ summary: Message? = nil, optional: Bool = false) -> ArgumentSpec {
        ArgumentSpec(placeholder: placeholder, kind: kind, isOptional: optional, isRepeated: true, summary: summary, completion: kind.completion)
    }

    /// How the usage line writes it.
    public var usage: String {
        let word = isRepeated ? placeholder + "..." : placeholder
        return isOptional ? "[" + word + "]" : word
    }
}

/// One flag a command declares: a switch (`--json`) or a flag with a value (`--min-confidence N`).
public struct FlagSpec: Sendable, Equatable {
    /// The name as typed, without dashes (`min-confidence`).
    public var name: String
    /// What its value is; nil for a switch (true when given).
    public var value: ArgumentKind?
    /// The value's placeholder in usage lines (`N`).
    public var placeholder: String
    /// What it does, for `help COMMAND`.
    public var summary: Message

    /// A flag that takes a value.
    public static func value(_ name: String, _ placeholder: String, _ kind: ArgumentKind, _ summary: Message) -> FlagSpec {
        FlagSpec(name: name, value: kind, placeholder: placeholder, summary: summary)
    }

    /// A switch: true when given.
    public static func `switch`(_ name: String, _ summary: Message) -> FlagSpec {
        FlagSpec(name: name, value: nil, placeholder: "", summary: summary)
    }

    /// The snake_case key of the function form (`min_confidence`).
    public var key: String { name.replacingOccurrences(of: "-", with: "_") }
    /// `--min-confidence`.
    public var dashed: String { "--" + name }
    /// How the usage line writes it.
    public var usage: String { value == nil ? "[--\(name)]" : "[--\(name) \(placeholder)]" }
}
