import Foundation
import PanyaTestSupport
import Testing
@testable import Photos

/// Every way a photo can be refused, with the service's code and a message naming the file.
@Suite struct PhotoErrorTests {
    static let invalidFormat = "InvalidImageFormatException"

    func expectCode(_ code: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> PhotoError? {
        do {
            try body()
            Issue.record("expected \(code), nothing was thrown", sourceLocation: sourceLocation)
            return nil
        } catch let error as PhotoError {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            return error
        } catch {
            Issue.record("expected a PhotoError, got \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    @Test func emptyBytes() throws {
        let result = expectCode(Self.invalidFormat) { _ = try Photo.decode(bytes: [], name: "empty.jpg") }
        let error = try #require(result)
        #expect(error == .empty(file: "empty.jpg"))
        #expect(error.message.en.contains("empty.jpg"))
    }

    @Test func randomBytes() throws {
        var random = SplitMix64(seed: 7)
        let bytes = (0..<5000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let result = expectCode(Self.invalidFormat) { _ = try Photo.decode(bytes: bytes, name: "noise.bin") }
        let error = try #require(result)
        #expect(error.message.en.contains("JPEG or PNG"))
    }

    @Test(arguments: [
        ("GIF", Array("GIF89a".utf8) + [UInt8](repeating: 0, count: 100)),
        ("BMP", Array("BM".utf8) + [UInt8](repeating: 0, count: 100)),
    ])
    func otherFormatsAreNamed(name: String, bytes: [UInt8]) throws {
        let result = expectCode(Self.invalidFormat) { _ = try Photo.decode(bytes: bytes, name: "photo.\(name.lowercased())") }
        let error = try #require(result)
        #expect(error == .unsupportedFormat(file: "photo.\(name.lowercased())", detected: name))
        #expect(error.message.en.contains(name))
        #expect(error.message.ja.contains(name))
    }

    @Test func truncatedJPEG() throws {
        let bytes = try TestSupport.lessonBytes("test/anpan.jpg")
        let cut = Array(bytes.prefix(bytes.count / 2))
        let result = expectCode(Self.invalidFormat) { _ = try Photo.decode(bytes: cut, name: "half.jpg") }
        let error = try #require(result)
        guard case .corrupt(let file, let format, let reason) = error else { Issue.record("\(error)"); return }
        #expect(file == "half.jpg" && format == .jpeg && !reason.isEmpty)
    }

    @Test func jpegWithoutItsEndMarker() throws {
        let bytes = try TestSupport.lessonBytes("test/anpan.jpg")
        _ = expectCode(Self.invalidFormat) { _ = try Photo.decode(bytes: Array(bytes.dropLast(2)), name: "noeoi.jpg") }
    }

    @Test func truncatedPNG() throws {
        let bytes = try TestSupport.picture(width: 200, height: 150).encodePNG()
        let cut = Array(bytes.prefix(bytes.count * 2 / 3))
        let result = expectCode(Self.invalidFormat) { _ = try Photo.decode(bytes: cut, name: "cut.png") }
        let error = try #require(result)
        guard case .corrupt(_, let format, _) = error else { Issue.record("\(error)"); return }
        #expect(format == .png)
    }

    @Test func corruptMiddleOfPNG() throws {
        var bytes = try TestSupport.picture(width: 200, height: 150).encodePNG()
        for i in (bytes.count / 2)..<(bytes.count / 2 + 16) { bytes[i] ^= 0x5A }
        _ = expectCode(Self.invalidFormat) { _ = try Photo.decode(bytes: bytes, name: "crc.png") }
    }

    @Test func corruptMiddleOfJPEG() throws {
        var bytes = try TestSupport.lessonBytes("test/melonpan.jpg")
        // A stray marker and garbage in the middle of the compressed data.
        let middle = bytes.count / 2
        let junk: [UInt8] = [0xFF, 0xC4, 0x00, 0x03, 0x77, 0xFF, 0xDA, 0xFF, 0xD8]
        for (offset, byte) in junk.enumerated() { bytes[middle + offset] = byte }
        _ = expectCode(Self.invalidFormat) { _ = try Photo.decode(bytes: bytes, name: "middle.jpg") }
    }

    @Test func fiveMegabyteFileIsTooLargeWithoutDecoding() throws {
        let temporary = try TemporaryFolder(prefix: "panya-photos")
        defer { temporary.remove() }
        let folder = temporary.path
        let path = folder + "/huge.jpg"
        // Not even a JPEG: if it were decoded we would see InvalidImageFormatException instead.
        try Photo.write([UInt8](repeating: 0xAB, count: 5 * 1024 * 1024), to: path)
        let result = expectCode("ImageTooLargeException") { _ = try Photo.load(path: path) }
        let error = try #require(result)
        #expect(error == .tooLarge(file: path, bytes: 5 * 1024 * 1024, limit: 4_194_304))
        #expect(error.message.en.contains("4,194,304"))
        #expect(error.message.en.contains("5,242,880"))
        _ = expectCode("ImageTooLargeException") {
            _ = try Photo.decode(bytes: [UInt8](repeating: 0, count: 4_194_305), name: "big.jpg")
        }
    }

    @Test func exactlyFourMegabytesIsNotTooLarge() throws {
        // 4,194,304 bytes of zeros: accepted by the size check, refused as not a photo.
        _ = expectCode(Self.invalidFormat) { _ = try Photo.decode(bytes: [UInt8](repeating: 0, count: 4_194_304), name: "x.jpg") }
    }

    @Test func tooSmallSaysTheLimitAndTheSize() throws {
        let bytes = try TestSupport.picture(width: 32, height: 32).encodeJPEG()
        let result = expectCode("InvalidParameterException") { _ = try Photo.decode(bytes: bytes, name: "tiny.jpg") }
        let error = try #require(result)
        #expect(error == .tooSmall(file: "tiny.jpg", width: 32, height: 32, minimum: 64))
        #expect(error.message.en.contains("32×32") && error.message.en.contains("64"))
        #expect(error.message.ja.contains("32×32") && error.message.ja.contains("64"))
    }

    @Test func tooBig() throws {
        let bytes = try TestSupport.picture(width: 5000, height: 100).encodeJPEG(quality: 50)
        let result = expectCode("InvalidParameterException") { _ = try Photo.decode(bytes: bytes, name: "wide.jpg") }
        let error = try #require(result)
        #expect(error == .tooBig(file: "wide.jpg", width: 5000, height: 100, maximum: 4096))
        #expect(error.message.en.contains("5000×100") && error.message.en.contains("4096"))
    }

    @Test func aspectRatioBeyondTwentyToOne() throws {
        let bytes = try TestSupport.picture(width: 2000, height: 64).encodeJPEG(quality: 50)
        let result = expectCode("InvalidParameterException") { _ = try Photo.decode(bytes: bytes, name: "strip.jpg") }
        let error = try #require(result)
        #expect(error == .aspectRatio(file: "strip.jpg", width: 2000, height: 64, maximum: 20))
        #expect(error.message.en.contains("2000×64") && error.message.en.contains("31:1") && error.message.en.contains("20:1"))
    }

    @Test func limitsAtTheirEdgesPass() throws {
        try PhotoLimits.service.check(width: 64, height: 64, name: "a")
        try PhotoLimits.service.check(width: 4096, height: 4096, name: "b")
        try PhotoLimits.service.check(width: 1280, height: 64, name: "c")   // exactly 20:1
        #expect(throws: PhotoError.self) { try PhotoLimits.service.check(width: 1281, height: 64, name: "d") }
        try PhotoLimits.service.check(byteCount: 4_194_304, name: "e")
        #expect(PhotoLimits.service.maxBytes == 4_194_304)
    }

    /// Cuts a JPEG and a PNG at many lengths: every cut is refused, none crashes or exits.
    @Test func neverCrashesOnTruncations() throws {
        let jpeg = try TestSupport.lessonBytes("test/yakisobapan.jpg")
        let png = try TestSupport.picture(width: 96, height: 80).encodePNG()
        for bytes in [jpeg, png] {
            var lengths = Array(0..<40)
            lengths += stride(from: 40, to: bytes.count, by: max(1, bytes.count / 150)).map { $0 }
            lengths += (1...12).map { bytes.count - $0 }
            for length in lengths where length >= 0 && length < bytes.count {
                do {
                    _ = try Photo.decode(bytes: Array(bytes.prefix(length)), name: "cut")
                    Issue.record("a \(length)-byte cut of a \(bytes.count)-byte photo decoded")
                } catch {
                    #expect(error.code == Self.invalidFormat, "\(length): \(error)")
                }
            }
        }
    }

    /// Flips bytes at seeded random places: decoding may succeed or fail, but never crashes.
    @Test func neverCrashesOnFlippedBytes() throws {
        let jpeg = try TestSupport.lessonBytes("test/anpan.jpg")
        var random = SplitMix64(seed: 99)
        for _ in 0..<60 {
            var bytes = jpeg
            for _ in 0..<4 { bytes[random.integer(2...(bytes.count - 1))] = UInt8(truncatingIfNeeded: random.next()) }
            do { _ = try Photo.decode(bytes: bytes, name: "flip.jpg") } catch { #expect(error.code != nil) }
        }
    }

    @Test func everyErrorHasBothLanguagesAndADescription() {
        let errors: [PhotoError] = [
            .fileNotFound(path: "a.jpg"), .unreadable(path: "a.jpg", reason: "r"), .notAFile(path: "a.jpg", kind: .fifo),
            .notAFile(path: "a.jpg", kind: .folder), .notAFile(path: "a.jpg", kind: .socket), .notAFile(path: "a.jpg", kind: .characterDevice),
            .notAFile(path: "a.jpg", kind: .blockDevice), .notAFile(path: "a.jpg", kind: .symbolicLink), .notAFile(path: "a.jpg", kind: .other), .tooLarge(file: "a.jpg", bytes: 5, limit: 4),
            .empty(file: "a.jpg"), .unsupportedFormat(file: "a.jpg", detected: nil), .unsupportedFormat(file: "a.jpg", detected: "GIF"),
            .corrupt(file: "a.jpg", format: .jpeg, reason: "r"), .tooSmall(file: "a.jpg", width: 1, height: 1, minimum: 64),
            .tooBig(file: "a.jpg", width: 5000, height: 5000, maximum: 4096), .aspectRatio(file: "a.jpg", width: 2000, height: 64, maximum: 20),
            .tooManyPixels(file: "a.jpg", width: 8064, height: 6048, maximum: 4096 * 3072),
            .unsupportedFormat(file: "a.jpg", detected: "HEIC"), .unsupportedFormat(file: "a.jpg", detected: "text"),
            .encodingFailed(format: .png, reason: "r"), .writeFailed(path: "a.jpg", reason: "r"),
        ]
        for error in errors {
            #expect(!error.message.en.isEmpty && !error.message.ja.isEmpty)
            #expect(error.message.en != error.message.ja)
            if case .encodingFailed = error { continue }
            #expect(error.message.en.contains("a.jpg") && error.message.ja.contains("a.jpg"))
            if let code = error.code { #expect(error.description.hasPrefix(code + ": ")) }
        }
    }
}
