@testable import Photos

/// Phone-like JPEGs for the tests: a picture encoded by panya's libjpeg encoder, with an EXIF
/// APP1 segment written by hand (a minimal TIFF structure holding only the Orientation tag).
enum PhoneJPEG {
    /// The APP1 segment (marker, length, "Exif\0\0", TIFF) with Orientation `value`, in
    /// little-endian ("II") or big-endian ("MM") byte order.
    static func exifSegment(orientation value: Int, bigEndian: Bool = false) -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] { bigEndian ? [UInt8(v >> 8), UInt8(v & 0xFF)] : [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func u32(_ v: Int) -> [UInt8] { bigEndian ? u16(v >> 16) + u16(v & 0xFFFF) : u16(v & 0xFFFF) + u16(v >> 16) }
        var tiff: [UInt8] = bigEndian ? Array("MM".utf8) : Array("II".utf8)
        tiff += u16(42) + u32(8)                       // magic, first directory at 8
        tiff += u16(2)                                 // two entries
        tiff += u16(0x010F) + u16(2) + u32(4) + Array("pan\0".utf8)   // Make "pan" (ASCII), before it
        tiff += u16(0x0112) + u16(3) + u32(1) + u16(value) + u16(0)   // Orientation, SHORT, 1
        tiff += u32(0)                                 // no next directory
        let body = Array("Exif".utf8) + [0, 0] + tiff
        return [0xFF, 0xE1] + [UInt8((body.count + 2) >> 8), UInt8((body.count + 2) & 0xFF)] + body
    }

    /// `jpeg` with `segment` inserted right after its SOI marker (where cameras put APP1).
    static func inserting(_ segment: [UInt8], into jpeg: [UInt8]) -> [UInt8] {
        Array(jpeg.prefix(2)) + segment + Array(jpeg.dropFirst(2))
    }

    /// A white `width`×`height` picture, red in the stored top-left `mark`×`mark` corner and blue
    /// in the stored top-right one.
    static func markedPicture(width: Int, height: Int, mark: Int) -> Photo {
        var canvas = Canvas(width: width, height: height, color: RGB(255, 255, 255))
        canvas.fillRect(x: 0, y: 0, width: Double(mark), height: Double(mark), color: RGB(220, 0, 0))
        canvas.fillRect(x: Double(width - mark), y: 0, width: Double(mark), height: Double(mark), color: RGB(0, 0, 220))
        return canvas.photo
    }

    /// A JPEG of `markedPicture` carrying EXIF Orientation `orientation` (nil: no EXIF at all).
    static func marked(width: Int, height: Int, mark: Int, orientation: Int?, bigEndian: Bool = false) throws -> [UInt8] {
        let jpeg = try markedPicture(width: width, height: height, mark: mark).encodeJPEG(quality: 90)
        guard let orientation else { return jpeg }
        return inserting(exifSegment(orientation: orientation, bigEndian: bigEndian), into: jpeg)
    }

    /// `jpeg` with the size in its SOF0 header replaced (the data still holds the old size):
    /// what a header claiming a huge photo looks like.
    static func claimingSize(_ jpeg: [UInt8], width: Int, height: Int) -> [UInt8] {
        var bytes = jpeg
        var i = 2
        while i + 9 < bytes.count {
            guard bytes[i] == 0xFF else { break }
            let marker = bytes[i + 1]
            let length = Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
            if marker == 0xC0 {
                bytes[i + 5] = UInt8(height >> 8); bytes[i + 6] = UInt8(height & 0xFF)
                bytes[i + 7] = UInt8(width >> 8); bytes[i + 8] = UInt8(width & 0xFF)
                return bytes
            }
            i += 2 + length
        }
        return bytes
    }
}
