internal import CQRencode
import Foundation

/// A QR code encoded by libqrencode (error correction level M), and its drawing in a terminal
/// with Unicode half blocks: one character per module across, two modules per character down,
/// so the modules come out square in a terminal's tall cells.
public struct QRCode: Sendable, Equatable {
    /// The symbol's version, 1–40 (its size is 17 + 4 × version modules).
    public let version: Int
    /// Modules per side, without the quiet zone.
    public let size: Int
    /// `size × size` flags, row by row from the top left: true for a dark module.
    public let modules: [Bool]

    /// How the code is drawn.
    public enum Style: Sendable, Equatable {
        /// Black modules on a white box with ANSI colours (256-colour SGR), so it reads the same on
        /// a dark or a light terminal: dark modules are the blocks, light ones spaces.
        case colored
        /// No escape codes: the light modules (quiet zone included) are the blocks and the dark
        /// ones spaces, which is right where text is light on a dark background (most terminals);
        /// on a light background it comes out inverted. For output that is not a colour terminal.
        case lightBox
    }

    /// Encodes `text` as bytes (UTF-8) at error correction level M, in the smallest version it fits.
    public static func encode(_ text: String) throws(QRCodeError) -> QRCode {
        guard !text.isEmpty else { throw QRCodeError.empty }
        guard !text.utf8.contains(0) else { throw QRCodeError.encoderFailed(reason: "the text contains a NUL character") }
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            let code = errno
            if code == ERANGE { throw QRCodeError.tooLong(bytes: text.utf8.count) }
            throw QRCodeError.encoderFailed(reason: String(cString: strerror(code)))
        }
        defer { QRcode_free(code) }
        let size = Int(code.pointee.width)
        // libqrencode's module bytes: bit 0 is the colour (1 = dark); the other bits say which
        // kind of module it is.
        let modules = (0..<(size * size)).map { code.pointee.data[$0] & 1 == 1 }
        return QRCode(version: Int(code.pointee.version), size: size, modules: modules)
    }

    /// Encodes `url` and draws it (see ``text(quietZone:style:)``).
    public static func text(for url: String, style: Style = .colored) throws(QRCodeError) -> String {
        try encode(url).text(style: style)
    }

    /// True when the module at column `x`, row `y` is dark; false outside the symbol (the quiet zone).
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }

    /// The code drawn with ▀ ▄ █ and spaces inside a quiet zone of `quietZone` light modules
    /// (4, as the standard asks; 2 is the least phones read well), one line per two module rows,
    /// each line ending with a newline. The symbol's side is odd, so the last line's lower half
    /// is quiet zone too (and not drawn in `.lightBox`).
    public func text(quietZone: Int = 4, style: Style = .colored) -> String {
        let zone = max(0, quietZone)
        let side = size + 2 * zone
        var out = ""
        for row in stride(from: 0, to: side, by: 2) {
            if style == .colored { out += "\u{1B}[38;5;16;48;5;231m" }
            for column in 0..<side {
                let x = column - zone
                let top = isDark(x: x, y: row - zone)
                let bottom = isDark(x: x, y: row + 1 - zone)
                let (upper, lower): (Bool, Bool)
                switch style {
                case .colored: (upper, lower) = (top, bottom)
                case .lightBox: (upper, lower) = (!top, !bottom && row + 1 < side)
                }
                out += upper ? (lower ? "█" : "▀") : (lower ? "▄" : " ")
            }
            if style == .colored { out += "\u{1B}[0m" }
            out += "\n"
        }
        return out
    }
}

/// Why a QR code could not be made.
public enum QRCodeError: UserFacingError, Equatable {
    /// Nothing to encode.
    case empty
    /// More bytes than the largest QR code holds at level M (2,331).
    case tooLong(bytes: Int)
    /// libqrencode failed (out of memory, or a character it cannot take).
    case encoderFailed(reason: String)

    /// What went wrong, in both languages.
    public var message: Message {
        switch self {
        case .empty: return Catalog.qrCodeEmpty
        case .tooLong(let bytes): return Catalog.qrCodeTooLong(bytes: bytes)
        case .encoderFailed(let reason): return Catalog.qrCodeFailed(reason: reason)
        }
    }
}
