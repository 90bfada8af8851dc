import CustomLabels
import Foundation
import PanyaTestSupport
import Testing
@testable import PhotoGenerator
@testable import Photos

@Suite struct PhotoTests {
    static let jpegFiles = LessonPhotoSet.all.filter { $0.format == .jpeg }.map(\.file)

    @Test(arguments: jpegFiles)
    func decodesEveryShippedJPEG(file: String) throws {
        let photo = try Photo.load(path: TestSupport.lessonPhotos + "/" + file)
        #expect(photo.format == .jpeg)
        #expect(photo.pixels.count == photo.width * photo.height * 3)
        let expected = try #require(LessonPhotoSet.all.first { $0.file == file })
        #expect(photo.width == expected.tray.width)
        #expect(photo.height == expected.tray.height)
    }

    @Test func decodesTheShippedPNG() throws {
        let png = try Photo.load(path: TestSupport.lessonPhotos + "/breads3.png")
        #expect(png.format == .png)
        #expect(png.width == 1280 && png.height == 960)
        // The PNG is lossless, so it is exactly what the generator drew.
        let tray = try #require(LessonPhotoSet.all.first { $0.file == "breads3.png" })
        #expect(png.pixels == BreadPhotoGenerator.generate(tray: tray.tray).pixels)
        // And the JPEG of the same picture is close to it.
        let jpeg = try Photo.load(path: TestSupport.lessonPhotos + "/breads3.jpg")
        var total = 0
        for i in stride(from: 0, to: png.pixels.count, by: 97) { total += abs(Int(png.pixels[i]) - Int(jpeg.pixels[i])) }
        let samples = png.pixels.count / 97
        #expect(Double(total) / Double(samples) < 4)
    }

    @Test func pngRoundTripIsExact() throws {
        let picture = TestSupport.picture(width: 100, height: 80)
        let decoded = try Photo.decode(bytes: try picture.encodePNG(), name: "round.png")
        #expect(decoded.pixels == picture.pixels)
        #expect(decoded.format == .png)
    }

