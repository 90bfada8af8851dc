import GRDB

/// A student's progress in one lesson: where they are and how they did.
public struct LessonProgress: Sendable, Equatable {
    public var student: String
    /// The lesson's key (its file name without the language suffix, e.g. `01-ai-register`).
    public var lesson: String
    /// The step to resume at (1-based); `stepCount + 1` or more once finished.
    public var currentStep: Int
    public var stepCount: Int
    public var tasksDone: Int
    public var tasksSkipped: Int
    public var quizzesRight: Int
    /// Wrong tries in tasks and quizzes.
    public var tries: Int
    public var finished: Bool
    /// Seconds since 1970 of the last save.
    public var updatedAt: Double

    public init(student: String, lesson: String, currentStep: Int = 1, stepCount: Int = 0, tasksDone: Int = 0,
                tasksSkipped: Int = 0, quizzesRight: Int = 0, tries: Int = 0, finished: Bool = false, updatedAt: Double = 0) {
        self.student = student
        self.lesson = lesson
        self.currentStep = currentStep
        self.stepCount = stepCount
        self.tasksDone = tasksDone
        self.tasksSkipped = tasksSkipped
        self.quizzesRight = quizzesRight
        self.tries = tries
        self.finished = finished
        self.updatedAt = updatedAt
    }
}

/// Lesson progress per student (table `lesson_progress`).
public final class LessonProgressStore: Sendable {
    let database: PanyaDatabase

    public init(_ database: PanyaDatabase) {
        self.database = database
    }

    /// Migration `v2-lesson-progress` (append-only; never edit).
    static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE lesson_progress (
                student TEXT NOT NULL,
                lesson TEXT NOT NULL,
                current_step INTEGER NOT NULL,
                step_count INTEGER NOT NULL,
                tasks_done INTEGER NOT NULL,
                tasks_skipped INTEGER NOT NULL,
                quizzes_right INTEGER NOT NULL,
                tries INTEGER NOT NULL,
                finished INTEGER NOT NULL,
                updated_at REAL NOT NULL,
                PRIMARY KEY (student, lesson)
            );
            """)
    }

    public func load(student: String, lesson: String) throws -> LessonProgress? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM lesson_progress WHERE student = ? AND lesson = ?",
                             arguments: [student, lesson]).map { try Self.progress($0) }
        }
    }

    /// Every lesson the student has started, by lesson key.
    public func all(student: String) throws -> [LessonProgress] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM lesson_progress WHERE student = ? ORDER BY lesson",
                             arguments: [student]).map { try Self.progress($0) }
        }
    }

    public func save(_ p: LessonProgress) throws {
        try database.write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO lesson_progress
                (student, lesson, current_step, step_count, tasks_done, tasks_skipped, quizzes_right, tries, finished, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [p.student, p.lesson, p.currentStep, p.stepCount, p.tasksDone, p.tasksSkipped,
                                 p.quizzesRight, p.tries, p.finished, p.updatedAt])
        }
    }

    /// Forgets the student's progress in `lesson` (`lesson reset N`).
    public func reset(student: String, lesson: String) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM lesson_progress WHERE student = ? AND lesson = ?", arguments: [student, lesson])
        }
    }

    /// One saved row; a damaged row (a column missing or of the wrong kind) throws instead of trapping.
    static func progress(_ row: Row) throws -> LessonProgress {
        LessonProgress(student: try row.stored("student", of: "lesson_progress"), lesson: try row.stored("lesson", of: "lesson_progress"),
                       currentStep: try row.stored("current_step", of: "lesson_progress"), stepCount: try row.stored("step_count", of: "lesson_progress"),
                       tasksDone: try row.stored("tasks_done", of: "lesson_progress"), tasksSkipped: try row.stored("tasks_skipped", of: "lesson_progress"),
                       quizzesRight: try row.stored("quizzes_right", of: "lesson_progress"), tries: try row.stored("tries", of: "lesson_progress"),
                       finished: try row.stored("finished", of: "lesson_progress", as: Bool.self), updatedAt: try row.stored("updated_at", of: "lesson_progress"))
    }
}
