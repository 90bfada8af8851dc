import PanyaSupport

/// What the console's pages refuse, in both languages.
enum ConsoleError: UserFacingError, Equatable {
    case cannotBuildModels
    case unknownDataset
    case unknownAction
    case tooManyBoxes(Int)
    case boxOutside(Int)
    case boxBackwards(Int)
    case boxTooSmall(Int)
    case emptyLabel
    case labelTooLong(Int, Int)
    case labelMarkup
    case command(String)
    case unknownVersion
    case versionNotRunning(String, String)

    var message: Message {
        switch self {
        case .cannotBuildModels:
            return Message(en: "This class's service cannot build models.", ja: "このクラスのサービスではモデルを作れません。")
        case .unknownDataset:
            return Message(en: "Choose the training (train) or the test (test) dataset.", ja: "トレーニング (train) かテスト (test) のデータセットを選んでください。")
        case .unknownAction:
            return Message(en: "The console has no such button.", ja: "コンソールにそのボタンはありません。")
        case .tooManyBoxes(let limit):
            return Message(en: "A photo can have at most \(limit) boxes.", ja: "1枚の写真に付けられる枠は \(limit) 個までです。")
        case .boxOutside(let number):
            return Message(en: "Box \(number) goes outside the photo: draw it on the photo.", ja: "枠 \(number) が写真の外にはみ出しています。写真の上に描いてください。")
        case .boxBackwards(let number):
            return Message(en: "Box \(number) has a negative width or height (dragged backwards): draw it again.",
                           ja: "枠 \(number) の幅か高さがマイナスです (逆向きにドラッグ)。描き直してください。")
        case .boxTooSmall(let number):
            return Message(en: "Box \(number) has almost no size: drag across the whole bread.", ja: "枠 \(number) の大きさがほとんどありません。パン全体を囲むようにドラッグしてください。")
        case .emptyLabel:
            return Message(en: "Give the box a label (the bread's name).", ja: "枠にラベル (パンの名前) を付けてください。")
        case .labelTooLong(let count, let limit):
            return Message(en: "A label has at most \(limit) characters (this one has \(count)).", ja: "ラベルは \(limit) 文字までです (これは \(count) 文字)。")
        case .labelMarkup:
            return Message(en: "A label is a bread's name: no < > & \" ` or control characters.", ja: "ラベルはパンの名前です。< > & \" ` や制御文字は使えません。")
        case .command(let text):
            return Message(en: text, ja: text)
        case .unknownVersion:
            return Message(en: "There is no such model version: choose one from the list.", ja: "そのモデルバージョンはありません。一覧から選んでください。")
        case .versionNotRunning(let name, let status):
            return Message(en: "\(name) is \(status): only a RUNNING version can answer the register's photos. Start it first (Start, then move the clock).",
                           ja: "\(name) は \(status) です。レジの写真に答えられるのは RUNNING のバージョンだけです。先に開始してください (開始して時計を進める)。")
        }
    }

    var code: String? {
        switch self {
        case .cannotBuildModels: return "CannotBuildModels"
        case .unknownDataset: return "UnknownDataset"
        case .unknownAction: return "UnknownAction"
        case .tooManyBoxes, .boxOutside, .boxBackwards, .boxTooSmall: return "BadBox"
        case .emptyLabel, .labelTooLong, .labelMarkup: return "BadLabel"
        case .command: return "CommandFailed"
        case .unknownVersion: return "UnknownVersion"
        case .versionNotRunning: return "VersionNotRunning"
        }
    }
}
