import GRDB

/// Projects, datasets, labels, boxes and trained versions made offline (`project create`,
/// `dataset …`, `boxes …`, `train`). Every call reads or writes the database, so two shells on
/// one store see the same projects; a trained model is data, so re-opening panya detects with
/// the same numbers.
public final class TrainingStore: Sendable {
    let database: PanyaDatabase

    /// The store over `database`.
    public init(_ database: PanyaDatabase) {
        self.database = database
    }

    /// Migration `v4-training`.
    static func createTables(_ db: Database) throws {
        try db.create(table: StoredTrainingProject.databaseTableName) { t in
            t.primaryKey("name", .text)
            t.column("arn", .text).notNull().unique()
            t.column("createdSeconds", .double).notNull()
        }
        try db.create(table: "trainingCurrentProject") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("project", .text).notNull()
        }
        try db.create(table: "trainingLabel") { t in
            t.column("project", .text).notNull().references(StoredTrainingProject.databaseTableName, onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("name", .text).notNull()
            t.primaryKey(["project", "name"])
        }
        try db.create(table: "trainingDataset") { t in
            t.column("project", .text).notNull().references(StoredTrainingProject.databaseTableName, onDelete: .cascade)
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
        try db.create(table: StoredTrainedVersion.databaseTableName) { t in
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
        try db.alter(table: StoredTrainedVersion.databaseTableName) { t in
            t.add(column: "outputBucket", .text)
            t.add(column: "outputKeyPrefix", .text)
        }
    }

    // MARK: Projects

    /// Every project, oldest first (then by name).
    public func projects() throws -> [StoredTrainingProject] {
        try database.read { db in
            try StoredTrainingProject.order(Column("createdSeconds"), Column("name")).fetchAll(db)
        }
    }

    /// The project of this name, if any.
    public func project(named name: String) throws -> StoredTrainingProject? {
        try database.read { db in try StoredTrainingProject.fetchOne(db, key: name) }
    }

    /// Saves a new project and makes it the current one; false when the name is taken.
    public func createProject(_ project: StoredTrainingProject) throws -> Bool {
        try database.write { db in
            if try StoredTrainingProject.fetchOne(db, key: project.name) != nil { return false }
            try project.insert(db)
            try Self.setCurrent(db, project.name)
            return true
        }
    }

    /// The project `dataset`, `boxes` and `train` work on (the last created or used).
    public func currentProject() throws -> String? {
        try database.read { db in try String.fetchOne(db, sql: "SELECT project FROM trainingCurrentProject WHERE id = 1") }
    }

    /// Makes `name` the current project.
    public func setCurrentProject(_ name: String) throws {
        try database.write { db in try Self.setCurrent(db, name) }
    }

    private static func setCurrent(_ db: Database, _ name: String) throws {
        try db.execute(sql: "INSERT INTO trainingCurrentProject (id, project) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET project = excluded.project",
                       arguments: [name])
    }

    // MARK: Labels

    /// The project's labels, in the order added.
    public func labels(project: String) throws -> [String] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM trainingLabel WHERE project = ? ORDER BY position", arguments: [project])
        }
    }

