import GRDB

/// The recordings index's migration: the history of its tables, frozen as it shipped
/// (append-only; never edit). The tables are read and written by the `MockBackend` module's
/// `RecordingIndexStore`; the list in ``PanyaSchema`` names this.
enum RecordingIndexMigrations {
    /// Migration `v3-recording-index`: the entries, and per folder the modification time of its
    /// `detections/` when the entries were last compared with every file.
    static func createTables(_ db: Database) throws {
        try db.create(table: "recordingIndex") { t in
            t.column("directory", .text).notNull()
            t.column("file", .text).notNull()
            t.column("modifiedNanoseconds", .integer).notNull()
            t.column("size", .integer).notNull()
            t.column("sha256", .text)
            t.column("versionArn", .text)
            t.primaryKey(["directory", "file"])
        }
        try db.create(index: "recordingIndexByPhoto", on: "recordingIndex", columns: ["directory", "sha256", "versionArn"])
        try db.create(table: "recordingFolder") { t in
            t.primaryKey("directory", .text)
            t.column("modifiedNanoseconds", .integer).notNull()
        }
    }
}
