/// The two image formats the service accepts, told apart by their first bytes (never the file name).
public enum ImageFormat: String, Sendable, Equatable, CaseIterable {
    case jpeg
    case png

    /// The format whose signature `bytes` start with, or nil.
    /// JPEG: `FF D8 FF`. PNG: `89 50 4E 47 0D 0A 1A 0A`.
    public static func detect(_ bytes: [UInt8]) -> ImageFormat? {
        if bytes.count >= 3, bytes[0] == 0xFF, bytes[1] == 0xD8, bytes[2] == 0xFF { return .jpeg }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        if bytes.count >= png.count, Array(bytes[0..<png.count]) == png { return .png }
        return nil
    }

    /// A name for a format the service refuses, recognised by its signature (HEIC, AVIF, WebP,
    /// GIF, PDF, BMP, TIFF, a video, text: see ``PhotoFileKind``), so the message can say what the
    /// file really is; nil when unknown.
    public static func describeUnsupported(_ bytes: [UInt8]) -> String? {
        PhotoFileKind.sniff(bytes).displayName
    }

    /// The file-name endings a picture written in this format takes, the usual one first.
    public var fileExtensions: [String] {
        switch self {
        case .jpeg: return ["jpg", "jpeg"]
        case .png: return ["png"]
        }
    }

    /// The format a file to be written should have, by its name's ending (case-insensitive);
    /// nil when the name ends in neither. (Reading never trusts the name: see ``detect(_:)``.)
    public static func forOutput(path: String) -> ImageFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        let ending = path[path.index(after: dot)...].lowercased()
        return allCases.first { $0.fileExtensions.contains(ending) }
    }

    /// "JPEG" or "PNG", for messages.
    public var displayName: String {
        switch self {
        case .jpeg: return "JPEG"
        case .png: return "PNG"
        }
    }
}
