import PanyaSupport

/// A lesson that cannot be found, read or run.
public enum LessonError: UserFacingError, Equatable {
    case noSuchLesson(String)
    /// The lesson file at `path` cannot be read, for `reason`.
    case unreadable(path: String, reason: UnreadableReason)
    case environment(String)

    /// Why a lesson file cannot be read.
    public enum UnreadableReason: Sendable, Equatable {
        /// No such file.
        case missing
        /// A folder, a device or a pipe: not a lesson file.
        case notAFile
        /// Permissions, or a read error.
        case notReadable
        /// Larger than `limit` bytes.
        case tooLarge(limit: Int)
        /// Not UTF-8 text.
        case notUTF8
    }

    public var message: Message {
        switch self {
        case .noSuchLesson(let what): return Catalog.lessonNotFound(what)
        case .unreadable(let path, let reason): return Catalog.lessonUnreadable(path, reason)
        case .environment(let detail): return Catalog.lessonEnvironmentFailed(detail)
        }
    }

    public var code: String? {
        switch self {
        case .noSuchLesson: return "NoSuchLesson"
        case .unreadable: return "LessonUnreadable"
        case .environment: return "LessonEnvironment"
        }
    }
}
