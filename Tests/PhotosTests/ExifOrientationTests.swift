import Testing
@testable import Photos

@Suite struct ExifOrientationTests {
    /// The TIFF part of a hand-made APP1 segment.
    static func tiff(orientation: Int, bigEndian: Bool) -> [UInt8] {
        Array(PhoneJPEG.exifSegment(orientation: orientation, bigEndian: bigEndian).dropFirst(10))
    }

    @Test(arguments: 1...8)
    func theTagIsReadInBothByteOrders(value: Int) {
        #expect(ExifOrientation.read(exif: Self.tiff(orientation: value, bigEndian: false))?.rawValue == value)
        #expect(ExifOrientation.read(exif: Self.tiff(orientation: value, bigEndian: true))?.rawValue == value)
    }

    @Test func outOfRangeOrDamagedDataIsNoOrientation() {
        #expect(ExifOrientation.read(exif: Self.tiff(orientation: 0, bigEndian: false)) == nil)
        #expect(ExifOrientation.read(exif: Self.tiff(orientation: 9, bigEndian: true)) == nil)
        #expect(ExifOrientation.read(exif: []) == nil)
        #expect(ExifOrientation.read(exif: Array("XX*\0\u{8}\0\0\0".utf8)) == nil)
        let whole = Self.tiff(orientation: 6, bigEndian: false)
        // Every cut of the structure is read safely; only cuts that keep the tag find it.
        for cut in 0..<whole.count {
            let found = ExifOrientation.read(exif: Array(whole.prefix(cut)))
            #expect(found == nil || (found == .right && cut >= 32))
        }
        // A directory offset pointing far outside the data.
        var wild = whole
        wild[4] = 0xFF; wild[5] = 0xFF; wild[6] = 0xFF; wild[7] = 0x7F
        #expect(ExifOrientation.read(exif: wild) == nil)
    }

    @Test func turningSwapsTheSidesOfFiveToEight() {
        for orientation in ExifOrientation.allCases {
            let size = orientation.uprightSize(width: 4, height: 3)
            let expected: (Int, Int) = orientation.swapsSides ? (3, 4) : (4, 3)
            #expect(size.width == expected.0 && size.height == expected.1)
        }
    }

    @Test func pixelsAreTurnedAsThePositionsSay() throws {
        // 3×2, every pixel different: each lands where uprightPosition says, and nowhere else.
        var pixels: [UInt8] = []
        for index in 0..<6 { pixels += [UInt8(index * 40), UInt8(200 - index * 30), UInt8(index)] }
        let photo = try #require(Photo(width: 3, height: 2, pixels: pixels))
        for orientation in ExifOrientation.allCases {
            let turned = photo.upright(orientation)
            let size = orientation.uprightSize(width: 3, height: 2)
            #expect(turned.width == size.width && turned.height == size.height)
            for y in 0..<2 {
                for x in 0..<3 {
                    let to = orientation.uprightPosition(x: x, y: y, width: 3, height: 2)
                    #expect(turned.pixel(x: to.x, y: to.y) == photo.pixel(x: x, y: y), "\(orientation) (\(x), \(y))")
                }
            }
        }
        #expect(photo.upright(.up) == photo)
    }

    @Test func turningBackAndForthIsTheSamePhoto() throws {
        let photo = PhoneJPEG.markedPicture(width: 7, height: 5, mark: 2)
        #expect(photo.upright(.right).upright(.left) == photo)
        #expect(photo.upright(.down).upright(.down) == photo)
        #expect(photo.upright(.leftMirrored).upright(.leftMirrored) == photo)
        #expect(photo.upright(.rightMirrored).upright(.rightMirrored) == photo)
        #expect(photo.upright(.upMirrored).upright(.upMirrored) == photo)
    }
}
