import CustomLabels
import Foundation
import PanyaLanguage
import PanyaSupport

/// `dataset` and its subcommands: the training and test datasets, their photos and labels.
struct DatasetFamily: CommandFamily {
    unowned let context: any TrainingAccess

    var title: Message { Message(en: "Datasets", ja: "データセット") }

    static let kinds = ArgumentKind.choice(DatasetKind.allCases.map(\.rawValue))

    var commands: [Command] {
        [
            Command("dataset", summary: Catalog.datasetSummary) { _ in
                let (trainer, project) = try current("dataset")
                return DatasetOverview(datasets: try trainer.datasets(project: project)).value
            },
            Command("dataset create", summary: Catalog.datasetCreateSummary,
                    arguments: [.required("train|test", Self.kinds, Catalog.argDataset)]) { call in
                let (trainer, project) = try current("dataset create")
                try trainer.createDataset(project: project, kind: kind(call))
                return DatasetOverview(datasets: try trainer.datasets(project: project)).value
            },
            Command("dataset label", summary: Catalog.datasetLabelSummary,
                    arguments: [.repeated("NAME", .label, Catalog.argLabel)]) { call in
                let (trainer, project) = try current("dataset label")
                let names = try call.positional.indices.map { try call.string(at: $0) }
                return .list(try trainer.addLabels(project: project, names).map { .string($0) })
            },
            Command("dataset label remove", summary: Catalog.datasetLabelRemoveSummary,
                    arguments: [.repeated("NAME", .label, Catalog.argLabelToRemove, optional: true)],
                    flags: [.switch("unused", Catalog.flagLabelUnused)]) { call in
                let (trainer, project) = try current("dataset label remove")
                var names = try call.positional.indices.map { try call.string(at: $0) }
                if try call.bool(flag: "unused") {
                    let datasets = try trainer.datasets(project: project)
                    let used = Set(((datasets.training ?? []) + (datasets.test ?? [])).flatMap { $0.boxes.map(\.label) })
                    names += datasets.labels.filter { !used.contains($0) && !names.contains($0) }
                    // Nothing unused is not a mistake (a lesson's solution line may find the labels already right).
                    if names.isEmpty { return .string(context.style.text(Catalog.noUnusedLabel(datasets.labels))) }
                }
                guard !names.isEmpty else { throw ShellTrainingError.noLabelToRemove }
                let removed = try trainer.removeLabels(project: project, names)
                let labels = try trainer.datasets(project: project).labels
                return .string(context.style.text(Catalog.labelsRemoved(removed, remaining: labels)))
            },
            Command("dataset add", summary: Catalog.datasetAddSummary,
                    arguments: [.required("train|test", Self.kinds, Catalog.argDataset), .repeated("PHOTO", .path, Catalog.argPhotos)],
                    flags: [.value("label", "LABEL", .label, Catalog.flagDatasetLabel)]) { call in
                let (trainer, project) = try current("dataset add")
                let arguments = try (1..<call.positional.count).map { try call.string(at: $0) }
                let expanded = try PhotoPatterns(photoArguments: context.photoArguments).expand(arguments)
                if let first = expanded.unmatched.first { throw ShellTrainingError.noPhotos(first) }
                let added = try trainer.addPhotos(project: project, kind: kind(call), paths: expanded.paths, label: call.string(flag: "label"))
                return DatasetChange(dataset: try kind(call), photos: added, shortPath: context.shortPath).value
            },
            Command("dataset import", summary: Catalog.datasetImportSummary,
                    arguments: [.required("train|test", Self.kinds, Catalog.argDataset), .required("MANIFEST", .path, Catalog.argManifest)]) { call in
                let (trainer, project) = try current("dataset import")
                let result = try trainer.importManifest(project: project, kind: kind(call), path: context.photoArguments.path(call.string(at: 1)))
                return DatasetChange(dataset: try kind(call), photos: result.added, issues: result.issues, shortPath: context.shortPath).value
            },
            Command("dataset export", summary: Catalog.datasetExportSummary,
                    arguments: [.required("train|test", Self.kinds, Catalog.argDataset)],
                    flags: [.value("out", "FILE", .path, Catalog.flagManifestOut), .switch("force", Catalog.flagShowForce)]) { call in
                let (trainer, project) = try current("dataset export")
                guard let out = try call.string(flag: "out").map({ try context.photoArguments.outputPath($0) }) else {
                    var text = try trainer.exportManifest(project: project, kind: kind(call), relativeTo: FileManager.default.currentDirectoryPath)
                    if text.hasSuffix("\n") { text.removeLast() }
                    return .string(text)
                }
                try OutputFile.checkWritable(out, input: "", force: call.bool(flag: "force"))
                let folder = (out as NSString).deletingLastPathComponent
                let text = try trainer.exportManifest(project: project, kind: kind(call),
                                                      relativeTo: folder.isEmpty ? FileManager.default.currentDirectoryPath : folder)
                guard FileManager.default.createFile(atPath: out, contents: Data(text.utf8)) else { throw ShellTrainingError.cannotWrite(out) }
                return .string(context.style.text(Catalog.showWrote(out)))
            },
            Command("dataset remove", summary: Catalog.datasetRemoveSummary,
                    arguments: [.required("train|test", Self.kinds, Catalog.argDataset), .required("PHOTO", .path, Catalog.argPhoto)]) { call in
                let (trainer, project) = try current("dataset remove")
                try trainer.removePhoto(project: project, kind: kind(call), path: context.photoArguments.path(call.string(at: 1)))
                return DatasetOverview(datasets: try trainer.datasets(project: project)).value
            },
        ]
    }

