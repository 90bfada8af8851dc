import Foundation
import Testing
@testable import Photos

/// `Photo.decodeUpright`: EXIF orientation, DCT scaling, the class's limits.
@Suite struct UprightPhotoTests {
    enum Corner: String, CaseIterable { case topLeft, topRight, bottomLeft, bottomRight }

    /// The mean colour of the `mark`×`mark` block in `corner`.
    static func mean(_ photo: Photo, _ corner: Corner, mark: Int) -> RGB {
        let x0 = corner == .topLeft || corner == .bottomLeft ? 0 : photo.width - mark
        let y0 = corner == .topLeft || corner == .topRight ? 0 : photo.height - mark
        var sum = (0, 0, 0)
        for y in y0..<(y0 + mark) {
            for x in x0..<(x0 + mark) {
                let p = photo.pixel(x: x, y: y)
                sum = (sum.0 + Int(p.r), sum.1 + Int(p.g), sum.2 + Int(p.b))
            }
        }
        let n = mark * mark
        return RGB(UInt8(sum.0 / n), UInt8(sum.1 / n), UInt8(sum.2 / n))
    }

    /// What a person sees in `corner`: "red", "blue" or "white".
    static func seen(_ photo: Photo, _ corner: Corner, mark: Int) -> String {
        let c = mean(photo, corner, mark: mark)
        if c.r > 180 && c.g < 80 && c.b < 80 { return "red" }
        if c.b > 180 && c.r < 80 && c.g < 80 { return "blue" }
        if c.r > 200 && c.g > 200 && c.b > 200 { return "white" }
        return "unclear \(c)"
    }

    /// Where the red (stored top-left) and blue (stored top-right) squares must be seen, by
    /// orientation: the camera's meaning of each value, written out by hand.
    static let expected: [Int: (red: Corner, blue: Corner)] = [
        1: (.topLeft, .topRight), 2: (.topRight, .topLeft), 3: (.bottomRight, .bottomLeft), 4: (.bottomLeft, .bottomRight),
        5: (.topLeft, .bottomLeft), 6: (.topRight, .bottomRight), 7: (.bottomRight, .topRight), 8: (.bottomLeft, .topLeft),
    ]

    @Test(arguments: 1...8)
    func theMarksAreWhereAPersonSeesThem(orientation: Int) throws {
        let bytes = try PhoneJPEG.marked(width: 96, height: 64, mark: 16, orientation: orientation, bigEndian: orientation % 2 == 0)
        let result = try Photo.decodeUpright(data: bytes, name: "tray.jpg", maxDimension: 1280)
        let swapped = orientation >= 5
        #expect(result.photo.width == (swapped ? 64 : 96) && result.photo.height == (swapped ? 96 : 64))
        #expect(result.orientation.rawValue == orientation)
        #expect(result.storedWidth == 96 && result.storedHeight == 64)
        #expect(result.uprightWidth == result.photo.width && result.uprightHeight == result.photo.height)
        #expect(result.decodedEighths == 8 && result.format == .jpeg)
        let want = try #require(Self.expected[orientation])
        for corner in Corner.allCases {
            let colour = corner == want.red ? "red" : corner == want.blue ? "blue" : "white"
            #expect(Self.seen(result.photo, corner, mark: 8) == colour, "orientation \(orientation), \(corner)")
        }
    }

    @Test(arguments: [3, 6, 8])
    func reducedPhotosAreTurnedToo(orientation: Int) throws {
        // 160×96 to a longer side of 50: decoded at 1/2 (80×48), then reduced to 50×30, then turned.
        let bytes = try PhoneJPEG.marked(width: 160, height: 96, mark: 32, orientation: orientation)
        let result = try Photo.decodeUpright(data: bytes, name: "tray.jpg", maxDimension: 50)
        #expect(result.decodedEighths == 4)
        #expect(max(result.photo.width, result.photo.height) == 50 && min(result.photo.width, result.photo.height) == 30)
        let want = try #require(Self.expected[orientation])
        #expect(Self.seen(result.photo, want.red, mark: 4) == "red")
        #expect(Self.seen(result.photo, want.blue, mark: 4) == "blue")
    }

