import CustomLabels
import PanyaSupport

// Messages of the dataset workbench (projects, datasets, labels, photos, boxes, manifests).
extension Catalog {
    static func manifestDuplicatePhoto(firstLine: Int) -> Message {
        Message(en: "the same photo as line \(firstLine): left out (a photo is one dataset entry; line \(firstLine)'s boxes are kept)",
                ja: "\(firstLine) 行目と同じ写真なので使いません (写真 1 枚はデータセットの 1 件です。\(firstLine) 行目の枠を使います)")
    }

    static func manifestImageSizeDiffers(stated: (Int, Int), real: (Int, Int)) -> Message {
        Message(en: "image_size says \(stated.0)×\(stated.1) but the photo is \(real.0)×\(real.1): the line is left out (its boxes would not fit the photo)",
                ja: "image_size は \(stated.0)×\(stated.1) ですが、写真は \(real.0)×\(real.1) です。この行は使いません (枠が写真に合いません)")
    }

    static func datasetWord(_ kind: DatasetKind) -> Message {
        kind == .training ? Message(en: "training dataset", ja: "トレーニングデータセット") : Message(en: "test dataset", ja: "テストデータセット")
    }

    static func workbenchError(_ error: WorkbenchError) -> Message {
        switch error {
        case .noProject:
            return Message(en: "No project yet. Make one first: `project create NAME` (or `project use NAME`).",
                           ja: "プロジェクトがまだありません。先に `project create 名前` で作ってください (または `project use 名前`)。")
        case .unknownProject(let name, let known):
            let list = known.isEmpty ? "" : " (" + known.joined(separator: ", ") + ")"
            return Message(en: "No project named '\(name)'\(list). Make it with `project create \(name)`; `projects` lists them.",
                           ja: "'\(name)' というプロジェクトはありません\(list)。`project create \(name)` で作れます。一覧は `projects`。")
        case .invalidProjectName(let name):
            return Message(en: "'\(name)' cannot be a project name: use 1 to 255 letters a–z A–Z, digits, '_', '.' or '-' (e.g. bakery-ai).",
                           ja: "'\(name)' はプロジェクト名に使えません。英字 a–z A–Z・数字・'_'・'.'・'-' を 1〜255 文字で (例: bakery-ai)。")
        case .projectExists(let name):
            return Message(en: "A project named '\(name)' already exists. Choose another name, or `project use \(name)`.",
                           ja: "'\(name)' というプロジェクトはもうあります。別の名前にするか、`project use \(name)` を使ってください。")
        case .noDataset(let project, let kind):
            return Message(en: "The project \(project) has no \(datasetWord(kind).en) yet: `dataset create \(kind.rawValue)` makes it.",
                           ja: "プロジェクト \(project) には\(datasetWord(kind).ja)がまだありません。`dataset create \(kind.rawValue)` で作れます。")
        case .datasetExists(let project, let kind):
            return Message(en: "The project \(project) already has a \(datasetWord(kind).en); add photos with `dataset add \(kind.rawValue) PHOTOS...`.",
                           ja: "プロジェクト \(project) には\(datasetWord(kind).ja)がもうあります。写真は `dataset add \(kind.rawValue) 写真...` で追加します。")
        case .photoNotInDataset(let path, let project):
            return Message(en: "\(path) is not in a dataset of \(project). Add it first: `dataset add train \(path)`.",
                           ja: "\(path) は \(project) のデータセットにありません。先に `dataset add train \(path)` で追加してください。")
        case .photoNotInThisDataset(let path, let kind):
            return Message(en: "\(path) is not in the \(datasetWord(kind).en); `dataset` shows what each dataset holds.",
                           ja: "\(path) は\(datasetWord(kind).ja)にありません。`dataset` で中身を確認できます。")
        case .unknownLabel(let label, let known):
            let list = known.isEmpty ? "none yet" : known.joined(separator: ", ")
            let listJa = known.isEmpty ? "まだありません" : known.joined(separator: "、")
            return Message(en: "'\(label)' is not a label of this project (labels: \(list)). Add it with `dataset label \(label)`.",
                           ja: "'\(label)' はこのプロジェクトのラベルではありません (ラベル: \(listJa))。`dataset label \(label)` で追加できます。")
        case .notALabel(let label, let known):
            let list = known.isEmpty ? "none yet" : known.joined(separator: ", ")
            let listJa = known.isEmpty ? "まだありません" : known.joined(separator: "、")
            return Message(en: "'\(label)' is not a label of this project, so nothing was removed (labels: \(list)).",
                           ja: "'\(label)' はこのプロジェクトのラベルではないので、何も消していません (ラベル: \(listJa))。")
        case .noSuchBox(let number, let count, let path):
            return Message(en: "\(path) has \(count) box\(count == 1 ? "" : "es"), so there is no box \(number). `boxes \(path)` shows them numbered.",
                           ja: "\(path) の枠は \(count) 個なので、枠 \(number) はありません。`boxes \(path)` で番号つきで表示できます。")
        case .boxOffPhoto(let path):
            return Message(en: "That box is not inside \(path): --left, --top, --width and --height are ratios 0–1 and left+width, top+height must stay ≤ 1.",
                           ja: "その枠は \(path) の外にはみ出しています。--left・--top・--width・--height は 0〜1 の割合で、left+width と top+height は 1 以下にします。")
        case .unusableManifest(let path, let issues):
            let lines = issues.map { "  " + $0.message.en }.joined(separator: "\n")
            let linesJa = issues.map { "  " + $0.message.ja }.joined(separator: "\n")
            return Message(en: "The manifest \(path) cannot be used:\n\(lines)", ja: "マニフェスト \(path) は使えません:\n\(linesJa)")
        case .invalidText(let reason):
            return reason
        }
    }

    static func workbenchHasNoBuckets(_ location: String) -> Message {
        Message(en: "\(location): the local workbench reads dataset photos from files, not from S3. Download the photo and give its path in the manifest.",
                ja: "\(location): ローカルのワークベンチはデータセットの写真をファイルから読みます (S3 からは読みません)。写真をダウンロードして、マニフェストにはそのパスを書いてください。")
    }
}
