import Foundation
import Testing
@testable import Photos

/// `Photo.decode(bytes:name:limits:maxSide:)` and the validation that uses it.
@Suite struct PhotoReducedDecodeTests {
    @Test(arguments: [(nil, 1), (5000, 1), (640, 1), (639, 2), (320, 2), (160, 4), (80, 8), (1, 8)] as [(Int?, Int)])
    func theLargestScaleThatFits(maxSide: Int?, scale: Int) {
        #expect(Photo.reductionScale(width: 640, height: 480, maxSide: maxSide) == scale)
    }

    @Test(arguments: [(320, 320, 240), (160, 160, 120), (80, 80, 60), (1, 80, 60)])
    func aJPEGAtAReducedScale(maxSide: Int, width: Int, height: Int) throws {
        let bytes = try TestSupport.lessonBytes("test/anpan.jpg")
        let full = try Photo.decode(bytes: bytes, name: "anpan.jpg")
        let small = try Photo.decode(bytes: bytes, name: "anpan.jpg", maxSide: maxSide)
        #expect(small.width == width && small.height == height)
        #expect(small.format == .jpeg)
        // Close to the full photo averaged down (libjpeg's scaled IDCT is not a box filter).
        #expect(Self.meanDifference(small, full.resized(width: width, height: height)) < 6)
    }

    @Test func oddSidesRoundUp() throws {
        let bytes = try TestSupport.picture(width: 101, height: 67).encodeJPEG()
        let small = try Photo.decode(bytes: bytes, name: "odd.jpg", limits: .anySize, maxSide: 13)
        #expect(small.width == 13 && small.height == 9)
        let png = try Photo.decode(bytes: try TestSupport.picture(width: 101, height: 67).encodePNG(), name: "odd.png", limits: .anySize, maxSide: 13)
        #expect(png.width == 13 && png.height == 9)
    }

    @Test func aPNGIsAveragedInBlocks() throws {
        // 3×2 pixels at 1/2: the right column and the bottom-right block are partial.
        let rows: [[UInt8]] = [[0, 0, 0, 100, 100, 100, 50, 60, 70], [200, 200, 200, 255, 255, 255, 10, 20, 30]]
        let bytes = HandmadePNG.make(width: 3, height: 2, bitDepth: 8, colorType: 2, rows: rows)
        let photo = try Photo.decode(bytes: bytes, name: "tiny.png", limits: .anySize, maxSide: 2)
        #expect(photo.width == 2 && photo.height == 1)
        #expect(photo.pixels == [139, 139, 139, 30, 40, 50])
        #expect(try Photo.decode(bytes: bytes, name: "tiny.png", limits: .anySize, maxSide: nil).pixels == rows.flatMap { $0 })
    }

    @Test func theShippedPNGAtAnEighth() throws {
        let bytes = try TestSupport.lessonBytes("breads3.png")
        let small = try Photo.decode(bytes: bytes, name: "breads3.png", maxSide: 160)
        #expect(small.width == 160 && small.height == 120)
        let full = try Photo.decode(bytes: bytes, name: "breads3.png")
        // An 8×8 box average, rounded, is what resizing by exactly 8 gives.
        #expect(Self.meanDifference(small, full.resized(width: 160, height: 120)) < 0.01)
    }

    @Test func validationFindsDamageAnywhereAsAFullDecodeDoes() throws {
        for file in ["test/anpan.jpg", "breads3.jpg"] {
            let bytes = try TestSupport.lessonBytes(file)
            #expect(try Photo.validate(bytes: bytes, name: file) == PhotoHeader.read(bytes: bytes, name: file))
            // Cut a few bytes before the end (the last scan lines) and in the middle.
            for cut in [bytes.count - 40, bytes.count / 2] {
                let damaged = Array(bytes.prefix(cut))
                let full = Self.outcome { try Photo.decode(bytes: damaged, name: "cut.jpg") }
                let validated = Self.outcome { try Photo.validate(bytes: damaged, name: "cut.jpg") }
                #expect(full == "InvalidImageFormatException")
                #expect(validated == full)
            }
        }
        let png = try TestSupport.picture(width: 200, height: 120).encodePNG()
        let damaged = Array(png.prefix(png.count - 30))
        #expect(Self.outcome { try Photo.validate(bytes: damaged, name: "cut.png", limits: .anySize) } == "InvalidImageFormatException")
    }

    @Test func limitsApplyToTheFullSize() throws {
        let bytes = try TestSupport.picture(width: 64, height: 40).encodeJPEG()
        #expect(throws: PhotoError.tooSmall(file: "s.jpg", width: 64, height: 40, minimum: 64)) {
            try Photo.decode(bytes: bytes, name: "s.jpg", maxSide: 8)
        }
    }

    /// "ok" or the error's code.
    static func outcome(_ body: () throws -> Any) -> String {
        do {
            _ = try body()
            return "ok"
        } catch let error as PhotoError {
            return error.code ?? "nil"
        } catch {
            return "not a PhotoError: \(error)"
        }
    }

    static func meanDifference(_ a: Photo, _ b: Photo) -> Double {
        guard a.pixels.count == b.pixels.count, !a.pixels.isEmpty else { return .infinity }
        let total = zip(a.pixels, b.pixels).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }
        return Double(total) / Double(a.pixels.count)
    }
}