    @Test func withoutEXIFAndAsPNGThePhotoIsUsedAsStored() throws {
        let plain = try Photo.decodeUpright(data: try PhoneJPEG.marked(width: 96, height: 64, mark: 16, orientation: nil),
                                            name: "plain.jpg", maxDimension: 1280)
        #expect(plain.orientation == .up && plain.photo.width == 96)
        #expect(Self.seen(plain.photo, .topLeft, mark: 8) == "red")
        let picture = PhoneJPEG.markedPicture(width: 96, height: 64, mark: 16)
        let png = try Photo.decodeUpright(data: try picture.encodePNG(), name: "plain.png", maxDimension: 1280)
        #expect(png.orientation == .up && png.format == .png && png.photo.pixels == picture.pixels)
        // A PNG is averaged in blocks (1/2 here: 48 ≥ 40) and then reduced exactly.
        let small = try Photo.decodeUpright(data: try picture.encodePNG(), name: "plain.png", maxDimension: 40)
        #expect(small.decodedEighths == 4 && small.photo.width == 40 && small.photo.height == 27)
        // The Data overload gives the same.
        let data = Data(try picture.encodePNG())
        #expect(try Photo.decodeUpright(data: data, name: "plain.png", maxDimension: 40) == small)
    }

    @Test(arguments: [(4032, 1280, 3), (4032, 504, 1), (4032, 503, 1), (4032, 505, 2), (1280, 1280, 8), (640, 1280, 8), (1280, 640, 4)])
    func theSmallestEighthThatStillCoversTheSize(longer: Int, maxDimension: Int, eighths: Int) {
        #expect(Photo.dctEighths(longerSide: longer, maxDimension: maxDimension, among: Array(1...8)) == eighths)
    }

    @Test func onlyPowersOfTwoWhenAsked() {
        #expect(Photo.dctEighths(longerSide: 4032, maxDimension: 1280, among: [1, 2, 4, 8]) == 4)
    }

    @Test func aTwelveMegapixelPhotoIsDecodedAtAnEighth() throws {
        // 4032×3024 at 1/8 is 504×378: libjpeg's DCT scaling does the reduction, nothing after it.
        var pixels = [UInt8](repeating: 235, count: 4032 * 3024 * 3)
        for y in 0..<800 {
            for x in 0..<800 { pixels[(y * 4032 + x) * 3 + 1] = 0; pixels[(y * 4032 + x) * 3 + 2] = 0 }
        }
        let bytes = try JPEGCodec.encode(try #require(Photo(width: 4032, height: 3024, pixels: pixels)), quality: 70)
        let result = try Photo.decodeUpright(data: PhoneJPEG.inserting(PhoneJPEG.exifSegment(orientation: 6), into: bytes),
                                             name: "phone.jpg", maxDimension: 504)
        #expect(result.decodedEighths == 1)
        #expect(result.photo.width == 378 && result.photo.height == 504)
        #expect(result.uprightWidth == 3024 && result.uprightHeight == 4032)
        #expect(Self.seen(result.photo, .topRight, mark: 40) == "red")
    }

    @Test func aThumbnailAndAScreenJPEG() throws {
        let bytes = try PhoneJPEG.marked(width: 480, height: 320, mark: 64, orientation: 6)
        let result = try Photo.decodeUpright(data: bytes, name: "tray.jpg", maxDimension: 400)
        let screen = try Photo.decode(bytes: try result.jpeg(), name: "screen.jpg", limits: .anySize)
        #expect(screen.width == result.photo.width && screen.height == result.photo.height)
        let thumbnail = try Photo.decode(bytes: try result.thumbnailJPEG(longerSide: 240), name: "thumb.jpg", limits: .anySize)
        #expect(thumbnail.width == 160 && thumbnail.height == 240)
        #expect(Self.seen(thumbnail, .topRight, mark: 8) == "red")
    }

    @Test func damagedPhonePhotosNeverCrash() throws {
        // Cuts and flipped bytes anywhere (the EXIF segment included): a photo or a PhotoError.
        let whole = try PhoneJPEG.marked(width: 96, height: 64, mark: 16, orientation: 6)
        var random = SplitMix64(seed: 11)
        for round in 0..<60 {
            var bytes = whole
            if round % 2 == 0 {
                bytes = Array(bytes.prefix(Int(random.next() % UInt64(bytes.count))))
            } else {
                for _ in 0..<3 { bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next()) }
            }
            do {
                let result = try Photo.decodeUpright(data: bytes, name: "d.jpg", maxDimension: 50)
                #expect(max(result.photo.width, result.photo.height) <= 96)
            } catch {
                #expect(!error.message.en.isEmpty && !error.message.ja.isEmpty)
            }
        }
    }
}
