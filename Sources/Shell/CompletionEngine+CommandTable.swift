import PanyaLanguage

extension CompletionEngine.Command {
    /// Completion's view of a registered command: its words, its flags as `--kebab-case`,
    /// and what its argument and flag values are, read from the usage line
    /// (`detect PHOTO [--min-confidence N]`: a path; `register add RESULT|LABEL [QTY]`: a
    /// label; `show PHOTO|RESULT [--out FILE.jpg]`: `--out` takes a path). A core command
    /// whose usage says nothing keeps what `CompletionEngine.coreCommands` knows.
    public init(_ command: PanyaLanguage.Command) {
        let words = command.name.split(separator: " ").map(String.init)
        let flags = command.flags.map(Self.dashed)
        var argument: CompletionEngine.Argument?
        var pathFlags: [String] = []
        let tokens = command.usage
            .split(separator: " ")
            .map { $0.trimmingCharacters(in: ["[", "]", "."]) }
            .dropFirst(words.count)
        var previousFlag: String?
        for token in tokens where !token.isEmpty {
            if token.hasPrefix("-") {
                previousFlag = Self.dashed(token)
                continue
            }
            let kind = Self.placeholderKind(token)
            if let flag = previousFlag {
                if kind == .path { pathFlags.append(flag) }
            } else if argument == nil {
                argument = kind
            }
            previousFlag = nil
        }
        let known = CompletionEngine.coreCommands.first { $0.words == words }
        self.init(
            command.name,
            flags: flags.isEmpty ? (known?.flags ?? []) : flags,
            pathFlags: pathFlags.isEmpty ? (known?.pathFlags ?? []) : pathFlags,
            argument: argument.flatMap { $0 == .none ? nil : $0 } ?? known?.argument ?? .none
        )
    }

    /// `min_confidence` / `min-confidence` / `--min-confidence` → `--min-confidence`.
    static func dashed(_ flag: String) -> String {
        var name = Substring(flag)
        while name.hasPrefix("-") { name = name.dropFirst() }
        return "--" + name.replacingOccurrences(of: "_", with: "-")
    }

    /// What a usage placeholder names: `PHOTO`, `FILE.jpg`, `DIR`, `PATH` → a path;
    /// `LABEL` → a label (alternatives `A|B` take the first that says something).
    static func placeholderKind(_ placeholder: String) -> CompletionEngine.Argument {
        for alternative in placeholder.split(separator: "|") {
            let upper = alternative.uppercased()
            if ["PHOTO", "FILE", "DIR", "PATH"].contains(where: { upper.hasPrefix($0) }) { return .path }
            if upper.hasPrefix("LABEL") { return .label }
        }
        return .none
    }
}

extension CompletionEngine {
    /// An engine over a host's command table (every registered command, multi-word ones
    /// included), plus the session's variables and labels.
    public init(
        commandTable: CommandTable,
        variables: [String],
        labels: [String],
        homeDirectory: String,
        listDirectory: @escaping @Sendable (String) -> [FileEntry]? = CompletionEngine.fileSystemLister
    ) {
        let commands = commandTable.names.compactMap(commandTable.command(named:)).map(Command.init)
        self.init(
            commands: commands,
            variables: variables,
            functions: CompletionEngine.builtinFunctions,
            labels: labels,
            homeDirectory: homeDirectory,
            listDirectory: listDirectory
        )
    }
}
