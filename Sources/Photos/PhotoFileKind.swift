/// What a file's first bytes say it is, whatever its name: the two formats the service accepts,
/// the ones people send instead (a phone's HEIC, a web page's WebP or GIF, a scan's PDF…), text,
/// or unknown. Messages name it, so a person learns what they sent and what to send instead.
public enum PhotoFileKind: String, Sendable, Equatable, CaseIterable {
    /// No bytes at all.
    case empty
    /// A JPEG (`FF D8 FF`): accepted.
    case jpeg
    /// A PNG (its 8-byte signature): accepted.
    case png
    /// HEIC/HEIF: an iPhone's "High Efficiency" camera setting.
    case heic
    /// AVIF: some Android phones' and browsers' setting.
    case avif
    /// WebP (`RIFF….WEBP`): web pages' pictures.
    case webp
    /// GIF (`GIF87a`/`GIF89a`).
    case gif
    /// PDF (`%PDF`): a scan or a document.
    case pdf
    /// Windows bitmap (`BM`).
    case bmp
    /// TIFF (`II*\0` or `MM\0*`).
    case tiff
    /// MP4, MOV, 3GP: a video (ISO media without a still-image brand).
    case video
    /// Readable text (a file named .jpg that holds text, an HTML error page…).
    case text
    /// None of the above.
    case unknown

    /// The kind `bytes` start with.
    public static func sniff(_ bytes: [UInt8]) -> PhotoFileKind {
        if bytes.isEmpty { return .empty }
        if let format = ImageFormat.detect(bytes) { return format == .jpeg ? .jpeg : .png }
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && bytes[offset..<(offset + prefix.count)].elementsEqual(prefix)
        }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if starts(Array("%PDF".utf8)) { return .pdf }
        // BMP: "BM", then the file size, then four reserved bytes that are zero.
        if starts(Array("BM".utf8)) && starts([0, 0, 0, 0], at: 6) { return .bmp }
        if starts(Array("ftyp".utf8), at: 4) { return isoMediaKind(bytes) }
        if looksLikeText(bytes) { return .text }
        return .unknown
    }

    /// The name messages use ("HEIC", "WebP", "text"…); nil for JPEG, PNG, empty and unknown.
    public var displayName: String? {
        switch self {
        case .heic: return "HEIC"
        case .avif: return "AVIF"
        case .webp: return "WebP"
        case .gif: return "GIF"
        case .pdf: return "PDF"
        case .bmp: return "BMP"
        case .tiff: return "TIFF"
        case .video: return "MP4/MOV video"
        case .text: return "text"
        case .empty, .jpeg, .png, .unknown: return nil
        }
    }

    /// True for the formats a phone's camera writes when set to save space (HEIC, AVIF): the
    /// message then says which camera setting gives JPEG.
    public var isPhoneCameraFormat: Bool { self == .heic || self == .avif }

    /// The kind whose ``displayName`` is `name`, if any.
    public init?(displayName name: String) {
        guard let kind = PhotoFileKind.allCases.first(where: { $0.displayName == name }) else { return nil }
        self = kind
    }

    /// An ISO media file (`ftyp` box) by its major and compatible brands.
    static func isoMediaKind(_ bytes: [UInt8]) -> PhotoFileKind {
        guard bytes.count >= 12 else { return .video }
        let boxSize = Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3])
        let end = min(bytes.count, max(12, min(boxSize, 256)))
        // The major brand at 8, then (after the minor version) the compatible brands from 16.
        var brands = [String(decoding: bytes[8..<12], as: UTF8.self)]
        var offset = 16
        while offset + 4 <= end {
            brands.append(String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self))
            offset += 4
        }
        if brands.contains(where: { $0 == "avif" || $0 == "avis" }) { return .avif }
        let heif: Set = ["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1"]
        if brands.contains(where: { heif.contains($0) }) { return .heic }
        return .video
    }

    /// True when the first kilobyte is UTF-8 text: no NUL or other control characters but tab,
    /// line breaks and form feed (a multi-byte character cut at the end is allowed).
    static func looksLikeText(_ bytes: [UInt8]) -> Bool {
        var start = bytes.prefix(1024)
        if start.starts(with: [0xEF, 0xBB, 0xBF]) { start = start.dropFirst(3) }
        if start.isEmpty { return true }
        for byte in start where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { return false }
        if start.contains(0x7F) { return false }
        // Drop a character cut short at the end (at most three bytes) before checking UTF-8.
        var body = Array(start)
        if bytes.count > 1024, let lead = body.lastIndex(where: { $0 & 0xC0 != 0x80 }), body[lead] >= 0xC0, body.count - lead < 4 {
            body.removeSubrange(lead...)
        }
        return String(validating: body, as: UTF8.self) != nil
    }
}
