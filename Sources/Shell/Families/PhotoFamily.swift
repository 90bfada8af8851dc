import CustomLabels
import Foundation
import PanyaLanguage
import PanyaSupport
import Photos
import Session

/// `show` and `photos`: pictures with their boxes, and the photos the lessons ship.
struct PhotoFamily: CommandFamily {
    unowned let context: any ServiceAccess
    /// Where `lessons/photos` is.
    let assetsRoot: String

    var title: Message { Message(en: "Photos", ja: "写真") }

    var commands: [Command] {
        [
            Command("show", summary: Catalog.showSummary,
                    arguments: [.required("PHOTO|RESULT", .value, Catalog.argShowWhat, completion: .path)],
                    flags: [.value("min-confidence", "N", .anyNumber, Catalog.flagMinConfidence),
                            .value("out", "FILE.jpg|FILE.png", .path, Catalog.flagShowOut),
                            .switch("force", Catalog.flagShowForce)]) { call in
                try show(call)
            },
            Command("photos", summary: Catalog.photosSummary,
                    arguments: [.optional("DIR", .path, Catalog.argPhotosDir)]) { call in
                let directory = try call.optionalString(at: 0).map { try context.photoArguments.path($0) } ?? (assetsRoot + "/lessons/photos")
                return try photoEntries(in: directory).value
            },
        ]
    }

    /// Draws a photo with its boxes: a detect result's or an inspection's, or what the model
    /// answers for PHOTO now (no boxes, with a note, while the model is not running).
    private func show(_ call: CommandCall) throws -> Value {
        let argument = try call.value(at: 0)
        var labels: [CustomLabel] = []
        var note: Message? = nil
        let photoName: String
        if let result = argument.asRecord?.source as? DetectResult {
            photoName = result.photo
            labels = result.labels
        } else if let report = argument.asRecord?.source as? InspectionReport {
            photoName = report.photo
            labels = report.labels
        } else {
            photoName = try call.string(at: 0)
            do {
                labels = try DetectionFamily(context: context).detect(photo: photoName, minConfidence: call.number(flag: "min-confidence"),
                                                                      maxResults: nil).labels
            } catch let error as ServiceError where error.kind == .resourceNotReady {
                note = Catalog.showWithoutBoxes
            }
        }
        guard !photoName.hasPrefix("s3://") else { throw SessionError.notAvailableOnBackend(command: "show s3://…", backend: "local") }
        let path = try context.photoArguments.path(photoName)
        let photo = try Photo.load(path: path)
        let boxes = AnnotatedBox.from(labels)
        if let out = try call.string(flag: "out").map({ try context.photoArguments.outputPath($0) }) {
            let format = try OutputFile.imageFormat(out, among: [.jpeg, .png])
            try OutputFile.checkWritable(out, input: path, force: call.bool(flag: "force"))
            try BoxDrawing.writeAnnotated(photo, boxes: boxes, to: out, format: format)
            return .string(context.style.text(Catalog.showWrote(out)))
        }
        let style = context.style
        var picture = TerminalPicture.render(photo, boxes: boxes, columns: min(style.terminal.columns, 120), color: style.terminal.color,
                                             title: photoName, language: style.language)
        if let note { picture += style.text(note) + "\n" }
        context.write(picture)
        return .null
    }

    /// Every JPEG/PNG under `directory` (sorted), with its size and whether the backend has a
    /// recording of it for the current version.
    func photoEntries(in directory: String) throws -> [PhotoEntry] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
              let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw ShellError.cannotListPhotos(directory)
        }
        var paths: [String] = []
        while let item = enumerator.nextObject() as? String {
            let lower = item.lowercased()
            if lower.hasSuffix(".jpg") || lower.hasSuffix(".jpeg") || lower.hasSuffix(".png") { paths.append(item) }
        }
        let recordings = context.backend.recordedResponses
        let versionArn = recordings != nil ? (try? context.models.currentVersionArn()) : nil
        let shownBase = directory.hasPrefix(assetsRoot + "/") ? String(directory.dropFirst(assetsRoot.count + 1)) : directory
        return paths.sorted().map { relative in
            let full = directory + "/" + relative
            guard let bytes = try? Photo.readBytes(path: full), let header = try? PhotoHeader.read(bytes: bytes, name: relative) else {
                return PhotoEntry(path: shownBase + "/" + relative, size: nil, recorded: false)
            }
            let recorded = recordings.flatMap { r in versionArn.map { r.hasRecording(sha256: PhotoFingerprint.sha256(bytes), versionArn: $0) } } ?? false
            return PhotoEntry(path: shownBase + "/" + relative, size: (header.width, header.height), recorded: recorded)
        }
    }
}

extension Catalog {
    static let showSummary = Message(en: "draw a photo with its boxes in the terminal (or --out FILE.jpg|FILE.png)", ja: "写真と枠を端末に表示 (--out FILE.jpg か FILE.png で画像に保存)")
    static let showWithoutBoxes = Message(en: "(the model is not running, so no boxes: `model start`, `model wait`)", ja: "(モデルが動いていないので枠はありません: `model start`、`model wait`)")
    static func showWrote(_ file: String) -> Message { Message(en: "wrote \(file)", ja: "\(file) に保存しました") }
    static let photosSummary = Message(en: "the photos the lessons ship, and which have recordings", ja: "レッスン用の写真と、記録があるかどうか")
    static let headerPhoto = Message(en: "photo", ja: "写真")
    static let headerSize = Message(en: "size", ja: "サイズ")
    static let headerRecorded = Message(en: "recorded", ja: "記録")
    static let argShowWhat = Message(en: "a photo, or a detect or inspect result", ja: "写真、または detect か inspect の結果")
    static let argPhotosDir = Message(en: "a folder (default: the lessons' photos)", ja: "フォルダ (既定: レッスンの写真)")
    static let flagShowOut = Message(en: "write an annotated JPEG (.jpg) or PNG (.png), by the name's ending, instead of drawing in the terminal", ja: "端末に描かずに、枠を描いた JPEG (.jpg) か PNG (.png) を書き出す (形式は拡張子で決まります)")
    static let flagShowForce = Message(en: "with --out: replace a file that already exists", ja: "--out と一緒に: 既にあるファイルを置き換える")
}
