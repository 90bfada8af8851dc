import Foundation
import PanyaSupport
import PanyaTestSupport
import Testing
@testable import Photos

/// The class URL's QR code read back by a real scanner: the terminal drawing (half blocks) turned
/// into a PNG, 8 pixels a module, and given to zbar's `zbarimg`. Runs where zbar-tools is
/// installed (`.ci/photos/run-qr-scan.sh` installs it; PANYA_REQUIRE_ZBAR=1 there makes its
/// absence a failure instead of a skip).
@Suite struct QRCodeScanTests {
    static let zbarimg = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let required = ProcessInfo.processInfo.environment["PANYA_REQUIRE_ZBAR"] == "1"

    /// A picture of the drawing: each character two modules tall, blocks in `ink`, spaces in `paper`.
    static func picture(of text: String, style: QRCode.Style, pixelsPerModule scale: Int) -> Photo? {
        let lines = text.split(separator: "\n").map { line in
            line.replacingOccurrences(of: "\u{1B}[38;5;16;48;5;231m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
        }
        guard let columns = lines.first?.count else { return nil }
        // As a terminal shows it: `.colored` draws black blocks on white; `.lightBox` light blocks
        // (the light modules) on a dark background, so both come out dark-on-light inside the
        // quiet zone.
        let (ink, paper): (UInt8, UInt8) = style == .colored ? (0, 255) : (235, 20)
        let width = (columns + 4) * scale, height = (lines.count * 2 + 4) * scale
        var pixels = [UInt8](repeating: paper, count: width * height * 3)
        for (row, line) in lines.enumerated() {
            for (column, character) in line.enumerated() {
                let halves = [character == "█" || character == "▀", character == "█" || character == "▄"]
                for (half, inked) in halves.enumerated() where inked {
                    for y in 0..<scale {
                        let py = (row * 2 + half + 2) * scale + y
                        for x in 0..<scale {
                            let i = (py * width + (column + 2) * scale + x) * 3
                            pixels[i] = ink; pixels[i + 1] = ink; pixels[i + 2] = ink
                        }
                    }
                }
            }
        }
        return Photo(width: width, height: height, pixels: pixels)
    }

    /// What zbarimg reads in the PNG at `path` (its `--raw` output), or nil when it finds nothing.
    static func scan(_ path: String, zbarimg: String) throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbarimg)
        process.arguments = ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    @Test(.enabled(if: zbarimg != nil || required), arguments: [QRCode.Style.colored, .lightBox])
    func aPhoneReadsTheURLBack(style: QRCode.Style) throws {
        let zbarimg = try #require(Self.zbarimg, "zbarimg is not installed (apt-get install zbar-tools)")
        let folder = try TemporaryFolder()
        for url in ["http://192.168.1.23:8080/", "http://10.0.0.5:8080/join?code=PAN-4821"] {
            let text = try QRCode.text(for: url, style: style)
            let picture = try #require(Self.picture(of: text, style: style, pixelsPerModule: 8))
            let path = folder.path + "/qr.png"
            try Photo.write(try picture.encodePNG(), to: path)
            #expect(try Self.scan(path, zbarimg: zbarimg) == url, "\(style) \(url)")
        }
    }
}
