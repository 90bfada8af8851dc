import GRDB

/// The training tables' migrations: the history of their tables, frozen as they shipped
/// (append-only; never edit). The tables are read and written by the modules that own them: the
/// workbench's (`trainingProject`, `trainingCurrentProject`, `trainingLabel`, `trainingDataset`,
/// `trainingPhoto`, `trainingBox`) by the `Workbench` module's `WorkbenchStore`, the trained
/// versions (`trainedVersion`) by the simulator's; the list in ``PanyaSchema`` names these.
enum TrainingMigrations {
    /// Migration `v4-training`: projects, the current project, labels, datasets, photos, boxes
    /// and trained versions.
    static func createTables(_ db: Database) throws {
        try db.create(table: "trainingProject") { t in
            t.primaryKey("name", .text)
            t.column("arn", .text).notNull().unique()
            t.column("createdSeconds", .double).notNull()
        }
        try db.create(table: "trainingCurrentProject") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("project", .text).notNull()
        }
        try db.create(table: "trainingLabel") { t in
            t.column("project", .text).notNull().references("trainingProject", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("name", .text).notNull()
            t.primaryKey(["project", "name"])
        }
        try db.create(table: "trainingDataset") { t in
            t.column("project", .text).notNull().references("trainingProject", onDelete: .cascade)
            t.column("kind", .text).notNull()
            t.column("createdSeconds", .double).notNull()
            t.primaryKey(["project", "kind"])
        }
        try db.create(table: "trainingPhoto") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("project", .text).notNull()
            t.column("dataset", .text).notNull()
            t.column("path", .text).notNull()
            t.column("sha256", .text).notNull()
            t.column("byteCount", .integer).notNull()
            t.column("format", .text).notNull()
            t.column("width", .integer).notNull()
            t.column("height", .integer).notNull()
            t.foreignKey(["project", "dataset"], references: "trainingDataset", onDelete: .cascade)
            t.uniqueKey(["project", "dataset", "path"])
        }
        try db.create(table: "trainingBox") { t in
            t.column("photoId", .integer).notNull().references("trainingPhoto", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("label", .text).notNull()
            t.column("left", .double).notNull()
            t.column("top", .double).notNull()
            t.column("width", .double).notNull()
            t.column("height", .double).notNull()
            t.primaryKey(["photoId", "position"])
        }
        try db.create(table: "trainedVersion") { t in
            t.primaryKey("arn", .text)
            t.column("project", .text).notNull().indexed()
            t.column("name", .text).notNull()
            t.column("createdSeconds", .double).notNull()
            t.column("outcome", .text).notNull()
            t.column("statusMessageEn", .text)
            t.column("statusMessageJa", .text)
            t.column("trainingSeconds", .integer).notNull()
            t.column("trainingImages", .integer).notNull()
            t.column("testingImages", .integer).notNull()
            t.column("modelJSON", .text)
            t.column("evaluationJSON", .text)
            t.column("testResultsJSON", .text)
        }
    }

    /// Migration `v5-training-output`: where CreateProjectVersion writes a version's results.
    static func addOutputColumns(_ db: Database) throws {
        try db.alter(table: "trainedVersion") { t in
            t.add(column: "outputBucket", .text)
            t.add(column: "outputKeyPrefix", .text)
        }
    }
}
