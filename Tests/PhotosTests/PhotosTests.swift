import Foundation
import Testing
@testable import Photos

@Test func moduleLinks() {}

/// Writes previews when PANYA_PHOTO_PREVIEW names a folder (a development aid; skipped otherwise).
@Test func previewBreads3() throws {
    guard let dir = ProcessInfo.processInfo.environment["PANYA_PHOTO_PREVIEW"] else { return }
    let tray = try #require(LessonPhotoSet.all.first)
    let photo = BreadPhotoGenerator.generate(tray: tray.tray)
    try Photo.write(try photo.encodePNG(), to: dir + "/breads3-preview.png")
}

@Test func previewAll() throws {
    guard let dir = ProcessInfo.processInfo.environment["PANYA_PHOTO_ALL"] else { return }
    try BreadPhotoGenerator.writeLessonPhotos(to: dir)
}

/// A contact sheet of every JPEG in PANYA_PHOTO_SHEET (development aid).
@Test func previewSheet() throws {
    guard let dir = ProcessInfo.processInfo.environment["PANYA_PHOTO_SHEET"] else { return }
    let files = LessonPhotoSet.all.map(\.file).filter { $0.hasSuffix(".jpg") }
    let tileW = 256, tileH = 192, columns = 6
    let rows = (files.count + columns - 1) / columns
    var sheet = [UInt8](repeating: 40, count: tileW * columns * tileH * rows * 3)
    for (n, file) in files.enumerated() {
        let photo = try Photo.load(path: dir + "/" + file).resized(width: tileW, height: tileH)
        let ox = (n % columns) * tileW, oy = (n / columns) * tileH
        for y in 0..<tileH {
            for x in 0..<tileW {
                for c in 0..<3 { sheet[((oy + y) * tileW * columns + ox + x) * 3 + c] = photo.pixels[(y * tileW + x) * 3 + c] }
            }
        }
    }
    let out = try #require(Photo(width: tileW * columns, height: tileH * rows, pixels: sheet))
    try Photo.write(try out.encodePNG(), to: dir + "/sheet.png")
    let big = try Photo.load(path: dir + "/tray-four.jpg")
    try Photo.write(try big.encodePNG(), to: dir + "/tray-four-preview.png")
}
