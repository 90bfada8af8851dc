import Foundation
import PanyaTestSupport
@testable import Photos

/// Paths and small helpers shared by the Photos tests.
enum TestSupport {
    /// `lessons/photos/` in this checkout.
    static let lessonPhotos = RepositoryRoot.file("lessons/photos")

    /// The bytes of a committed lesson photo.
    static func lessonBytes(_ file: String) throws -> [UInt8] {
        try Photo.readBytes(path: lessonPhotos + "/" + file)
    }

    /// A plain picture of the given size (a gradient, so encoders have something to do).
    static func picture(width: Int, height: Int) -> Photo {
        var canvas = Canvas(width: width, height: height, color: RGB(240, 240, 235))
        canvas.fillEllipse(centerX: Double(width) / 2, centerY: Double(height) / 2,
                           radiusX: Double(width) / 3, radiusY: Double(height) / 3, color: RGB(150, 90, 40))
        return canvas.photo
    }
}

/// Builds small PNG files by hand (stored deflate blocks, real CRC-32 and Adler-32), to test
/// colour types and depths panya's own encoder never writes.
enum HandmadePNG {
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    /// zlib stream of stored (uncompressed) blocks.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65535, data.count - offset)
            let last: UInt8 = offset + count >= data.count ? 1 : 0
            out.append(last)
            out += [UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += data[offset..<(offset + count)]
            offset += count
        } while offset < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
        return out + bigEndian((b << 16) | a)
    }

    /// A PNG with the given IHDR fields and raw scanlines (each row without its filter byte).
    static func make(width: Int, height: Int, bitDepth: UInt8, colorType: UInt8, rows: [[UInt8]],
                     extraChunks: [(String, [UInt8])] = []) -> [UInt8] {
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        out += chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [bitDepth, colorType, 0, 0, 0])
        for (type, data) in extraChunks { out += chunk(type, data) }
        var raw: [UInt8] = []
        for row in rows { raw.append(0); raw += row }
        out += chunk("IDAT", zlibStored(raw))
        out += chunk("IEND", [])
        return out
    }
}

/// Limits that accept any size (for tiny handmade PNGs).
extension PhotoLimits {
    static let anySize = PhotoLimits(maxBytes: 4 * 1024 * 1024, minSide: 1, maxSide: 100_000, maxAspectRatio: 100_000)
}
