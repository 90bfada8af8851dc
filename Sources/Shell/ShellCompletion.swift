import Foundation
import PanyaLanguage
import PanyaSupport

extension ShellSession {
    /// Tab completion at the prompt: the session's commands, variables, labels and files.
    func complete(line: String, cursor: Int) -> Completion {
        let pathCommands: Set<String> = ["detect", "inspect", "show", "photos", "record", "recording skeleton", "lesson start", "lesson reset"]
        let labelCommands: Set<String> = ["register add", "register price", "register remove", "register confirm"]
        let engineCommands = commands.names.compactMap { name -> CompletionEngine.Command? in
            guard let command = commands.command(named: name) else { return nil }
            let argument: CompletionEngine.Argument = pathCommands.contains(name) ? .path : (labelCommands.contains(name) ? .label : .none)
            let pathFlags = command.flags.filter { ["out", "dir"].contains($0) }.map { "--" + $0 }
            return CompletionEngine.Command(name, flags: command.flags.map { "--" + $0 }, pathFlags: pathFlags, argument: argument)
        }
        var labels = Set((try? cashRegister.prices().labels) ?? [])
        for thresholds in thresholdCache.values { labels.formUnion(thresholds.keys) }
        let builtins = Set(CompletionEngine.builtinFunctions)
        let engine = CompletionEngine(
            commands: engineCommands,
            variables: interpreter.globalNames.filter { !builtins.contains($0) },
            functions: CompletionEngine.builtinFunctions,
            labels: labels.sorted(),
            homeDirectory: Paths.home(),
            listDirectory: { path in
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return nil }
                return names.map { name in
                    var isDirectory: ObjCBool = false
                    FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isDirectory)
                    return CompletionEngine.FileEntry(name: name, isDirectory: isDirectory.boolValue)
                }
            })
        return engine.complete(line: line, cursor: cursor)
    }
}

