import PanyaStore

/// Where lesson progress is kept: `LessonProgressStore` (SQLite) in panya, memory in tests.
public protocol LessonProgressKeeping: AnyObject {
    func load(student: String, lesson: String) throws -> LessonProgress?
    func all(student: String) throws -> [LessonProgress]
    func save(_ progress: LessonProgress) throws
    func reset(student: String, lesson: String) throws
}

extension LessonProgressStore: LessonProgressKeeping {}

/// Progress in memory only.
public final class InMemoryLessonProgress: LessonProgressKeeping {
    private var saved: [String: LessonProgress] = [:]

    public init() {}

    public func load(student: String, lesson: String) -> LessonProgress? { saved[student + "\u{0}" + lesson] }
    public func all(student: String) -> [LessonProgress] {
        saved.values.filter { $0.student == student }.sorted { $0.lesson < $1.lesson }
    }
    public func save(_ progress: LessonProgress) { saved[progress.student + "\u{0}" + progress.lesson] = progress }
    public func reset(student: String, lesson: String) { saved[student + "\u{0}" + lesson] = nil }
}