    /// Adds labels at the end (names already there are left as they are); returns the labels now.
    @discardableResult
    public func addLabels(project: String, _ names: [String]) throws -> [String] {
        try database.write { db in
            var position = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), -1) FROM trainingLabel WHERE project = ?", arguments: [project]) ?? -1
            for name in names {
                let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM trainingLabel WHERE project = ? AND name = ?)",
                                               arguments: [project, name]) ?? false
                if exists { continue }
                position += 1
                try db.execute(sql: "INSERT INTO trainingLabel (project, position, name) VALUES (?, ?, ?)", arguments: [project, position, name])
            }
            return try String.fetchAll(db, sql: "SELECT name FROM trainingLabel WHERE project = ? ORDER BY position", arguments: [project])
        }
    }

    /// Removes a label from the project and every box with that label from its photos (both
    /// datasets); nil when the project has no such label, else how many boxes went with it.
    public func removeLabel(project: String, _ name: String) throws -> Int? {
        try database.write { db in
            let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM trainingLabel WHERE project = ? AND name = ?)",
                                           arguments: [project, name]) ?? false
            guard exists else { return nil }
            let photoIds = "SELECT id FROM trainingPhoto WHERE project = ?"
            let boxes = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM trainingBox WHERE label = ? AND photoId IN (\(photoIds))",
                                         arguments: [name, project]) ?? 0
            try db.execute(sql: "DELETE FROM trainingBox WHERE label = ? AND photoId IN (\(photoIds))", arguments: [name, project])
            try db.execute(sql: "DELETE FROM trainingLabel WHERE project = ? AND name = ?", arguments: [project, name])
            return boxes
        }
    }

    // MARK: Datasets

    /// The datasets the project has (`train`, `test`), in that order.
    public func datasets(project: String) throws -> [String] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT kind FROM trainingDataset WHERE project = ? ORDER BY kind = 'test', kind", arguments: [project])
        }
    }

    /// Creates a dataset; false when the project has it already.
    public func createDataset(project: String, kind: String, createdSeconds: Double) throws -> Bool {
        try database.write { db in
            let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM trainingDataset WHERE project = ? AND kind = ?)",
                                           arguments: [project, kind]) ?? false
            if exists { return false }
            try db.execute(sql: "INSERT INTO trainingDataset (project, kind, createdSeconds) VALUES (?, ?, ?)",
                           arguments: [project, kind, createdSeconds])
            return true
        }
    }

    /// When the dataset was created (simulated seconds), nil when the project does not have it.
    public func datasetCreatedSeconds(project: String, kind: String) throws -> Double? {
        try database.read { db in
            try Double.fetchOne(db, sql: "SELECT createdSeconds FROM trainingDataset WHERE project = ? AND kind = ?", arguments: [project, kind])
        }
    }

    /// Deletes a dataset with its photos and boxes (DeleteDataset); false when it is not there.
    public func deleteDataset(project: String, kind: String) throws -> Bool {
        try database.write { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM trainingPhoto WHERE project = ? AND dataset = ?", arguments: [project, kind])
            for id in ids { try db.execute(sql: "DELETE FROM trainingBox WHERE photoId = ?", arguments: [id]) }
            try db.execute(sql: "DELETE FROM trainingPhoto WHERE project = ? AND dataset = ?", arguments: [project, kind])
            try db.execute(sql: "DELETE FROM trainingDataset WHERE project = ? AND kind = ?", arguments: [project, kind])
            return db.changesCount > 0
        }
    }

    /// Deletes a project with its labels and datasets (DeleteProject); false when it is not there.
    /// Its trained versions must have been deleted first (the caller checks).
    public func deleteProject(name: String) throws -> Bool {
        for kind in try datasets(project: name) { _ = try deleteDataset(project: name, kind: kind) }
        return try database.write { db in
            try db.execute(sql: "DELETE FROM trainingLabel WHERE project = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM trainingCurrentProject WHERE project = ?", arguments: [name])
            return try StoredTrainingProject.deleteOne(db, key: name)
        }
    }

    /// The dataset's photos with their boxes, in the order added.
    public func photos(project: String, dataset: String) throws -> [StoredTrainingPhoto] {
        try database.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, path, sha256, byteCount, format, width, height FROM trainingPhoto
                WHERE project = ? AND dataset = ? ORDER BY id
                """, arguments: [project, dataset])
            return try rows.map { row in
                let table = "trainingPhoto"
                let id: Int64 = try row.stored("id", of: table)
                return StoredTrainingPhoto(path: try row.stored("path", of: table), sha256: try row.stored("sha256", of: table),
                                           byteCount: try row.storedCount("byteCount", of: table, in: 0...Int.max),
                                           format: try row.stored("format", of: table),
                                           width: try row.storedCount("width", of: table, in: 1...Self.storedPhotoSide),
                                           height: try row.storedCount("height", of: table, in: 1...Self.storedPhotoSide),
                                           boxes: try Self.boxes(db, photoId: id))
            }
        }
    }

    /// The widest or tallest photo a stored row may describe, in pixels.
    public static let storedPhotoSide = 1_000_000

    private static func boxes(_ db: Database, photoId: Int64) throws -> [StoredTrainingBox] {
        try Row.fetchAll(db, sql: "SELECT photoId, position, label, left, top, width, height FROM trainingBox WHERE photoId = ? ORDER BY position",
                         arguments: [photoId]).map { row in
            let table = "trainingBox"
            // A box is in ratios of its photo; a little past the edges is kept as drawn.
            let ratios = -1.0...2.0
            return StoredTrainingBox(label: try row.stored("label", of: table),
                                     left: try row.storedNumber("left", of: table, in: ratios), top: try row.storedNumber("top", of: table, in: ratios),
                                     width: try row.storedNumber("width", of: table, in: 0...2), height: try row.storedNumber("height", of: table, in: 0...2))
        }
    }

    private static func photoId(_ db: Database, project: String, dataset: String, path: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM trainingPhoto WHERE project = ? AND dataset = ? AND path = ?",
                           arguments: [project, dataset, path])
    }

    /// Adds photos to a dataset in one transaction. A photo already there (same path) gets the new
    /// bytes' facts; its boxes are replaced by the new photo's when it has any, else kept.
    public func addPhotos(project: String, dataset: String, _ photos: [StoredTrainingPhoto]) throws {
        try database.write { db in
            for photo in photos {
                let id: Int64
                if let existing = try Self.photoId(db, project: project, dataset: dataset, path: photo.path) {
                    id = existing
                    try db.execute(sql: "UPDATE trainingPhoto SET sha256 = ?, byteCount = ?, format = ?, width = ?, height = ? WHERE id = ?",
                                   arguments: [photo.sha256, photo.byteCount, photo.format, photo.width, photo.height, id])
                    if photo.boxes.isEmpty { continue }
                    try db.execute(sql: "DELETE FROM trainingBox WHERE photoId = ?", arguments: [id])
                } else {
                    try db.execute(sql: """
                        INSERT INTO trainingPhoto (project, dataset, path, sha256, byteCount, format, width, height) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [project, dataset, photo.path, photo.sha256, photo.byteCount, photo.format, photo.width, photo.height])
                    id = db.lastInsertedRowID
                }
                for (position, box) in photo.boxes.enumerated() { try Self.insert(db, box, photoId: id, position: position) }
            }
        }
    }

    private static func insert(_ db: Database, _ box: StoredTrainingBox, photoId: Int64, position: Int) throws {
        try db.execute(sql: "INSERT INTO trainingBox (photoId, position, label, left, top, width, height) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [photoId, position, box.label, box.left, box.top, box.width, box.height])
    }

    /// Removes a photo (and its boxes) from a dataset; false when it is not there.
    public func removePhoto(project: String, dataset: String, path: String) throws -> Bool {
        try database.write { db in
            guard let id = try Self.photoId(db, project: project, dataset: dataset, path: path) else { return false }
            try db.execute(sql: "DELETE FROM trainingBox WHERE photoId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM trainingPhoto WHERE id = ?", arguments: [id])
            return true
        }
    }

    /// Replaces the boxes of a photo of a dataset; false when the photo is not there.
    public func setBoxes(project: String, dataset: String, path: String, _ boxes: [StoredTrainingBox]) throws -> Bool {
        try database.write { db in
            guard let id = try Self.photoId(db, project: project, dataset: dataset, path: path) else { return false }
            try db.execute(sql: "DELETE FROM trainingBox WHERE photoId = ?", arguments: [id])
            for (position, box) in boxes.enumerated() { try Self.insert(db, box, photoId: id, position: position) }
            return true
        }
    }

    // MARK: Versions

    /// Saves a trained (or failed) version.
    public func saveVersion(_ version: StoredTrainedVersion) throws {
        try database.write { db in try version.upsert(db) }
    }

    /// Saves a new version unless its project has a version of that name (or that ARN) already,
    /// checked again in the same transaction: of two shells training at the same second, one
    /// saves and the other is told. False when the name was taken.
    public func insertVersion(_ version: StoredTrainedVersion) throws -> Bool {
        try database.write { db in
            let taken = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM \(StoredTrainedVersion.databaseTableName) WHERE (project = ? AND name = ?) OR arn = ?)",
                                          arguments: [version.project, version.name, version.arn]) ?? false
            if taken { return false }
            try version.insert(db)
            return true
        }
    }

    /// The trained versions of a project (every project's when nil), oldest first.
    public func versions(project: String? = nil) throws -> [StoredTrainedVersion] {
        try database.read { db in
            let table = StoredTrainedVersion.databaseTableName
            if let project {
                return try StoredTrainedVersion.fetchAll(db.cachedStatement(sql: "SELECT \(Self.lightColumns) FROM \(table) WHERE project = ? ORDER BY createdSeconds, arn"),
                                                         arguments: [project])
            }
            return try StoredTrainedVersion.fetchAll(db.cachedStatement(sql: "SELECT \(Self.lightColumns) FROM \(table) ORDER BY createdSeconds, arn"))
        }
    }

    /// The trained version with this ARN, if any, without its model and test results (the large
    /// columns, nil here: read by ``versionWithResults(arn:)`` where they are needed). Every
    /// describe, start, stop, bill and detect asks this, so it reads the small columns only.
    public func version(arn: String) throws -> StoredTrainedVersion? {
        try database.read { db in
            try StoredTrainedVersion.fetchOne(db.cachedStatement(sql: "SELECT \(Self.lightColumns) FROM \(StoredTrainedVersion.databaseTableName) WHERE arn = ?"),
                                              arguments: [arn])
        }
    }

    /// The trained version with this ARN whole: its model and test results too.
    public func versionWithResults(arn: String) throws -> StoredTrainedVersion? {
        try database.read { db in
            try StoredTrainedVersion.fetchOne(db.cachedStatement(sql: "SELECT * FROM \(StoredTrainedVersion.databaseTableName) WHERE arn = ?"),
                                              arguments: [arn])
        }
    }

    /// Every column of a version but the model and the test results.
    static let lightColumns = "arn, project, name, createdSeconds, outcome, statusMessageEn, statusMessageJa, trainingSeconds, trainingImages, "
        + "testingImages, evaluationJSON, outputBucket, outputKeyPrefix"

    /// Removes a trained version (DeleteProjectVersion); false when there is none with this ARN.
    public func deleteVersion(arn: String) throws -> Bool {
        try database.write { db in try StoredTrainedVersion.deleteOne(db, key: arn) }
    }
}
