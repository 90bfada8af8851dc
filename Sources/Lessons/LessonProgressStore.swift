import GRDB
import PanyaStore

/// Lesson progress per student (table `lesson_progress`), read and written as `LessonProgress`
/// itself; a damaged row is refused naming its table, row and column. The table's migration is in
/// the database's one ordered list (`PanyaSchema`).
public final class LessonProgressStore: Sendable {
    let database: PanyaDatabase

    /// The progress kept in `database`.
    public init(_ database: PanyaDatabase) {
        self.database = database
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
