import CustomLabels
import PanyaLanguage
import PanyaSupport

/// `boxes PHOTO`, `boxes add`, `boxes remove`: the labelled boxes of a dataset photo.
struct BoxesFamily: CommandFamily {
    unowned let context: any TrainingAccess

    var title: Message { Message(en: "Boxes", ja: "枠") }

    static let ratio = ArgumentKind.number(0...1)

    var commands: [Command] {
        [
            Command("boxes", summary: Catalog.boxesSummary,
                    arguments: [.required("PHOTO", .path, Catalog.argDatasetPhoto)]) { call in
                try view(call, drawsPhoto: true).value
            },
            Command("boxes add", summary: Catalog.boxesAddSummary,
                    arguments: [.required("PHOTO", .path, Catalog.argDatasetPhoto), .required("LABEL", .label, Catalog.argLabel)],
                    flags: [.value("proposal", "N", .wholeNumber(1...10_000), Catalog.flagProposal),
                            .value("left", "L", Self.ratio, Catalog.flagBoxLeft), .value("top", "T", Self.ratio, Catalog.flagBoxTop),
                            .value("width", "W", Self.ratio, Catalog.flagBoxWidth), .value("height", "H", Self.ratio, Catalog.flagBoxHeight)]) { call in
                let trainer = try context.trainer("boxes add")
                let project = try trainer.currentTrainingProject()
                let (photo, path) = try (call.string(at: 0), context.photoArguments.path(call.string(at: 0)))
                let sides = try ["left", "top", "width", "height"].map { try call.number(flag: $0) }
                let box: BoundingBox
                if let number = try call.int(flag: "proposal"), sides.allSatisfy({ $0 == nil }) {
                    _ = try trainer.datasetPhoto(project: project, path: path)
                    let proposals = try trainer.proposals(photoPath: path)
                    guard number <= proposals.count else {
                        throw ShellTrainingError.noSuchProposal(number: number, count: proposals.count, photo: photo)
                    }
                    box = proposals[number - 1]
                } else if try call.int(flag: "proposal") == nil, let left = sides[0], let top = sides[1], let width = sides[2], let height = sides[3] {
                    box = BoundingBox(width: width, height: height, left: left, top: top)
                    if let problem = Self.placeProblem(box) { throw problem }
                } else {
                    throw ShellTrainingError.boxNeedsPlace
                }
                let updated = try trainer.addBox(project: project, path: path, box: LabelledBox(label: call.string(at: 1), box: box))
                let kind = try trainer.datasetPhoto(project: project, path: path).kind
                return PhotoBoxes(photo: photo, path: path, dataset: kind, boxes: updated.boxes, proposals: nil, drawsPhoto: false).value
            },
            Command("boxes remove", summary: Catalog.boxesRemoveSummary,
                    arguments: [.required("PHOTO", .path, Catalog.argDatasetPhoto), .required("N", .wholeNumber(1...10_000), Catalog.argBoxNumber)]) { call in
                let trainer = try context.trainer("boxes remove")
                let project = try trainer.currentTrainingProject()
                let (photo, path) = try (call.string(at: 0), context.photoArguments.path(call.string(at: 0)))
                let number = try Int(call.number(at: 1))
                let updated = try trainer.removeBox(project: project, path: path, number: number)
                let kind = try trainer.datasetPhoto(project: project, path: path).kind
                return PhotoBoxes(photo: photo, path: path, dataset: kind, boxes: updated.boxes, proposals: nil, drawsPhoto: false).value
            },
        ]
    }

    /// What is wrong with a box given by --left/--top/--width/--height, naming the flag to change;
    /// nil when it has a size and stays inside the photo (each flag is already a ratio 0–1).
    static func placeProblem(_ box: BoundingBox) -> ShellTrainingError? {
        if box.width <= 0 { return .boxWithoutSize(flag: "width") }
        if box.height <= 0 { return .boxWithoutSize(flag: "height") }
        if box.right > 1 + TrainingValidation.boxTolerance { return .boxPastEdge(startFlag: "left", sizeFlag: "width", start: box.left, size: box.width) }
        if box.bottom > 1 + TrainingValidation.boxTolerance { return .boxPastEdge(startFlag: "top", sizeFlag: "height", start: box.top, size: box.height) }
        return nil
    }

    /// A dataset photo with its boxes and the engine's proposals.
    func view(_ call: CommandCall, drawsPhoto: Bool) throws -> PhotoBoxes {
        let trainer = try context.trainer("boxes")
        let project = try trainer.currentTrainingProject()
        let (photo, path) = try (call.string(at: 0), context.photoArguments.path(call.string(at: 0)))
        let (kind, stored) = try trainer.datasetPhoto(project: project, path: path)
        return PhotoBoxes(photo: photo, path: path, dataset: kind, boxes: stored.boxes, proposals: try trainer.proposals(photoPath: path),
                          drawsPhoto: drawsPhoto)
    }
}

extension Catalog {
    static let boxesSummary = Message(en: "a dataset photo in the terminal with its boxes and the numbered proposed boxes",
                                      ja: "データセットの写真を、付けた枠と番号つきの候補の枠といっしょに端末に表示")
    static let boxesAddSummary = Message(en: "add a labelled box: a proposal (--proposal N) or --left --top --width --height",
                                         ja: "ラベル付きの枠を追加: 候補 (--proposal 番号) か --left --top --width --height")
    static let boxesRemoveSummary = Message(en: "remove box N of a dataset photo", ja: "データセットの写真の枠 N を消す")
    static let argDatasetPhoto = Message(en: "a photo in the training or test dataset", ja: "トレーニングかテストのデータセットにある写真")
    static let argBoxNumber = Message(en: "the box's number (see `boxes PHOTO`)", ja: "枠の番号 (`boxes 写真` で確認)")
    static let flagProposal = Message(en: "use proposed box N (see `boxes PHOTO`)", ja: "候補の枠 N を使う (`boxes 写真` で確認)")
    static let flagBoxLeft = Message(en: "left edge, ratio 0–1 of the width", ja: "左端 (幅に対する割合 0〜1)")
    static let flagBoxTop = Message(en: "top edge, ratio 0–1 of the height", ja: "上端 (高さに対する割合 0〜1)")
    static let flagBoxWidth = Message(en: "width, ratio 0–1 of the photo's width", ja: "幅 (写真の幅に対する割合 0〜1)")
    static let flagBoxHeight = Message(en: "height, ratio 0–1 of the photo's height", ja: "高さ (写真の高さに対する割合 0〜1)")
}
