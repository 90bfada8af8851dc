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
        var lines = [command.usage, "  " + style.text(command.summary)]
        let arguments = command.arguments.compactMap { spec in spec.summary.map { (spec.placeholder, style.text($0)) } }
        if !arguments.isEmpty {
            lines.append("  " + style.text(Catalog.helpArguments))
            lines += aligned(arguments)
        }
        if !command.flags.isEmpty {
            lines.append("  " + style.text(Catalog.helpFlags))
            lines += aligned(command.flags.map { (($0.value == nil ? $0.dashed : $0.dashed + " " + $0.placeholder), style.text($0.summary)) })
        }
        lines.append("  " + style.text(Catalog.helpFunctionForm) + " \(command.functionName)(...)")
        return lines.joined(separator: "\n")
    }

    private static func aligned(_ rows: [(String, String)]) -> [String] {
        let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        return rows.map { "    " + DisplayWidth.padRight($0.0, to: width) + "  " + $0.1 }
    }
}
