import PanyaSupport

/// A command the host registers: `detect`, `model start`, `register add` …
public struct Command {
    /// Words separated by single spaces (`"model start"`).
    public let name: String
    /// One line for `help`.
    public let summary: Message
    /// The usage line (`"detect PHOTO [--min-confidence N]"`).
    public let usage: String
    /// The flags it accepts, as typed (`"min-confidence"`) or in snake_case; any other flag is a diagnostic.
    public let flags: [String]
    /// Runs the command; a thrown `UserFacingError` becomes a diagnostic with its code.
    public let run: (CommandCall) throws -> Value

    /// A command named `name` (words separated by spaces).
    public init(name: String, summary: Message, usage: String, flags: [String] = [], run: @escaping (CommandCall) throws -> Value) {
        self.name = name.split(separator: " ").joined(separator: " ")
        self.summary = summary
        self.usage = usage
        self.flags = flags
        self.run = run
    }

    /// The name of its function form (`model_start`).
    public var functionName: String { name.replacingOccurrences(of: " ", with: "_") }

    /// The accepted flags in snake_case.
    var flagKeys: [String] { flags.map { Self.flagKey($0) } }

    /// `--min-confidence` / `min-confidence` / `min_confidence` → `min_confidence`.
    static func flagKey(_ flag: String) -> String {
        var s = Substring(flag)
        while s.hasPrefix("-") { s = s.dropFirst() }
        return s.replacingOccurrences(of: "-", with: "_")
    }
}

/// A command's arguments as written, each with its place, before they are checked.
public struct CommandArguments {
    /// Positional arguments in order.
    public var positional: [(value: Value, span: SourceSpan)]
    /// Flags in order, by snake_case key (`min_confidence`); a flag given alone is `true`.
    public var flags: [(key: String, value: Value, span: SourceSpan)]

    /// Arguments as written.
    public init(positional: [(value: Value, span: SourceSpan)] = [], flags: [(key: String, value: Value, span: SourceSpan)] = []) {
        self.positional = positional
        self.flags = flags
    }
}

extension Command {
    /// Checks `arguments` against the command's declaration and runs it: the one way the
    /// interpreter calls a command (statement or function form). A mistake in one argument throws
    /// a `CommandArgumentError` whose `span` points at that argument.
    public func invoke(_ arguments: CommandArguments, span: SourceSpan) throws -> Value {
        var flags = OrderedMap()
        let accepted = flagKeys
        for flag in arguments.flags {
            guard accepted.contains(flag.key) else {
                let dashed = { (k: String) in "--" + k.replacingOccurrences(of: "_", with: "-") }
                let suggestion = Suggestions.closest(to: flag.key, in: accepted).map(dashed)
                throw CommandArgumentError(Catalog.unknownFlag(dashed(flag.key), command: name, suggestion: suggestion, accepted: accepted.map(dashed)), span: flag.span)
            }
            flags[flag.key] = flag.value
        }
        let call = CommandCall(name: name, positional: arguments.positional.map(\.value), flags: flags, span: span, usage: usage)
        return try run(call)
    }
}

/// What a command gets when it runs: its arguments and its place.
public struct CommandCall {
    /// The command's name (`"model start"`).
    public let name: String
    /// Positional arguments in order.
    public var positional: [Value]
    /// Flags by snake_case name (`min_confidence`); a flag given alone is `true`.
    public var flags: OrderedMap
    /// Where the command statement or call is.
    public let span: SourceSpan
    /// The command's usage line, for error messages.
    public let usage: String

    /// A call of `name` with these arguments.
    public init(name: String, positional: [Value] = [], flags: OrderedMap = OrderedMap(), span: SourceSpan = .unknown, usage: String = "") {
        self.name = name
        self.positional = positional
        self.flags = flags
        self.span = span
        self.usage = usage
    }

    /// The positional argument at `index`, or an error naming the usage when it is missing.
    public func value(at index: Int) throws(CommandArgumentError) -> Value {
        guard index < positional.count else { throw CommandArgumentError(Catalog.missingArgument(command: name, position: index + 1, usage: usage)) }
        return positional[index]
    }

