import PanyaLanguage
import PanyaSupport

/// `help`, `quit`, `exit`, `history`.
struct ShellFamily: CommandFamily {
    unowned let context: any ShellControl

    var title: Message { Message(en: "Shell", ja: "シェル") }

    var commands: [Command] {
        let quit = { (_: CommandCall) -> Value in
            context.wantsToQuit = true
            return .null
        }
        return [
            Command("help", summary: Catalog.helpSummary,
                    arguments: [.repeated("COMMAND", .text, Catalog.argHelpTopic, optional: true)]) { call in
                let words = try call.positional.indices.map { try call.string(at: $0) }
                if words.isEmpty { return .string(CommandHelp.overview(context.commands, context.style)) }
                return .string(try CommandHelp.text(for: words.joined(separator: " "), in: context.commands, context.style))
            },
            Command("quit", summary: Catalog.quitSummary, run: quit),
            Command("exit", summary: Catalog.quitSummary, run: quit),
            Command("history", summary: Catalog.historySummary) { _ in
                let entries = context.historyProvider()
                let width = String(entries.count).count
                return .string(entries.enumerated().map { index, entry in
                    let number = String(index + 1)
                    return String(repeating: " ", count: width - number.count) + number + "  "
                        + entry.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: width + 2))
                }.joined(separator: "\n"))
            },
        ]
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
    static let argHelpTopic = Message(en: "a command, e.g. detect or model start", ja: "コマンド (例: detect、model start)")
    static let helpArguments = Message(en: "arguments:", ja: "引数:")
}
