import PanyaSupport

/// Mistakes in the shell's training commands before the backend is asked.
enum ShellTrainingError: UserFacingError, Equatable, CustomStringConvertible {
    /// A `dataset add` argument that names no photo.
    case noPhotos(String)
    /// A file that cannot be written.
    case cannotWrite(String)
    /// `boxes add` with both or neither of --proposal and --left/--top/--width/--height.
    case boxNeedsPlace
    /// `boxes add --width 0` (or `--height 0`): a box with no size.
    case boxWithoutSize(flag: String)
    /// `boxes add` whose --left + --width (or --top + --height) goes past the photo's edge.
    case boxPastEdge(startFlag: String, sizeFlag: String, start: Double, size: Double)
    /// `dataset label remove` without a label.
    case noLabelToRemove
    /// `evaluation --images` on a recorded version.
    case noTestResults(String)
    /// `evaluation --images` on a version whose evaluation is only its summary file (trained on AWS).
    case testResultsNotInSummary(String)
    /// `--proposal N` beyond the proposals the engine found.
    case noSuchProposal(number: Int, count: Int, photo: String)

    var code: String? {
        switch self {
        case .noPhotos: return "NoPhotos"
        case .cannotWrite: return "CannotWrite"
        case .boxNeedsPlace: return "BoxNeedsPlace"
        case .boxWithoutSize, .boxPastEdge: return "InvalidBoundingBox"
        case .noLabelToRemove: return "MissingArgument"
        case .noTestResults: return "NoTestResults"
        case .testResultsNotInSummary: return "NoTestResults"
        case .noSuchProposal: return "NoSuchProposal"
        }
    }

    var message: Message {
        switch self {
        case .noPhotos(let argument):
            return Message(en: "No JPEG or PNG photo found at \(argument). Give photo files, a folder, or a pattern like lessons/photos/train/*.jpg.",
                           ja: "\(argument) に JPEG・PNG の写真が見つかりません。写真のファイル、フォルダ、または lessons/photos/train/*.jpg のようなパターンを指定してください。")
        case .cannotWrite(let path):
            return Message(en: "Cannot write \(path): check the folder exists and can be written.", ja: "\(path) に書き込めません。フォルダがあって書き込めるか確かめてください。")
        case .noLabelToRemove:
            return Message(en: "Say which label to remove: dataset label remove NAME (dataset shows the labels).",
                           ja: "消すラベルを指定してください: dataset label remove ラベル名 (dataset でラベルの一覧)。")
        case .boxNeedsPlace:
            return Message(en: "Say where the box is: --proposal N (see `boxes PHOTO`), or all of --left, --top, --width and --height (ratios 0–1).",
                           ja: "枠の場所を指定してください: --proposal 番号 (`boxes 写真` で確認)、または --left・--top・--width・--height をすべて (0〜1 の割合)。")
        case .boxWithoutSize(let flag):
            let (side, sideJa) = flag == "width" ? ("width", "幅") : ("height", "高さ")
            return Message(en: "--\(flag) 0 makes a box with no size: give the bread's \(side) as a ratio of the photo's \(side), more than 0 (e.g. 0.3).",
                           ja: "--\(flag) が 0 では大きさのない枠になります。パンの\(sideJa)を、写真の\(sideJa)に対する 0 より大きい割合で指定してください (例: 0.3)。")
        case .boxPastEdge(let startFlag, let sizeFlag, let start, let size):
            let sum = "--\(startFlag) \(NumberText.short(start, decimals: 4)) + --\(sizeFlag) \(NumberText.short(size, decimals: 4)) = \(NumberText.short(start + size, decimals: 4))"
            let (edge, edgeJa) = startFlag == "left" ? ("right", "右端") : ("bottom", "下端")
            return Message(en: "\(sum) goes past the photo's \(edge) edge: \(startFlag) + \(sizeFlag) must be 1 or less. Make --\(sizeFlag) or --\(startFlag) smaller.",
                           ja: "\(sum) で、写真の\(edgeJa)からはみ出します。\(startFlag) + \(sizeFlag) は 1 以下にします。--\(sizeFlag) か --\(startFlag) を小さくしてください。")
        case .noSuchProposal(let number, let count, let photo):
            return Message(en: "\(photo) has \(count) proposed box\(count == 1 ? "" : "es"), so there is no proposal \(number). `boxes \(photo)` shows them numbered.",
                           ja: "\(photo) の候補の枠は \(count) 個なので、候補 \(number) はありません。`boxes \(photo)` で番号つきで表示できます。")
        case .noTestResults(let model):
            return Message(en: "\(model) is a recorded version: its test results were not recorded. Train your own (`train`) to see them.",
                           ja: "\(model) は記録されたバージョンなので、テスト結果は記録されていません。自分で `train` したモデルで見られます。")
        case .testResultsNotInSummary(let model):
            return Message(en: "\(model) was trained on AWS: its evaluation summary has the metrics but not each test photo's boxes. See them in the console's test results.",
                           ja: "\(model) は AWS でトレーニングしたので、評価の要約には指標だけで、テスト写真ごとの枠はありません。コンソールのテスト結果で見てください。")
        }
    }

    var description: String { message.en }
}
