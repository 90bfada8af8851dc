import Testing
@testable import PanyaSupport

/// The class URL's QR code: libqrencode's symbol checked against the standard's fixed patterns,
/// and its terminal drawing read back module by module.
@Suite struct QRCodeTextTests {
    static let urls = ["http://192.168.1.23:8080/", "http://10.0.0.5:8080/join?code=PAN-4821", "http://127.0.0.1:8080/"]

    /// The modules drawn in `text` (quiet zone included), true for dark: each character holds two
    /// module rows; in `.colored` a block is dark, in `.lightBox` a block is light.
    static func readBack(_ text: String, style: QRCode.Style) -> [[Bool]] {
        var rows: [[Bool]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            var plain = String(line)
            if style == .colored {
                plain = plain.replacingOccurrences(of: "\u{1B}[38;5;16;48;5;231m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
            }
            var top: [Bool] = [], bottom: [Bool] = []
            for character in plain {
                let upper = character == "█" || character == "▀", lower = character == "█" || character == "▄"
                top.append(style == .colored ? upper : !upper)
                bottom.append(style == .colored ? lower : !lower)
            }
            rows += [top, bottom]
        }
        return rows
    }

    @Test(arguments: urls)
    func theDrawingHoldsTheSymbolInAQuietZone(url: String) throws {
        let code = try QRCode.encode(url)
        for style in [QRCode.Style.colored, .lightBox] {
            let text = code.text(quietZone: 4, style: style)
            #expect(text == (try QRCode.text(for: url, style: style)))
            let grid = Self.readBack(text, style: style)
            let side = code.size + 8
            #expect(grid.count == side + 1)   // an odd side: the last line's lower half is spare
            #expect(grid.allSatisfy { $0.count == side })
            for y in 0..<side {
                for x in 0..<side where grid[y][x] != code.isDark(x: x - 4, y: y - 4) {
                    Issue.record("\(style) module (\(x - 4), \(y - 4)) differs")
                }
            }
            if style == .lightBox { #expect(!text.contains("\u{1B}")) }
        }
        #expect(code.text(quietZone: 2, style: .lightBox).split(separator: "\n").count == (code.size + 4 + 1) / 2)
    }

    @Test(arguments: urls)
    func theSymbolHasTheStandardsFixedPatterns(url: String) throws {
        let code = try QRCode.encode(url)
        let n = code.size
        #expect(n == 17 + 4 * code.version && (1...4).contains(code.version))
        #expect(code.modules.count == n * n)
        // Finder patterns (7×7: dark ring, light ring, dark 3×3 core) with their light separators,
        // at three corners and not at the fourth.
        func isFinder(_ left: Int, _ top: Int) -> Bool {
            for dy in -1...7 {
                for dx in -1...7 {
                    let x = left + dx, y = top + dy
                    guard x >= 0, y >= 0, x < n, y < n else { continue }
                    let ring = max(abs(dx - 3), abs(dy - 3))
                    if code.isDark(x: x, y: y) != (ring == 3 || ring <= 1) { return false }
                }
            }
            return true
        }
        #expect(isFinder(0, 0) && isFinder(n - 7, 0) && isFinder(0, n - 7))
        #expect(!isFinder(n - 7, n - 7))
        // Timing patterns between the finders alternate, dark on even positions.
        for i in 8..<(n - 8) {
            #expect(code.isDark(x: i, y: 6) == (i % 2 == 0))
            #expect(code.isDark(x: 6, y: i) == (i % 2 == 0))
        }
        #expect(code.isDark(x: 8, y: n - 8))   // the dark module
        // Format information: both copies agree, the BCH code checks, and the level is M (00).
        func bit(_ x: Int, _ y: Int) -> Int { code.isDark(x: x, y: y) ? 1 : 0 }
        var first = 0, second = 0
        for i in 0..<15 {
            let a: (Int, Int) = i < 6 ? (8, i) : i == 6 ? (8, 7) : i == 7 ? (8, 8) : i == 8 ? (7, 8) : (14 - i, 8)
            let b: (Int, Int) = i < 8 ? (n - 1 - i, 8) : (8, n - 15 + i)
            first |= bit(a.0, a.1) << i
            second |= bit(b.0, b.1) << i
        }
        #expect(first == second)
        let format = first ^ 0x5412
        let data = format >> 10
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        #expect(format == (data << 10 | (remainder & 0x3FF)))
        #expect(data >> 3 == 0)
    }

    @Test func aLongerAddressTakesALargerVersion() throws {
        let short = try QRCode.encode("http://10.0.0.1:8080/")
        let long = try QRCode.encode("http://10.0.0.1:8080/" + String(repeating: "a", count: 100))
        #expect(long.version > short.version && long.size > short.size)
    }

    @Test func whatCannotBeEncodedSaysSo() {
        #expect(throws: QRCodeError.empty) { try QRCode.encode("") }
        #expect(throws: QRCodeError.tooLong(bytes: 3000)) { try QRCode.encode(String(repeating: "x", count: 3000)) }
        for error in [QRCodeError.empty, .tooLong(bytes: 3000), .encoderFailed(reason: "r")] {
            #expect(!error.message.en.isEmpty && !error.message.ja.isEmpty && error.message.en != error.message.ja)
        }
        #expect(QRCodeError.tooLong(bytes: 3000).message.en.contains("3,000"))
    }
}
