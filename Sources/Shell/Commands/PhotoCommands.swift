import CustomLabels
import Foundation
import MockBackend
import PanyaLanguage
import Photos
import PanyaSupport

extension ShellSession {
    /// `photos [DIR]` (and `show`, once the photo renderer is in).
    func registerPhotoCommands() {
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
            if let bytes = try? Photo.readBytes(path: full), let header = try? Photo.validate(bytes: bytes, name: relative) {
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
    static let photosSummary = Message(en: "the photos the lessons ship, and which have recordings", ja: "レッスン用の写真と、記録があるかどうか")
    static let headerPhoto = Message(en: "photo", ja: "写真")
    static let headerSize = Message(en: "size", ja: "サイズ")
    static let headerRecorded = Message(en: "recorded", ja: "記録")
}
