import CustomLabels
import Photos
import Foundation

/// Writes the lesson photos and their manifest.
extension BreadPhotoGenerator {
    /// Draws every photo of `LessonPhotoSet.all` into `dir` (creating `train/` and `test/`)
    /// and writes `manifest.json` describing them. Returns the manifest entries.
    @discardableResult
    public static func writeLessonPhotos(to dir: String) throws(PhotoError) -> [PhotoManifest.Entry] {
        var entries: [PhotoManifest.Entry] = []
        for photo in LessonPhotoSet.all {
            let bytes = try render(photo)
            let path = dir + "/" + photo.file
            let folder = (path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw PhotoError.writeFailed(path: folder, reason: "\(error)")
            }
            try Photo.write(bytes, to: path)
            entries.append(PhotoManifest.Entry(photo: photo, bytes: bytes))
        }
        try Photo.write(Array(PhotoManifest.json(entries).utf8), to: dir + "/manifest.json")
        for manifest in LessonPhotoSet.testManifests {
            try Photo.write(Array(groundTruthManifest(files: manifest.files).utf8), to: dir + "/" + manifest.file)
        }
        return entries
    }

    /// The Ground Truth manifest of the test trays (`dataset import test lessons/photos/test/trays.manifest`):
    /// each tray's breads with the boxes they were drawn in; `source-ref`s relative to the manifest.
    public static func testTraysManifest() -> String {
        groundTruthManifest(files: LessonPhotoSet.testTrayFiles)
    }

    /// A Ground Truth manifest of the lesson photos `files` (paths under `lessons/photos/`, all in
    /// one folder, where the manifest goes): each photo's breads with the boxes they were drawn in,
    /// `source-ref`s relative to the manifest, class ids in the labels' order.
    public static func groundTruthManifest(files: [String]) -> String {
        let photos = LessonPhotoSet.all
        let entries = files.compactMap { file in photos.first { $0.file == file } }.map { photo in
            ManifestEntry(sourceRef: (photo.file as NSString).lastPathComponent, imageWidth: photo.tray.width, imageHeight: photo.tray.height,
                          boxes: photo.tray.breads.map { LabelledBox(label: $0.kind.label, box: $0.box) })
        }
        return ManifestWriter.write(entries, labels: BreadKind.allCases.map(\.label))
    }

    /// The encoded bytes of one lesson photo, exactly as written.
    public static func render(_ photo: LessonPhoto) throws(PhotoError) -> [UInt8] {
        let picture = generate(tray: photo.tray)
        switch photo.format {
        case .jpeg: return try picture.encodeJPEG(quality: LessonPhotoSet.jpegQuality)
        case .png: return try picture.encodePNG()
        }
    }
}
