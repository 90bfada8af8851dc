import Foundation
import PanyaSupport

/// Everything that can go wrong reading, checking, decoding, encoding or writing a photo.
/// Each case carries the file it is about; `code` is the service's error code where the service
/// has one, so the mock backend can answer exactly as DetectCustomLabels would.
public enum PhotoError: UserFacingError, Equatable, CustomStringConvertible {
    /// No file at `path`.
    case fileNotFound(path: String)
    /// The file exists but could not be read (a directory, no permission, an I/O error).
    case unreadable(path: String, reason: String)
    /// Not a regular file (a folder, a FIFO, a device, a socket): refused before reading, so a
    /// FIFO never blocks the shell.
    case notAFile(path: String, kind: SpecialFileKind)
    /// More bytes than the service accepts (`ImageTooLargeException`).
    case tooLarge(file: String, bytes: Int, limit: Int)
    /// Zero bytes (`InvalidImageFormatException`).
    case empty(file: String)
    /// Not a JPEG or PNG; `detected` names what it looks like when known (`InvalidImageFormatException`).
    case unsupportedFormat(file: String, detected: String?)
    /// A JPEG or PNG that is truncated or corrupt; `reason` is the decoder's own words
    /// (`InvalidImageFormatException`).
    case corrupt(file: String, format: ImageFormat, reason: String)
    /// A side shorter than the minimum (`InvalidParameterException`).
    case tooSmall(file: String, width: Int, height: Int, minimum: Int)
    /// A side longer than the maximum (`InvalidParameterException`).
    case tooBig(file: String, width: Int, height: Int, maximum: Int)
    /// More pixels than a class's upload accepts (12 MP): checked from the header, before decoding.
    case tooManyPixels(file: String, width: Int, height: Int, maximum: Int)
    /// Longer side more than `maximum` times the shorter (`InvalidParameterException`).
    case aspectRatio(file: String, width: Int, height: Int, maximum: Int)
    /// The encoder failed (should not happen for a valid picture).
    case encodingFailed(format: ImageFormat, reason: String)
    /// Writing a file (an annotated photo, a generated photo) failed.
    case writeFailed(path: String, reason: String)

    /// The service's error code, or nil for local problems (missing file, writing).
    public var code: String? {
        switch self {
        case .tooLarge: return "ImageTooLargeException"
        case .empty, .unsupportedFormat, .corrupt: return "InvalidImageFormatException"
        case .tooSmall, .tooBig, .tooManyPixels, .aspectRatio: return "InvalidParameterException"
        case .fileNotFound, .unreadable, .notAFile, .encodingFailed, .writeFailed: return nil
        }
    }

    /// What went wrong and how to fix it, in both languages.
    public var message: Message {
        switch self {
        case .fileNotFound(let path): return Catalog.photoFileNotFound(path: path)
        case .unreadable(let path, let reason): return Catalog.photoUnreadable(path: path, reason: reason)
        case .notAFile(let path, let kind): return Catalog.photoNotAFile(path: path, kind: kind)
        case .tooLarge(let file, let bytes, let limit): return Catalog.photoTooLarge(file: file, bytes: bytes, limit: limit)
        case .empty(let file): return Catalog.photoEmpty(file: file)
        case .unsupportedFormat(let file, let detected): return Catalog.photoUnsupportedFormat(file: file, detected: detected)
        case .corrupt(let file, let format, let reason): return Catalog.photoCorrupt(file: file, format: format.displayName, reason: reason)
        case .tooSmall(let file, let width, let height, let minimum):
            return Catalog.photoTooSmall(file: file, width: width, height: height, minimum: minimum)
        case .tooBig(let file, let width, let height, let maximum):
            return Catalog.photoTooBig(file: file, width: width, height: height, maximum: maximum)
        case .tooManyPixels(let file, let width, let height, let maximum):
            return Catalog.photoTooManyPixels(file: file, width: width, height: height, maximum: maximum)
        case .aspectRatio(let file, let width, let height, let maximum):
            return Catalog.photoAspectRatio(file: file, width: width, height: height, maximum: maximum)
        case .encodingFailed(let format, let reason): return Catalog.photoEncodingFailed(format: format.displayName, reason: reason)
        case .writeFailed(let path, let reason): return Catalog.photoWriteFailed(path: path, reason: reason)
        }
    }

    /// `Code: message` in English (logs, test output).
    public var description: String {
        if let code { return "\(code): \(message.en)" }
        return message.en
    }
}

/// What a path that is not a regular file is.
public enum SpecialFileKind: Sendable, Equatable {
    case folder
    /// A named pipe (`mkfifo`): reading it would wait for a writer.
    case fifo
    case characterDevice
    case blockDevice
    case socket
    case symbolicLink
    case other

    /// The kind of the file described by a `stat` mode, or nil for a regular file.
    public init?(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: self = .folder
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        case S_IFLNK: self = .symbolicLink
        default: self = .other
        }
    }
}
