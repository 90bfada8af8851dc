import PanyaLanguage
import PanyaSupport

/// `help` and `help COMMAND`, derived from the commands' declarations: usage lines, summaries,
/// and each argument's and flag's text, in the session's language.
enum CommandHelp {
    /// Every command by family with its usage and one-line summary.
    static func overview(_ table: CommandTable, _ style: RenderStyle) -> String {
        var wide: [String] = []
        var narrow: [String] = []
        for family in table.families {
            var tableText = TextTable(headers: [style.text(family.title), ""])
            for name in family.names {
                guard let command = table.command(named: name) else { continue }
                tableText.add([command.usage, style.text(command.summary)])
                let summary = DisplayWidth.wrap(style.text(command.summary), width: max(20, style.terminal.columns - 4))
                narrow.append(([command.usage] + summary.map { "    " + $0 }).joined(separator: "\n"))
            }
            wide.append(tableText.render())
        }
        let rendered = wide.joined(separator: "\n\n")
        let fits = rendered.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= style.terminal.columns }
        // A narrow terminal gets each command on its line and its summary indented below.
        let body = fits ? rendered : narrow.joined(separator: "\n")
        return style.text(Catalog.helpIntro) + "\n\n" + body + "\n\n" + style.text(Catalog.helpOutro)
    }

    /// `help COMMAND`: usage, summary, arguments, flags and the function form.
    static func text(for topic: String, in table: CommandTable, _ style: RenderStyle) throws -> String {
        let name = topic.replacingOccurrences(of: "_", with: " ")
        guard let command = table.command(named: name) else {
            throw ShellError.unknownHelpTopic(topic, suggestion: Suggestions.closest(to: name, in: table.names))
        }
        let columns = max(40, style.terminal.columns)
        var lines = [command.usage] + DisplayWidth.wrap(style.text(command.summary), width: columns - 2).map { "  " + $0 }
        let arguments = command.arguments.compactMap { spec in spec.summary.map { (spec.placeholder, style.text($0)) } }
        if !arguments.isEmpty {
            lines.append("  " + style.text(Catalog.helpArguments))
            lines += aligned(arguments, columns: columns)
        }
        if !command.flags.isEmpty {
            lines.append("  " + style.text(Catalog.helpFlags))
            lines += aligned(command.flags.map { (($0.value == nil ? $0.dashed : $0.dashed + " " + $0.placeholder), style.text($0.summary)) },
                             columns: columns)
        }
        lines.append("  " + style.text(Catalog.helpFunctionForm) + " \(command.functionName)(...)")
        return lines.joined(separator: "\n")
    }

    /// Names in a column and their texts beside them, each text wrapped to the terminal's width
    /// under itself (wide characters count two columns); when the column leaves too little room,
    /// each text goes under its name instead.
    static func aligned(_ rows: [(String, String)], columns: Int) -> [String] {
        let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        let indent = 4 + width + 2
        let room = columns - indent
        return rows.flatMap { name, text -> [String] in
            guard room >= 24 else {
                return ["    " + name] + DisplayWidth.wrap(text, width: max(20, columns - 8)).map { "        " + $0 }
            }
            return DisplayWidth.wrap(text, width: room).enumerated().map { index, part in
                (index == 0 ? "    " + DisplayWidth.padRight(name, to: width) + "  " : String(repeating: " ", count: indent)) + part
            }
        }
    }
}