    @Test func jpegRoundTripIsClose() throws {
        let picture = TestSupport.picture(width: 128, height: 96)
        let bytes = try picture.encodeJPEG(quality: 95)
        #expect(ImageFormat.detect(bytes) == .jpeg)
        let decoded = try Photo.decode(bytes: bytes, name: "round.jpg")
        #expect(decoded.width == 128 && decoded.height == 96)
        let worst = zip(decoded.pixels, picture.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(worst < 40)
    }

    @Test func formatComesFromTheBytesNotTheName() throws {
        let bytes = try TestSupport.picture(width: 64, height: 64).encodePNG()
        let photo = try Photo.decode(bytes: bytes, name: "looks-like.jpg")
        #expect(photo.format == .png)
    }

    // MARK: - PNG colour types and depths

    @Test func grayPNGBecomesRGB() throws {
        let rows = (0..<4).map { y in (0..<4).map { x in UInt8(x * 60 + y) } }
        let bytes = HandmadePNG.make(width: 4, height: 4, bitDepth: 8, colorType: 0, rows: rows)
        let photo = try Photo.decode(bytes: bytes, name: "gray.png", limits: .anySize)
        #expect(photo.pixel(x: 2, y: 1) == RGB(121, 121, 121))
    }

    @Test func sixteenBitPNGIsScaledTo8() throws {
        // One RGB16 pixel per row: (65535, 0, 32896) → (255, 0, 128).
        let rows = [[0xFF, 0xFF, 0x00, 0x00, 0x80, 0x80] as [UInt8]]
        let bytes = HandmadePNG.make(width: 1, height: 1, bitDepth: 16, colorType: 2, rows: rows)
        let photo = try Photo.decode(bytes: bytes, name: "deep.png", limits: .anySize)
        #expect(photo.pixel(x: 0, y: 0) == RGB(255, 0, 128))
    }

    @Test func palettePNGIsExpanded() throws {
        let palette: [UInt8] = [255, 0, 0, 0, 255, 0, 0, 0, 255]
        let bytes = HandmadePNG.make(width: 3, height: 1, bitDepth: 8, colorType: 3, rows: [[0, 1, 2]],
                                     extraChunks: [("PLTE", palette)])
        let photo = try Photo.decode(bytes: bytes, name: "palette.png", limits: .anySize)
        #expect(photo.pixel(x: 0, y: 0) == RGB(255, 0, 0))
        #expect(photo.pixel(x: 1, y: 0) == RGB(0, 255, 0))
        #expect(photo.pixel(x: 2, y: 0) == RGB(0, 0, 255))
    }

    @Test func alphaIsCompositedOverWhite() throws {
        // RGBA: opaque black, fully transparent black, half-transparent black.
        let rows = [[0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 128] as [UInt8]]
        let bytes = HandmadePNG.make(width: 3, height: 1, bitDepth: 8, colorType: 6, rows: rows)
        let photo = try Photo.decode(bytes: bytes, name: "alpha.png", limits: .anySize)
        #expect(photo.pixel(x: 0, y: 0) == RGB(0, 0, 0))
        #expect(photo.pixel(x: 1, y: 0) == RGB(255, 255, 255))
        #expect(photo.pixel(x: 2, y: 0) == RGB(127, 127, 127))
    }

    @Test func grayAlphaAndLowBitGrayDecode() throws {
        let grayAlpha = HandmadePNG.make(width: 2, height: 1, bitDepth: 8, colorType: 4, rows: [[100, 255, 100, 0]])
        let first = try Photo.decode(bytes: grayAlpha, name: "ga.png", limits: .anySize)
        #expect(first.pixel(x: 0, y: 0) == RGB(100, 100, 100))
        #expect(first.pixel(x: 1, y: 0) == RGB(255, 255, 255))
        // 1-bit gray: 0b1000_0000 → white, then black.
        let oneBit = HandmadePNG.make(width: 2, height: 1, bitDepth: 1, colorType: 0, rows: [[0x80]])
        let second = try Photo.decode(bytes: oneBit, name: "bit.png", limits: .anySize)
        #expect(second.pixel(x: 0, y: 0) == RGB(255, 255, 255))
        #expect(second.pixel(x: 1, y: 0) == RGB(0, 0, 0))
    }

    // MARK: - JPEG colour spaces

    @Test func grayscaleJPEGBecomesRGB() throws {
        let gray = [UInt8](repeating: 90, count: 64 * 64)
        let bytes = try JPEGCodec.encode(gray, width: 64, height: 64, quality: 95, components: 1)
        let photo = try Photo.decode(bytes: bytes, name: "gray.jpg")
        #expect(photo.pixels.count == 64 * 64 * 3)
        let p = photo.pixel(x: 10, y: 10)
        #expect(p.r == p.g && p.g == p.b && abs(Int(p.r) - 90) <= 2)
    }

    @Test func cmykJPEGBecomesRGB() throws {
        // Adobe CMYK, 255 = no ink: left half no ink (white), right half full cyan ink.
        var cmyk: [UInt8] = []
        for _ in 0..<64 {
            for x in 0..<64 { cmyk += x < 32 ? [255, 255, 255, 255] : [0, 255, 255, 255] }
        }
        let bytes = try JPEGCodec.encode(cmyk, width: 64, height: 64, quality: 95, components: 4)
        let photo = try Photo.decode(bytes: bytes, name: "cmyk.jpg")
        let white = photo.pixel(x: 8, y: 30), cyan = photo.pixel(x: 56, y: 30)
        #expect(white.r > 245 && white.g > 245 && white.b > 245)
        #expect(cyan.r < 12 && cyan.g > 240 && cyan.b > 240)
    }

    // MARK: - Loading

    @Test func missingFileNamesThePath() throws {
        let path = "/nonexistent/folder/breads9.jpg"
        #expect(throws: PhotoError.fileNotFound(path: path)) { try Photo.load(path: path) }
        let error = PhotoError.fileNotFound(path: path)
        #expect(error.message.en.contains(path))
        #expect(error.message.ja.contains(path))
        #expect(error.code == nil)
    }

    @Test func aFolderIsNotAPhoto() throws {
        let temporary = try TemporaryFolder(prefix: "panya-photos")
        defer { temporary.remove() }
        let folder = temporary.path
        do {
            _ = try Photo.load(path: folder)
            Issue.record("a folder loaded as a photo")
        } catch {
            #expect(error == .notAFile(path: folder, kind: .folder))
        }
    }

    /// A FIFO would block `open` and `read` until a writer comes: it is refused first, by name.
    @Test func aFIFOIsRefusedWithoutWaiting() throws {
        let temporary = try TemporaryFolder(prefix: "panya-photos")
        defer { temporary.remove() }
        let folder = temporary.path
        let fifo = folder + "/tray.jpg"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: PhotoError.notAFile(path: fifo, kind: .fifo)) { try Photo.readBytes(path: fifo) }
        #expect(throws: PhotoError.notAFile(path: fifo, kind: .fifo)) { try Photo.load(path: fifo) }
        let error = PhotoError.notAFile(path: fifo, kind: .fifo)
        #expect(error.message.en == "\(fifo): this is a FIFO (named pipe), not a photo file. Give the path of a JPEG or PNG file.")
        #expect(error.message.ja == "\(fifo): これはFIFO (名前付きパイプ)で、写真のファイルではありません。JPEG か PNG のファイルのパスを指定してください。")
        #expect(error.code == nil)
    }

    @Test func aDeviceIsRefused() throws {
        #expect(throws: PhotoError.notAFile(path: "/dev/zero", kind: .characterDevice)) { try Photo.readBytes(path: "/dev/zero") }
        #expect(throws: PhotoError.notAFile(path: "/dev/null", kind: .characterDevice)) { try Photo.load(path: "/dev/null") }
    }

    @Test func aSocketIsRefused() throws {
        let temporary = try TemporaryFolder(prefix: "panya-photos")
        defer { temporary.remove() }
        let folder = temporary.path
        let path = folder + "/s.jpg"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #expect(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (i, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        #expect(throws: PhotoError.notAFile(path: path, kind: .socket)) { try Photo.readBytes(path: path) }
    }

    @Test func writesAndLoadsBack() throws {
        let temporary = try TemporaryFolder(prefix: "panya-photos")
        defer { temporary.remove() }
        let folder = temporary.path
        let bytes = try TestSupport.picture(width: 80, height: 64).encodeJPEG()
        try Photo.write(bytes, to: folder + "/p.jpg")
        #expect(try Photo.readBytes(path: folder + "/p.jpg") == bytes)
        #expect(throws: PhotoError.self) { try Photo.write(bytes, to: folder + "/no/such/dir/p.jpg") }
    }
}
