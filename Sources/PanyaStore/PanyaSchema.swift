import GRDB

/// Every migration of panya's database, in order: every module's, the ones of tables a module
/// owns too (the register's are in `RegisterMigrations`, the lessons' in `LessonMigrations`), so whoever opens the file gets all of
/// them. Migrations are append-only: never edit, rename or reorder one that has shipped; add a
/// new one at the end, one line each:
///
/// ```swift
/// migrator.registerMigration("v8-register-notes", migrate: RegisterMigrations.addNotes)
/// ```
public enum PanyaSchema {
    /// The migrator with every migration registered.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-settings", migrate: Settings.createTables)
        migrator.registerMigration("v1-mock-state", migrate: MockMigrations.createTables)
        migrator.registerMigration("v2-register", migrate: RegisterMigrations.createTables)
        migrator.registerMigration("v2-receipts", migrate: RegisterMigrations.createReceiptTables)
        migrator.registerMigration("v2-lesson-progress", migrate: LessonMigrations.createTables)
        migrator.registerMigration("v3-register-per-shell", migrate: RegisterMigrations.createPerShellTable)
        migrator.registerMigration("v3-recording-index", migrate: RecordingIndexMigrations.createTables)
        migrator.registerMigration("v4-schedules", migrate: ScheduleMigrations.createTables)
        migrator.registerMigration("v4-training", migrate: TrainingMigrations.createTables)
        migrator.registerMigration("v5-training-output", migrate: TrainingMigrations.addOutputColumns)
        migrator.registerMigration("v6-schedule-fire-repeats", migrate: ScheduleMigrations.addRepeatColumns)
        migrator.registerMigration("v7-receipt-real-time", migrate: RegisterMigrations.addReceiptRealTimeColumns)
        // Add new migrations here, below the others.
        return migrator
    }

    /// The names of all migrations, in order.
    public static var migrationNames: [String] { migrator.migrations }
}
