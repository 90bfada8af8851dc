import PanyaSupport
import Photos

/// Mistakes the shell itself reports (files, options, usage).
public enum ShellError: UserFacingError, Equatable {
    case unknownHelpTopic(String, suggestion: String?)
    case unknownBackend(String)
    case cannotListPhotos(String)
    case outputIsInput(String)
    case outputNotAFile(String)
    case outputExists(String)
    case outputImageName(String, formats: [ImageFormat])

    public var message: Message {
        switch self {
        case .unknownHelpTopic(let topic, let suggestion):
            let hint = suggestion.map { Message(en: " Did you mean '\($0)'?", ja: " '\($0)' のことですか?") } ?? .verbatim("")
            return Message(en: "no help for '\(topic)'. Type `help` for the list of commands.",
                           ja: "'\(topic)' のヘルプはありません。`help` でコマンドの一覧を表示します。") + hint
        case .unknownBackend(let name):
            return Message(en: "unknown backend '\(name)': use mock or aws.", ja: "バックエンド '\(name)' はありません。mock か aws を指定してください。")
        case .cannotListPhotos(let directory):
            return Message(en: "cannot list photos in '\(directory)': no such folder.", ja: "'\(directory)' の写真を一覧できません: フォルダがありません。")
        case .outputIsInput(let path):
            return Message(en: "'\(path)' is the photo being shown: choose another file for --out.",
                           ja: "'\(path)' は表示している写真そのものです。--out には別のファイル名を指定してください。")
        case .outputNotAFile(let path):
            return Message(en: "'\(path)' is not a regular file: choose a file name for --out.",
                           ja: "'\(path)' は通常のファイルではありません。--out にはファイル名を指定してください。")
        case .outputExists(let path):
            return Message(en: "'\(path)' already exists: choose another name, or add --force to replace it.",
                           ja: "'\(path)' は既にあります。別の名前にするか、置き換えるなら --force を付けてください。")
        case .outputImageName(let path, let formats):
            let names = formats.map { "\($0.displayName) (.\($0.fileExtensions[0]))" }
            return Message(en: "'\(path)': the file's name says which picture to write; end it with \(names.joined(separator: " or ")).",
                           ja: "'\(path)': 書く画像の形式はファイル名の拡張子で決まります。\(names.joined(separator: " か ")) で終わる名前にしてください。")
        }
    }
}
