import GRDB

/// The lessons' migrations: the history of their table, frozen as it shipped (append-only; never
/// edit). The table itself is read and written by the `Lessons` module's `LessonProgressStore`;
/// the list in ``PanyaSchema`` names these.
enum LessonMigrations {
    /// Migration `v2-lesson-progress`: where each student is in each lesson.
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
}
