import PanyaSupport

/// Mistakes the shell itself reports (files, options, usage).
public enum ShellError: UserFacingError, Equatable {
    case cannotReadScript(path: String)
    case scriptNotUTF8(path: String)
    case unknownHelpTopic(String, suggestion: String?)
    case notAvailableOnBackend(command: String, backend: String)
    case badArgument(command: String, detail: Message)

    public var message: Message {
        switch self {
        case .cannotReadScript(let path):
            return Message(en: "cannot read the script '\(path)': no such file or not readable. Check the path (try `ls`).",
                           ja: "スクリプト '\(path)' を読めません: ファイルがないか、読み取れません。パスを確かめてください (`ls` で確認できます)。")
        case .scriptNotUTF8(let path):
            return Message(en: "the script '\(path)' is not UTF-8 text. Save it as UTF-8 and try again.",
                           ja: "スクリプト '\(path)' は UTF-8 のテキストではありません。UTF-8 で保存し直してください。")
        case .unknownHelpTopic(let topic, let suggestion):
            let hint = suggestion.map { Message(en: " Did you mean '\($0)'?", ja: " '\($0)' のことですか?") } ?? .verbatim("")
            return Message(en: "no help for '\(topic)'. Type `help` for the list of commands.",
                           ja: "'\(topic)' のヘルプはありません。`help` でコマンドの一覧を表示します。") + hint
        case .notAvailableOnBackend(let command, let backend):
            return Message(en: "`\(command)` is not available on the \(backend) backend.",
                           ja: "`\(command)` は \(backend) バックエンドでは使えません。")
        case .badArgument(let command, let detail):
            return Message(en: "\(command): ", ja: "\(command): ") + detail
        }
    }
}
