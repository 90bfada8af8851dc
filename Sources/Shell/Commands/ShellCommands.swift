import PanyaLanguage
import PanyaSupport

extension ShellSession {
    /// `help`, `quit`, `exit`, `history`.
    func registerShellCommands() {
        register(Command(name: "help", summary: Catalog.helpSummary, usage: "help [COMMAND]") { [unowned self] call in
            if let topic = call.positional.first {
                let words = call.positional.map { $0.printed }.joined(separator: " ")
                return .string(try self.helpText(for: words.isEmpty ? topic.printed : words))
            }
            return .string(self.helpOverview())
        })
        for name in ["quit", "exit"] {
            register(Command(name: name, summary: Catalog.quitSummary, usage: name) { [unowned self] _ in
                self.wantsToQuit = true
                return .null
            })
        }
        register(Command(name: "history", summary: Catalog.historySummary, usage: "history") { [unowned self] _ in
            let entries = self.historyProvider()
            let width = String(entries.count).count
            return .string(entries.enumerated().map { index, entry in
                let number = String(index + 1)
                return String(repeating: " ", count: width - number.count) + number + "  " + entry.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: width + 2))
            }.joined(separator: "\n"))
        })
    }

    /// The `help` overview: every command with its one-line summary.
    func helpOverview() -> String {
        var table = TextTable(headers: [Catalog.helpCommandHeader.text(language), Catalog.helpWhatHeader.text(language)])
        var entries: [String] = []
        for name in commands.names {
            guard let command = commands.command(named: name) else { continue }
            table.add([command.usage, command.summary.text(language)])
            let summary = DisplayWidth.wrap(command.summary.text(language), width: max(20, terminal.columns - 4))
            entries.append(([command.usage] + summary.map { "    " + $0 }).joined(separator: "\n"))
        }
        let rendered = table.render()
        let fits = rendered.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= terminal.columns }
        // A narrow terminal gets each command on its line and its summary indented below.
        let body = fits ? rendered : entries.joined(separator: "\n")
        return Catalog.helpIntro.text(language) + "\n\n" + body + "\n\n" + Catalog.helpOutro.text(language)
    }

    /// `help COMMAND`.
    func helpText(for topic: String) throws -> String {
        let name = topic.replacingOccurrences(of: "_", with: " ")
        guard let command = commands.command(named: name) else {
            throw ShellError.unknownHelpTopic(topic, suggestion: Suggestions.closest(to: name, in: commands.names))
        }
        var lines = [command.usage, "  " + command.summary.text(language)]
        if !command.flags.isEmpty {
            lines.append("  " + Catalog.helpFlags.text(language) + " " + command.flags.map { "--" + $0 }.joined(separator: " "))
        }
        let functionName = command.name.replacingOccurrences(of: " ", with: "_")
        lines.append("  " + Catalog.helpFunctionForm.text(language) + " \(functionName)(...)")
        return lines.joined(separator: "\n")
    }
}

extension Catalog {
    static let helpSummary = Message(en: "list the commands, or explain one", ja: "コマンドの一覧、または1つのコマンドの説明を表示")
    static let quitSummary = Message(en: "leave panya (Ctrl-D too)", ja: "panya を終了 (Ctrl-D でも終了)")
    static let historySummary = Message(en: "the lines you typed before", ja: "これまでに入力した行")
    static let helpCommandHeader = Message(en: "command", ja: "コマンド")
    static let helpWhatHeader = Message(en: "what it does", ja: "説明")
    static let helpFlags = Message(en: "flags:", ja: "フラグ:")
    static let helpFunctionForm = Message(en: "as a function:", ja: "関数として:")
    static let helpIntro = Message(
        en: "panya commands (type `help COMMAND` for one; every command is also a function):",
        ja: "panya のコマンド (`help コマンド名` で詳しい説明。どのコマンドも関数として使えます):")
    static let helpOutro = Message(
        en: "Try: model start · model wait · detect lessons/photos/breads3.jpg · inspect lessons/photos/breads3.jpg · lesson start 1\nThe language: docs/language.md. Leave with quit or Ctrl-D.",
        ja: "試してみよう: model start · model wait · detect lessons/photos/breads3.jpg · inspect lessons/photos/breads3.jpg · lesson start 1\n言語の説明: docs/language.md。終了は quit または Ctrl-D。")
}
