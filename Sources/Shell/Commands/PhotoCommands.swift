import CustomLabels
import Foundation
import MockBackend
import PanyaLanguage
import Photos
import PanyaSupport

extension ShellSession {
    /// `photos [DIR]` and `show PHOTO|RESULT [--out FILE.jpg]`.
    func registerPhotoCommands() {
        register(Command(name: "show", summary: Catalog.showSummary, usage: "show PHOTO|RESULT [--min-confidence N] [--out FILE.jpg]",
                         flags: ["min-confidence", "out"]) { [unowned self] call in
            try self.show(call)
        })
        register(Command(name: "photos", summary: Catalog.photosSummary, usage: "photos [DIR]") { [unowned self] call in
            let directory = try call.optionalString(at: 0).map { self.resolvePhotoPath($0) } ?? (self.assetsRoot + "/lessons/photos")
            return try self.photoEntries(in: directory)
        })
        registerListRenderer(kind: RecordKind.photoEntry) { [unowned self] records in
            var table = TextTable(headers: [Catalog.headerPhoto.text(self.language), Catalog.headerSize.text(self.language),
                                            Catalog.headerRecorded.text(self.language)])
            for r in records {
                let size = "\(r["width"]?.printed ?? "?")×\(r["height"]?.printed ?? "?")"
                let recorded = r["recorded"]?.asBool == true ? "✔" : "-"
                table.add([r["path"]?.printed ?? "", size, recorded])
            }
            return table.render()
        }
    }

    /// Draws a photo with its boxes: a detect result's, or what the model answers for PHOTO now
    /// (no boxes, with a note, while the model is not running).
    private func show(_ call: CommandCall) throws -> Value {
        let argument = try call.value(at: 0)
        var labels: [CustomLabel] = []
        var note: Message? = nil
        let photoName: String
        if let result = argument.asRecord, result.kind == RecordKind.detectResult || result.kind == RecordKind.inspection {
            photoName = result["photo"]?.asString ?? ""
            let items = (result["labels"] ?? result["candidates"])?.asList ?? []
            labels = items.compactMap { $0.asRecord }.compactMap(Self.customLabel(from:))
        } else {
            photoName = try call.string(at: 0)
            do {
                let arn = try currentVersionArn()
                let request = try detectRequest(photo: photoName, versionArn: arn, minConfidence: call.number(flag: "min-confidence"), maxResults: nil)
                labels = try detect(request, photoName: photoName).customLabels
            } catch let error as ServiceError where error.kind == .resourceNotReady {
                note = Catalog.showWithoutBoxes
            }
        }
        guard !photoName.hasPrefix("s3://") else { throw ShellError.notAvailableOnBackend(command: "show s3://…", backend: "local") }
        let photo = try Photo.load(path: resolvePhotoPath(photoName))
        let boxes = AnnotatedBox.from(labels)
        if let out = try call.string(flag: "out") {
            try BoxDrawing.writeAnnotatedJPEG(photo, boxes: boxes, to: out)
            return .string(Catalog.showWrote(out).text(language))
        }
        var picture = TerminalPicture.render(photo, boxes: boxes, columns: min(terminal.columns, 120), color: terminal.color,
                                             title: photoName, language: language)
        if let note { picture += note.text(language) + "\n" }
        write(picture)
        return .null
    }

    /// A label record (`detection` or `inspection_row`) back as the wire type.
    static func customLabel(from record: Record) -> CustomLabel? {
        guard let name = record["name"]?.asString, let confidence = record["confidence"]?.asNumber else { return nil }
        var box: BoundingBox? = nil
        if let b = record["box"]?.asMap, let w = b["width"]?.asNumber, let h = b["height"]?.asNumber,
           let l = b["left"]?.asNumber, let t = b["top"]?.asNumber {
            box = BoundingBox(width: w, height: h, left: l, top: t)
        }
        return CustomLabel(name: name, confidence: confidence, boundingBox: box)
    }

    /// Every JPEG/PNG under `directory` (sorted), with its size and whether the mock has a
    /// recording of it for the current version.
    func photoEntries(in directory: String) throws -> Value {
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: directory) else { throw ShellError.cannotListPhotos(directory) }
        var paths: [String] = []
        while let item = enumerator.nextObject() as? String {
            let lower = item.lowercased()
            if lower.hasSuffix(".jpg") || lower.hasSuffix(".jpeg") || lower.hasSuffix(".png") { paths.append(item) }
        }
        let mock = backend as? MockBackend
        let versionArn = mock != nil ? (try? currentVersionArn()) : nil
        let shownBase = directory.hasPrefix(assetsRoot + "/") ? String(directory.dropFirst(assetsRoot.count + 1)) : directory
        return .list(paths.sorted().map { relative in
            let full = directory + "/" + relative
            var fields: [(String, Value)] = [("path", .string(shownBase + "/" + relative))]
            if let bytes = try? Photo.readBytes(path: full), let header = try? PhotoHeader.read(bytes: bytes, name: relative) {
                fields += [("width", .number(Double(header.width))), ("height", .number(Double(header.height)))]
                let recorded = mock.flatMap { m in versionArn.map { m.library.detection(sha256: PhotoFingerprint.sha256(bytes), versionArn: $0) != nil } } ?? false
                fields.append(("recorded", .bool(recorded)))
            } else {
                fields += [("width", .null), ("height", .null), ("recorded", .bool(false))]
            }
            return .record(Record(kind: RecordKind.photoEntry, fields: fields))
        })
    }
}

extension Catalog {
    static let showSummary = Message(en: "draw a photo with its boxes in the terminal (or --out FILE.jpg)", ja: "写真と枠を端末に表示 (--out FILE.jpg で画像に保存)")
    static let showWithoutBoxes = Message(en: "(the model is not running, so no boxes: `model start`, `model wait`)", ja: "(モデルが動いていないので枠はありません: `model start`、`model wait`)")
    static func showWrote(_ file: String) -> Message { Message(en: "wrote \(file)", ja: "\(file) に保存しました") }
    static let photosSummary = Message(en: "the photos the lessons ship, and which have recordings", ja: "レッスン用の写真と、記録があるかどうか")
    static let headerPhoto = Message(en: "photo", ja: "写真")
    static let headerSize = Message(en: "size", ja: "サイズ")
    static let headerRecorded = Message(en: "recorded", ja: "記録")
}
