import OrderedCollections
import PanyaSupport

/// A command the host registers: `detect`, `model start`, `register add` … Declared once:
/// its usage line, its help (ja/en), completion and the checking of its arguments and flags are
/// all derived from `arguments` and `flags`.
public struct Command {
    /// Words separated by single spaces (`"model start"`).
    public let name: String
    /// One line for `help`.
    public let summary: Message
    /// The positional arguments, in order.
    public let arguments: [ArgumentSpec]
    /// The flags, in the order help lists them.
    public let flags: [FlagSpec]
    /// The words that extend this command into another one (`model` → `start`, `stop` …), set
    /// by the table; a stray word that is close to one of them is suggested.
    public internal(set) var subcommands: [String] = []
    /// Runs the command with checked arguments; a thrown `UserFacingError` becomes a diagnostic with its code.
    public let run: (CommandCall) throws -> Value

    /// A command named `name` (words separated by spaces) with its declared arguments and flags.
    public init(_ name: String, summary: Message, arguments: [ArgumentSpec] = [], flags: [FlagSpec] = [], run: @escaping (CommandCall) throws -> Value) {
        self.name = name.split(separator: " ").joined(separator: " ")
        self.summary = summary
        self.arguments = arguments
        self.flags = flags
        self.run = run
    }

    /// The usage line, derived from the declaration (`detect PHOTO [--min-confidence N] [--json]`).
    public var usage: String {
        ([name] + arguments.map(\.usage) + flags.map(\.usage)).joined(separator: " ")
    }

    /// The name of its function form (`model_start`).
    public var functionName: String { name.replacingOccurrences(of: " ", with: "_") }

    /// The declared flag whose key (`min_confidence`) or name (`min-confidence`) is `key`.
    public func flag(_ key: String) -> FlagSpec? {
        let normalized = Self.flagKey(key)
        return flags.first { $0.key == normalized }
    }

    /// `--min-confidence` / `min-confidence` / `min_confidence` → `min_confidence`.
    static func flagKey(_ flag: String) -> String {
        var s = Substring(flag)
        while s.hasPrefix("-") { s = s.dropFirst() }
        return s.replacingOccurrences(of: "-", with: "_")
    }
}

/// A group of commands that belong together (the register's, the model's …), listed together by
/// `help`. Each family is a value built over the narrow context its commands need.
public protocol CommandFamily {
    /// The family's heading in `help`.
    var title: Message { get }
    /// Its commands, in the order `help` lists them.
    var commands: [Command] { get }
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
        try run(bind(arguments, span: span))
    }

    /// The checked call: every flag declared and of its kind, every positional argument of its
    /// kind and within its limits, none missing, none left over.
    public func bind(_ arguments: CommandArguments, span: SourceSpan) throws(CommandArgumentError) -> CommandCall {
        var flags = OrderedMap()
        for given in arguments.flags {
            guard let spec = flag(given.key) else {
                let accepted = self.flags.map(\.dashed)
                let dashed = "--" + given.key.replacingOccurrences(of: "_", with: "-")
                let suggestion = Suggestions.closest(to: dashed, in: accepted)
                throw CommandArgumentError(Catalog.unknownFlag(dashed, command: name, suggestion: suggestion, accepted: accepted), span: given.span)
            }
            if let kind = spec.value {
                if case .bool(true) = given.value {
                    throw CommandArgumentError(Catalog.flagNeedsValue(spec.dashed, placeholder: spec.placeholder, command: name), span: given.span)
                }
                flags[spec.key] = try ArgumentChecker.check(given.value, kind, what: spec.dashed, command: name, span: given.span)
            } else {
                guard case .bool = given.value else {
                    throw CommandArgumentError(Catalog.switchTakesNoValue(spec.dashed, command: name), span: given.span)
                }
                flags[spec.key] = given.value
            }
        }
        var positional: [Value] = []
        var index = 0
        for spec in self.arguments {
            if spec.isRepeated {
                let rest = arguments.positional[index...]
                if rest.isEmpty && !spec.isOptional {
                    throw CommandArgumentError(Catalog.missingArgumentNamed(spec.placeholder, command: name, usage: usage), span: span)
                }
                for given in rest {
                    positional.append(try ArgumentChecker.check(given.value, spec.kind, what: spec.placeholder, command: name, span: given.span))
                }
                index = arguments.positional.count
                continue
            }
            guard index < arguments.positional.count else {
                if spec.isOptional { continue }
                throw CommandArgumentError(Catalog.missingArgumentNamed(spec.placeholder, command: name, usage: usage), span: span)
            }
            let given = arguments.positional[index]
            positional.append(try ArgumentChecker.check(given.value, spec.kind, what: spec.placeholder, command: name, span: given.span))
            index += 1
        }
        if index < arguments.positional.count {
            let extra = arguments.positional[index]
            let word = extra.value.printed
            let suggestion = Suggestions.closest(to: word, in: subcommands).map { name + " " + $0 }
            throw CommandArgumentError(Catalog.extraArgument(word, command: name, suggestion: suggestion, usage: usage), span: extra.span)
        }
        return CommandCall(name: name, positional: positional, flags: flags, span: span, usage: usage)
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
        case .number(let n): return NumberText.plain(n)
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
        case .number(let n): return NumberText.plain(n)
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

/// The commands a host registered, by name, in the order of their families.
public final class CommandTable {
    private var commands: [String: Command] = [:]
    private var order: [String] = []
    /// The families, in registration order (for `help`).
    public private(set) var families: [(title: Message, names: [String])] = []

    /// An empty table.
    public init() {}

    /// Adds (or replaces) `command`.
    public func register(_ command: Command) {
        if commands[command.name] == nil { order.append(command.name) }
        commands[command.name] = command
        linkSubcommands()
    }

    /// Adds every command of `family`, remembering the family for `help`.
    public func register(_ family: any CommandFamily) {
        register([family])
    }

    /// Adds every command of each family in order (subcommands are linked once, at the end).
    public func register(_ families: [any CommandFamily]) {
        for family in families {
            let list = family.commands
            for command in list {
                if commands[command.name] == nil { order.append(command.name) }
                commands[command.name] = command
            }
            self.families.append((family.title, list.map(\.name)))
        }
        linkSubcommands()
    }

    /// The command named `name` (words separated by spaces), if registered.
    public func command(named name: String) -> Command? { commands[name] }

    /// The command whose function form is `functionName` (`model_start`), if any.
    public func command(functionNamed functionName: String) -> Command? {
        commands[functionName.replacingOccurrences(of: "_", with: " ")] ?? commands[functionName]
    }

    /// Every registered name, sorted.
    public var names: [String] { commands.keys.sorted() }

    /// Every command in registration order.
    public var all: [Command] { order.compactMap { commands[$0] } }

    /// The names the parser needs.
    public var parserNames: CommandNames { CommandNames(commands.keys) }

    /// Tells each command which words extend it into another command (`model` → `stop`).
    private func linkSubcommands() {
        var next: [String: [String]] = [:]
        for name in commands.keys {
            var words = name.split(separator: " ").map(String.init)
            guard words.count > 1, let last = words.popLast() else { continue }
            next[words.joined(separator: " "), default: []].append(last)
        }
        for (name, var command) in commands {
            let words = (next[name] ?? []).sorted()
            if command.subcommands != words {
                command.subcommands = words
                commands[name] = command
            }
        }
    }
}
