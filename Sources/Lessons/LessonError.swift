import PanyaSupport

/// A lesson that cannot be found, read or run.
public enum LessonError: UserFacingError, Equatable {
    case noSuchLesson(String)
    case unreadable(path: String, detail: String)
    case environment(String)

    public var message: Message {
        switch self {
        case .noSuchLesson(let what): return Catalog.lessonNotFound(what)
        case .unreadable(let path, let detail): return Catalog.lessonUnreadable(path, detail)
        case .environment(let detail): return Catalog.lessonEnvironmentFailed(detail)
        }
    }
}
