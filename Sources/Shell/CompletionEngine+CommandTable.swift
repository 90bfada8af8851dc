import PanyaLanguage

extension CompletionEngine.Command {
    /// Completion's view of a declared command: its words, its flags, which flags take a path
    /// and what its first argument is — all read from the declaration, never from text.
    public init(_ command: PanyaLanguage.Command) {
        let argument: CompletionEngine.Argument
        switch command.arguments.first?.completion {
        case .path?: argument = .path
        case .label?: argument = .label
        default: argument = .none
        }
        self.init(command.name,
                  flags: command.flags.map(\.dashed),
                  pathFlags: command.flags.filter { $0.value?.completion == .path }.map(\.dashed),
                  argument: argument)
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
        self.init(
            commands: commandTable.all.map(Command.init),
            variables: variables,
            functions: BuiltinFunctions.names,
            labels: labels,
            homeDirectory: homeDirectory,
            listDirectory: listDirectory
        )
    }
}
