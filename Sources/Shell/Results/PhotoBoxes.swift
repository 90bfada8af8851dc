import CustomLabels
import PanyaLanguage
import PanyaSupport
import Photos

/// `boxes PHOTO`: a dataset photo's boxes and the engine's numbered proposals; drawn in the
/// terminal (proposals numbered first, then the boxes already set) or listed without colour.
struct PhotoBoxes: ShellResult {
    static let kind = "photo_boxes"
    /// The photo as the student typed it.
    var photo: String
    /// The file to draw.
    var path: String
    /// Which dataset holds it.
    var dataset: DatasetKind
    /// The labelled boxes set on it.
    var boxes: [LabelledBox]
    /// The engine's proposals (numbered from 1); nil when not asked for.
    var proposals: [BoundingBox]?
    /// Whether the human form draws the photo (`boxes PHOTO`) or lists the boxes (`boxes add`).
    var drawsPhoto: Bool

    var fields: [(String, Value)] {
        func box(_ b: BoundingBox) -> Value {
            .map(OrderedMap([("left", .number(b.left)), ("top", .number(b.top)), ("width", .number(b.width)), ("height", .number(b.height))]))
        }
        return [("photo", .string(photo)), ("dataset", .string(dataset.rawValue)),
                ("boxes", .list(boxes.map { .map(OrderedMap([("label", .string($0.label)), ("box", box($0.box))])) })),
                ("proposals", proposals.map { .list($0.map(box)) } ?? .null)]
    }

    /// Proposals first (their legend numbers are the `--proposal` numbers), then the set boxes.
    func annotated(_ style: RenderStyle) -> [AnnotatedBox] {
        var items: [AnnotatedBox] = []
        for (index, proposal) in (proposals ?? []).enumerated() {
            items.append(AnnotatedBox(box: proposal, label: style.text(Catalog.proposalWord(index + 1)), color: RGB(150, 150, 150)))
        }
        for (index, labelled) in boxes.enumerated() {
            items.append(AnnotatedBox(box: labelled.box, label: style.text(Catalog.boxWord(index + 1)) + " " + labelled.label, color: RGB.box(index)))
        }
        return items
    }

    func render(_ style: RenderStyle) -> String {
        var out = ""
        if drawsPhoto, let photo = try? Photo.load(path: path, limits: .serviceS3Object) {
            out = TerminalPicture.render(photo, boxes: annotated(style), columns: min(style.terminal.columns, 100), color: style.terminal.color,
                                         title: self.photo + "  (" + dataset.rawValue + ")", language: style.language)
        } else {
            var lines = [style.text(Catalog.photoBoxesHeading(photo: photo, dataset: dataset, count: boxes.count))]
            let width = boxes.map { DisplayWidth.of($0.label) }.max() ?? 0
            for (index, labelled) in boxes.enumerated() {
                let b = labelled.box
                lines.append("  \(index + 1)  " + DisplayWidth.padRight(labelled.label, to: width) + "  "
                             + style.text(Catalog.boxPlace(left: NumberText.fixed(b.left, decimals: 3), top: NumberText.fixed(b.top, decimals: 3),
                                                           width: NumberText.fixed(b.width, decimals: 3), height: NumberText.fixed(b.height, decimals: 3))))
            }
            out = lines.joined(separator: "\n") + "\n"
        }
        if drawsPhoto { out += style.text(Catalog.boxesHint(photo: photo, hasProposals: !(proposals ?? []).isEmpty)) + "\n" }
        if out.hasSuffix("\n") { out.removeLast() }
        return out
    }
}

extension Catalog {
    static func proposalWord(_ number: Int) -> Message { Message(en: "proposal \(number)", ja: "候補 \(number)") }
    static func boxWord(_ number: Int) -> Message { Message(en: "box \(number):", ja: "枠 \(number):") }
    static func photoBoxesHeading(photo: String, dataset: DatasetKind, count: Int) -> Message {
        Message(en: "\(photo) (\(dataset.rawValue)): \(count) box\(count == 1 ? "" : "es")", ja: "\(photo) (\(dataset.rawValue)): 枠 \(count) 個")
    }
    static func boxPlace(left: String, top: String, width: String, height: String) -> Message {
        Message(en: "left \(left)  top \(top)  width \(width)  height \(height)", ja: "左 \(left)  上 \(top)  幅 \(width)  高さ \(height)")
    }
    static func boxesHint(photo: String, hasProposals: Bool) -> Message {
        hasProposals
            ? Message(en: "Label a proposal: boxes add \(photo) LABEL --proposal N", ja: "候補にラベルを付ける: boxes add \(photo) ラベル --proposal 番号")
            : Message(en: "No proposal: draw a box with boxes add \(photo) LABEL --left L --top T --width W --height H",
                      ja: "候補がありません。枠を指定します: boxes add \(photo) ラベル --left 左 --top 上 --width 幅 --height 高さ")
    }
}