    /// The positional argument at `index` as text (numbers are written as text).
    public func string(at index: Int) throws(CommandArgumentError) -> String {
        let v = try value(at: index)
        switch v {
        case .string(let s): return s
        case .number(let n): return ValueFormatter.number(n)
        default: throw CommandArgumentError(Catalog.argumentType(command: name, what: "\(index + 1)", expected: "string", got: v))
        }
    }

    /// The positional argument at `index` as text, or nil when there are fewer arguments.
    public func optionalString(at index: Int) throws(CommandArgumentError) -> String? {
        index < positional.count ? try string(at: index) : nil
    }

    /// The positional argument at `index` as a number.
    public func number(at index: Int) throws(CommandArgumentError) -> Double {
        let v = try value(at: index)
        guard case .number(let n) = v else { throw CommandArgumentError(Catalog.argumentType(command: name, what: "\(index + 1)", expected: "number", got: v)) }
        return n
    }

    /// The positional argument at `index` as a number, or nil when there are fewer arguments.
    public func optionalNumber(at index: Int) throws(CommandArgumentError) -> Double? {
        index < positional.count ? try number(at: index) : nil
    }

    /// The flag's value as text, or nil when it was not given.
    public func string(flag: String) throws(CommandArgumentError) -> String? {
        guard let v = flags[Command.flagKey(flag)] else { return nil }
        switch v {
        case .string(let s): return s
        case .number(let n): return ValueFormatter.number(n)
        default: throw CommandArgumentError(Catalog.argumentType(command: name, what: "--" + flag, expected: "string", got: v))
        }
    }

    /// The flag's value as a number, or nil when it was not given.
    public func number(flag: String) throws(CommandArgumentError) -> Double? {
        guard let v = flags[Command.flagKey(flag)] else { return nil }
        guard case .number(let n) = v else { throw CommandArgumentError(Catalog.argumentType(command: name, what: "--" + flag, expected: "number", got: v)) }
        return n
    }

    /// The flag's value as a whole number, or nil when it was not given.
    public func int(flag: String) throws(CommandArgumentError) -> Int? {
        guard let n = try number(flag: flag) else { return nil }
        guard n == n.rounded(), abs(n) < 1e15 else { throw CommandArgumentError(Catalog.argumentType(command: name, what: "--" + flag, expected: "whole number", got: .number(n))) }
        return Int(n)
    }

    /// Whether the flag was given (alone, or with `true`); false when absent.
    public func bool(flag: String) throws(CommandArgumentError) -> Bool {
        guard let v = flags[Command.flagKey(flag)] else { return false }
        guard case .bool(let b) = v else { throw CommandArgumentError(Catalog.argumentType(command: name, what: "--" + flag, expected: "bool", got: v)) }
        return b
    }
}

/// A command was given an argument it cannot use.
public struct CommandArgumentError: UserFacingError, Equatable {
    /// What is wrong with the argument.
    public let message: Message
    /// The argument's place, when known (else the whole command's).
    public let span: SourceSpan?
    /// An error with this message, at `span` when given.
    public init(_ message: Message, span: SourceSpan? = nil) {
        self.message = message
        self.span = span
    }
}

/// The commands a host registered, by name.
public final class CommandTable {
    private var commands: [String: Command] = [:]

    /// An empty table.
    public init() {}

    /// Adds (or replaces) `command`.
    public func register(_ command: Command) { commands[command.name] = command }

    /// The command named `name` (words separated by spaces), if registered.
    public func command(named name: String) -> Command? { commands[name] }

    /// The command whose function form is `functionName` (`model_start`), if any.
    public func command(functionNamed functionName: String) -> Command? {
        commands[functionName.replacingOccurrences(of: "_", with: " ")] ?? commands[functionName]
    }

    /// Every registered name, sorted.
    public var names: [String] { commands.keys.sorted() }

    /// The names the parser needs.
    public var parserNames: CommandNames { CommandNames(commands.keys) }
}
