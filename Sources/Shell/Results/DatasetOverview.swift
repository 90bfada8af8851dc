import CustomLabels
import PanyaLanguage
import PanyaSupport

/// `dataset`: the project's labels and, per dataset, photos, labelled photos and boxes per label,
/// as the console's dataset page counts them.
struct DatasetOverview: ShellResult {
    static let kind = "dataset"
    var datasets: ProjectDatasets

    /// The counts of one dataset: photos, photos with a box, boxes per label (in the project's label order).
    struct Counts {
        var photos: Int
        var labelled: Int
        var boxes: [(label: String, count: Int)]
    }

    func counts(_ kind: DatasetKind) -> Counts? {
        guard let photos = datasets.photos(kind) else { return nil }
        let all = photos.flatMap { $0.boxes.map(\.label) }
        var order = datasets.labels
        for label in all where !order.contains(label) { order.append(label) }
        return Counts(photos: photos.count, labelled: photos.filter { !$0.boxes.isEmpty }.count,
                      boxes: order.map { label in (label, all.filter { $0 == label }.count) })
    }

    var fields: [(String, Value)] {
        func value(_ kind: DatasetKind) -> Value {
            guard let c = counts(kind) else { return .null }
            return .map(OrderedMap([("photos", .number(Double(c.photos))), ("labelled", .number(Double(c.labelled))),
                                    ("boxes", .map(OrderedMap(c.boxes.map { ($0.label, .number(Double($0.count))) })))]))
        }
        return [("project", .string(datasets.project)), ("labels", .list(datasets.labels.map { .string($0) })),
                ("train", value(.training)), ("test", value(.test))]
    }

    func render(_ style: RenderStyle) -> String {
        var lines = [style.text(Catalog.datasetHeading(project: datasets.project, labels: datasets.labels))]
        var table = TextTable(headers: [style.text(Catalog.headerDataset), style.text(Catalog.headerPhotos), style.text(Catalog.headerLabelledPhotos),
                                        style.text(Catalog.headerBoxes)],
                              alignments: [.left, .right, .right, .right])
        let train = counts(.training), test = counts(.test)
        for (kind, c) in [(DatasetKind.training, train), (.test, test)] {
            guard let c else {
                table.add([kind.rawValue, "-", "-", "-"])
                continue
            }
            table.add([kind.rawValue, String(c.photos), String(c.labelled), String(c.boxes.reduce(0) { $0 + $1.count })])
        }
        lines.append(table.render(width: style.terminal.columns))
        let labels = (train?.boxes ?? test?.boxes ?? []).map(\.label)
        if !labels.isEmpty {
            var perLabel = TextTable(headers: [style.text(Catalog.headerLabel), style.text(Catalog.headerTrainBoxes), style.text(Catalog.headerTestBoxes)],
                                     alignments: [.left, .right, .right])
            for label in labels {
                func count(_ c: Counts?) -> String { c.map { counts in String(counts.boxes.first { $0.label == label }?.count ?? 0) } ?? "-" }
                perLabel.add([label, count(train), count(test)])
            }
            lines.append(perLabel.render(width: style.terminal.columns))
        }
        if train == nil || test == nil { lines.append(style.text(Catalog.datasetCreateHint)) }
        return lines.joined(separator: "\n")
    }
}

/// What `dataset add` / `dataset import` did: which dataset, the photos added and their boxes.
struct DatasetChange: ShellResult {
    static let kind = "dataset_change"
    var dataset: DatasetKind
    var photos: [TrainingPhoto]
    /// The manifest's problems (`dataset import`), each with its line and code.
    var issues: [ManifestIssue] = []
    /// How paths are shown.
    var shortPath: (String) -> String

    var fields: [(String, Value)] {
        [("dataset", .string(dataset.rawValue)), ("photos", .list(photos.map { .string(shortPath($0.name)) })),
         ("boxes", .number(Double(photos.reduce(0) { $0 + $1.boxes.count }))),
         ("issues", .list(issues.map { .string($0.message.en) }))]
    }

    func render(_ style: RenderStyle) -> String {
        let boxes = photos.reduce(0) { $0 + $1.boxes.count }
        var lines = [style.text(Catalog.datasetAdded(count: photos.count, boxes: boxes, dataset: dataset))]
        for issue in issues { lines.append("  " + style.text(issue.message)) }
        return lines.joined(separator: "\n")
    }
}

extension Catalog {
    static func datasetHeading(project: String, labels: [String]) -> Message {
        let list = labels.isEmpty ? "-" : labels.joined(separator: ", ")
        return Message(en: "project \(project) — labels: \(list)", ja: "プロジェクト \(project) — ラベル: \(labels.isEmpty ? "-" : labels.joined(separator: "、"))")
    }
    static let headerDataset = Message(en: "dataset", ja: "データセット")
    static let headerPhotos = Message(en: "photos", ja: "画像")
    static let headerLabelledPhotos = Message(en: "labelled", ja: "ラベル付き")
    static let headerBoxes = Message(en: "boxes", ja: "枠")
    static let headerTrainBoxes = Message(en: "train boxes", ja: "train の枠")
    static let headerTestBoxes = Message(en: "test boxes", ja: "test の枠")
    static let datasetCreateHint = Message(en: "(-: not created yet — `dataset create train`, `dataset create test`)",
                                           ja: "(-: まだ作っていません — `dataset create train`、`dataset create test`)")
    static func datasetAdded(count: Int, boxes: Int, dataset: DatasetKind) -> Message {
        let word = dataset == .training ? "training" : "test"
        let wordJa = dataset == .training ? "トレーニング" : "テスト"
        return Message(en: "Added \(count) photo\(count == 1 ? "" : "s") to the \(word) dataset, with \(boxes) box\(boxes == 1 ? "" : "es")",
                       ja: "\(wordJa)データセットに写真 \(count) 枚 (枠 \(boxes) 個) を入れました")
    }
}
