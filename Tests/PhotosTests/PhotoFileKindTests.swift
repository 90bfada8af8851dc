import Testing
@testable import Photos

/// What a file really is, and the message a class's upload gets for each kind it refuses.
@Suite struct PhotoFileKindTests {
    static let heic: [UInt8] = [0, 0, 0, 0x18] + Array("ftypheic".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8) + [0, 0, 0, 0]
    static let heifMif1: [UInt8] = [0, 0, 0, 0x10] + Array("ftypmif1".utf8) + [0, 0, 0, 0] + [0, 0, 0, 0]
    static let avif: [UInt8] = [0, 0, 0, 0x1C] + Array("ftypavif".utf8) + [0, 0, 0, 0] + Array("avifmif1miaf".utf8)
    static let mp4: [UInt8] = [0, 0, 0, 0x18] + Array("ftypmp42".utf8) + [0, 0, 0, 0] + Array("isommp42".utf8)
    static let webp: [UInt8] = Array("RIFF".utf8) + [0x24, 0, 0, 0] + Array("WEBPVP8 ".utf8) + [UInt8](repeating: 0, count: 24)
    static let gif: [UInt8] = Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0]
    static let pdf: [UInt8] = Array("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8)
    static let bmp: [UInt8] = Array("BM".utf8) + [0x3A, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0] + [UInt8](repeating: 0, count: 40)
    static let tiff: [UInt8] = [0x4D, 0x4D, 0, 0x2A, 0, 0, 0, 8]
    static let text: [UInt8] = Array("This is not a photo.\nこれは写真ではありません。\n".utf8)
    static let html: [UInt8] = Array("<!DOCTYPE html><html><body>Not Found</body></html>".utf8)

    @Test(arguments: [
        (heic, PhotoFileKind.heic), (heifMif1, .heic), (avif, .avif), (mp4, .video), (webp, .webp), (gif, .gif), (pdf, .pdf),
        (bmp, .bmp), (tiff, .tiff), (text, .text), (html, .text), ([], .empty), ([0xFF, 0xD8, 0xFF, 0xE0], .jpeg),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], .png), ([0, 1, 2, 3, 0xFE], .unknown),
        (Array("BMW is not a bitmap".utf8), .text),
    ] as [([UInt8], PhotoFileKind)])
    func theFirstBytesSayWhatAFileIs(bytes: [UInt8], kind: PhotoFileKind) {
        #expect(PhotoFileKind.sniff(bytes) == kind)
    }

    @Test func textCutInsideACharacterIsStillText() {
        let long = Array(String(repeating: "パン", count: 400).utf8)   // 2,400 bytes, so the first 1,024 end mid-character
        #expect(PhotoFileKind.sniff(long) == .text)
        #expect(PhotoFileKind.sniff(Array("photo".utf8) + [0]) == .unknown)
    }

    /// The error decoding `bytes` for a class gives.
    static func error(_ bytes: [UInt8], name: String) -> PhotoError? {
        do {
            _ = try Photo.decodeUpright(data: bytes, name: name, maxDimension: 1280)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [("HEIC", heic), ("AVIF", avif)])
    func aPhoneCameraFormatSaysWhichSettingGivesJPEG(name: String, bytes: [UInt8]) throws {
        let error = try #require(Self.error(bytes, name: "IMG_0001.jpg"))
        #expect(error == .unsupportedFormat(file: "IMG_0001.jpg", detected: name))
        #expect(error.code == "InvalidImageFormatException")
        for text in [error.message.en, error.message.ja] {
            #expect(text.hasPrefix("IMG_0001.jpg: ") && text.contains(name) && text.contains("JPEG") && text.contains("PNG"))
        }
        #expect(error.message.en.contains("Settings → Camera → Formats → Most Compatible"))
        #expect(error.message.ja.contains("設定 → カメラ → フォーマット → 互換性優先"))
    }

    @Test(arguments: [("WebP", webp), ("GIF", gif), ("PDF", pdf), ("BMP", bmp), ("TIFF", tiff), ("MP4/MOV video", mp4)])
    func otherFormatsAreNamedAndRefused(name: String, bytes: [UInt8]) throws {
        let error = try #require(Self.error(bytes, name: "tray.jpg"))
        #expect(error == .unsupportedFormat(file: "tray.jpg", detected: name))
        #expect(error.message.en.contains("this is a \(name) file") && error.message.en.contains("Send a JPEG or PNG"))
        #expect(error.message.ja.contains(name) && error.message.ja.contains("JPEG か PNG の写真を送ってください"))
        #expect(!error.message.en.contains("iPhone"))
    }

    @Test func aTextFileNamedJPGIsCalledText() throws {
        let error = try #require(Self.error(Self.text, name: "tray.jpg"))
        #expect(error == .unsupportedFormat(file: "tray.jpg", detected: "text"))
        #expect(error.message.en.contains("holds text, not a photo"))
        #expect(error.message.ja.contains("中身は文字で、写真ではありません"))
    }

    @Test func anEmptyFile() throws {
        let error = try #require(Self.error([], name: "tray.jpg"))
        #expect(error == .empty(file: "tray.jpg"))
        #expect(error.message.en.contains("empty") && error.message.ja.contains("空"))
    }

    @Test(arguments: [0.25, 0.5, 0.9])
    func aTruncatedJPEGIsCutShort(kept: Double) throws {
        let whole = try PhoneJPEG.marked(width: 160, height: 120, mark: 20, orientation: 6)
        let cut = Array(whole.prefix(Int(Double(whole.count) * kept)))
        let error = try #require(Self.error(cut, name: "tray.jpg"))
        guard case .corrupt(let file, let format, _) = error else { Issue.record("\(error)"); return }
        #expect(file == "tray.jpg" && format == .jpeg && error.code == "InvalidImageFormatException")
        #expect(error.message.en.contains("cut short") && error.message.ja.contains("途中で切れています"))
    }

    @Test func theClassLimits() throws {
        let small = try PhoneJPEG.marked(width: 64, height: 64, mark: 8, orientation: nil)
        // Refused from the header alone: the data holds only 64×64 pixels.
        let huge = PhoneJPEG.claimingSize(small, width: 4096, height: 3073)
        let error = try #require(Self.error(huge, name: "big.jpg"))
        #expect(error == .tooManyPixels(file: "big.jpg", width: 4096, height: 3073, maximum: 4096 * 3072))
        #expect(error.message.en.contains("12 MP") && error.message.ja.contains("12 MP"))
        // A 12 MP header passes the limits (and then its short data is found cut short).
        let twelve = PhoneJPEG.claimingSize(small, width: 4032, height: 3024)
        guard case .corrupt = try #require(Self.error(twelve, name: "ok.jpg")) else { Issue.record("12 MP refused"); return }
        // More than 15 MB of bytes is refused before anything is read.
        let heavy = small + [UInt8](repeating: 0, count: 15 * 1024 * 1024)
        let tooLarge = try #require(Self.error(heavy, name: "heavy.jpg"))
        #expect(tooLarge == .tooLarge(file: "heavy.jpg", bytes: heavy.count, limit: 15 * 1024 * 1024))
        #expect(tooLarge.message.en.contains("(15 MB)") && tooLarge.message.ja.contains("(15 MB)"))
        #expect(PhotoError.tooLarge(file: "a.jpg", bytes: 5_000_000, limit: PhotoLimits.service.maxBytes).message.en.contains("(4 MB)"))
    }
}