    func current(_ command: String) throws -> (any ModelTraining, String) {
        let trainer = try context.trainer(command)
        return (trainer, try trainer.currentTrainingProject())
    }

    func kind(_ call: CommandCall) throws -> DatasetKind {
        try DatasetKind(rawValue: call.string(at: 0)) ?? .training
    }
}

extension Catalog {
    static let datasetSummary = Message(en: "the current project's datasets: photos, labelled photos, boxes per label",
                                        ja: "現在のプロジェクトのデータセット: 画像数・ラベル付き画像数・ラベルごとの枠の数")
    static let datasetCreateSummary = Message(en: "create the training or the test dataset (empty)", ja: "トレーニングかテストのデータセットを作る (空)")
    static let datasetLabelSummary = Message(en: "add labels to the project", ja: "プロジェクトにラベルを追加する")
    static let datasetLabelRemoveSummary = Message(en: "remove labels from the project (a mistyped label), with their boxes",
                                                   ja: "プロジェクトからラベルを消す (打ちまちがえたラベルなど)。そのラベルの枠も消える")
    static let argLabelToRemove = Message(en: "a label of the project (dataset shows them)", ja: "プロジェクトのラベル (dataset で一覧)")
    static let flagLabelUnused = Message(en: "also remove every label no box uses (in either dataset)",
                                         ja: "どの枠にも使われていないラベルもすべて消す (両方のデータセット)")
    static func noUnusedLabel(_ labels: [String]) -> Message {
        Message(en: "Every label has a box; nothing removed. Labels: \(labels.joined(separator: ", "))",
                ja: "どのラベルにも枠があるので、何も消していません。ラベル: \(labels.joined(separator: "、"))")
    }
    /// What `dataset label remove` did: each label with how many boxes went with it, and the labels left.
    static func labelsRemoved(_ removed: [(label: String, boxes: Int)], remaining: [String]) -> Message {
        let en = removed.map { "\($0.label) (\($0.boxes) box\($0.boxes == 1 ? "" : "es"))" }.joined(separator: ", ")
        let ja = removed.map { "\($0.label) (枠 \($0.boxes) 個)" }.joined(separator: "、")
        let left = remaining.isEmpty ? Message(en: "none", ja: "なし") : Message(en: remaining.joined(separator: ", "), ja: remaining.joined(separator: "、"))
        return Message(en: "Removed the label\(removed.count == 1 ? "" : "s") \(en). Labels now: \(left.en)",
                       ja: "ラベル \(ja) を消しました。いまのラベル: \(left.ja)")
    }
    static let datasetAddSummary = Message(en: "add photos (files, folders, patterns like train/*.jpg); --label boxes every bread found",
                                           ja: "写真を追加する (ファイル・フォルダ・train/*.jpg のようなパターン)。--label で見つかったパンすべてに枠とラベルを付ける")
    static let datasetImportSummary = Message(en: "read a SageMaker Ground Truth manifest into a dataset", ja: "SageMaker Ground Truth のマニフェストをデータセットに読み込む")
    static let datasetExportSummary = Message(en: "write a dataset as a Ground Truth manifest", ja: "データセットを Ground Truth のマニフェストとして書き出す")
    static let datasetRemoveSummary = Message(en: "remove a photo from a dataset", ja: "データセットから写真を外す")
    static let argDataset = Message(en: "train or test", ja: "train か test")
    static let argPhotos = Message(en: "photo files, folders or patterns (train/*.jpg)", ja: "写真のファイル・フォルダ・パターン (train/*.jpg)")
    static let argManifest = Message(en: "a manifest file (JSON lines)", ja: "マニフェストのファイル (JSON Lines)")
    static let flagDatasetLabel = Message(en: "box every bread the engine finds on each photo with this label", ja: "各写真で見つかったパンすべてにこのラベルの枠を付ける")
    static let flagManifestOut = Message(en: "write the manifest to this file instead of showing it", ja: "表示せずにこのファイルへ書き出す")
}
