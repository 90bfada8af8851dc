import PanyaLanguage
import PanyaSupport

extension ShellSession {
    /// Tab completion at the prompt: the session's commands (with their flags and argument kinds
    /// read from their usage lines), variables, labels (prices and known thresholds) and files.
    public func complete(line: String, cursor: Int) -> Completion {
        var labels = Set((try? cashRegister.prices().labels) ?? [])
        labels.formUnion(models.knownLabels)
        let builtins = Set(BuiltinFunctions.names)
        let engine = CompletionEngine(commandTable: commands, variables: interpreter.globalNames.filter { !builtins.contains($0) },
                                      labels: labels.sorted(), homeDirectory: Paths.home())
        return engine.complete(line: line, cursor: cursor)
    }
}
