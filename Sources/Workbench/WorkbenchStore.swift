import CustomLabels
import GRDB
import PanyaStore

/// The workbench's tables in panya's database, read and written as the workbench's own types:
/// projects (`trainingProject`, as a `ProjectDescription`), the current project, labels, datasets
/// (by `DatasetKind`), photos (`TrainingPhoto`) and their boxes (`LabelledBox`). Every method is
/// one transaction, so two shells on one file see the same projects. A stored value panya never
/// writes is refused as a damaged row naming its table, row and column. The tables' migrations
/// are in the database's one ordered list (`PanyaSchema`).
public final class WorkbenchStore: Sendable {
    /// The database the tables are in.
    public let database: PanyaDatabase

    /// The store over `database`.
    public init(_ database: PanyaDatabase) {
        self.database = database
    }

    /// The widest or tallest photo a stored row may describe, in pixels.
    public static let storedPhotoSide = 1_000_000

    // MARK: Projects

    /// Every project, oldest first (then by name).
    public func projects() throws -> [ProjectDescription] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT name, arn, createdSeconds FROM trainingProject ORDER BY createdSeconds, name").map(Self.project)
        }
    }

    /// The project of this name, if any.
    public func project(named name: String) throws -> ProjectDescription? {
        try database.read { db in try Self.project(db, named: name) }
    }

    private static func project(_ db: Database, named name: String) throws -> ProjectDescription? {
        try Row.fetchOne(db, sql: "SELECT name, arn, createdSeconds FROM trainingProject WHERE name = ?", arguments: [name]).map(project)
    }

    /// A project row, checked; projects on the workbench are always `CREATED`.
    static func project(_ row: Row) throws -> ProjectDescription {
        let table = "trainingProject"
        return ProjectDescription(projectName: try row.stored("name", of: table), projectArn: try row.stored("arn", of: table),
                                  creationTimestamp: try row.storedSeconds("createdSeconds", of: table), status: "CREATED")
    }

    /// Saves a new project and makes it the current one; false when the name (or the ARN) is taken.
    public func createProject(name: String, arn: String, createdSeconds: Double) throws -> Bool {
        try database.write { db in
            let taken = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM trainingProject WHERE name = ?)", arguments: [name]) ?? false
            if taken { return false }
            try db.execute(sql: "INSERT INTO trainingProject (name, arn, createdSeconds) VALUES (?, ?, ?)", arguments: [name, arn, createdSeconds])
            try Self.setCurrent(db, name)
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

    /// Deletes a project with its labels and datasets (DeleteProject); false when it is not there.
    /// Its trained versions must have been deleted first (the caller checks).
    public func deleteProject(name: String) throws -> Bool {
        for kind in try datasets(project: name) { _ = try deleteDataset(project: name, kind: kind) }
        return try database.write { db in
            try db.execute(sql: "DELETE FROM trainingLabel WHERE project = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM trainingCurrentProject WHERE project = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM trainingProject WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
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

    /// The datasets the project has, training first.
    public func datasets(project: String) throws -> [DatasetKind] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT kind FROM trainingDataset WHERE project = ? ORDER BY kind = 'test', kind", arguments: [project])
                .compactMap(DatasetKind.init(rawValue:))
        }
    }

    /// Creates a dataset; false when the project has it already.
    public func createDataset(project: String, kind: DatasetKind, createdSeconds: Double) throws -> Bool {
        try database.write { db in
            let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM trainingDataset WHERE project = ? AND kind = ?)",
                                           arguments: [project, kind.rawValue]) ?? false
            if exists { return false }
            try db.execute(sql: "INSERT INTO trainingDataset (project, kind, createdSeconds) VALUES (?, ?, ?)",
                           arguments: [project, kind.rawValue, createdSeconds])
            return true
        }
    }

    /// When the dataset was created (simulated seconds), nil when the project does not have it.
    public func datasetCreatedSeconds(project: String, kind: DatasetKind) throws -> Double? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT project, kind, createdSeconds FROM trainingDataset WHERE project = ? AND kind = ?",
                             arguments: [project, kind.rawValue]).map { try $0.storedSeconds("createdSeconds", of: "trainingDataset") }
        }
    }

    /// Deletes a dataset with its photos and boxes (DeleteDataset); false when it is not there.
    public func deleteDataset(project: String, kind: DatasetKind) throws -> Bool {
        try database.write { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM trainingPhoto WHERE project = ? AND dataset = ?", arguments: [project, kind.rawValue])
            for id in ids { try db.execute(sql: "DELETE FROM trainingBox WHERE photoId = ?", arguments: [id]) }
            try db.execute(sql: "DELETE FROM trainingPhoto WHERE project = ? AND dataset = ?", arguments: [project, kind.rawValue])
            try db.execute(sql: "DELETE FROM trainingDataset WHERE project = ? AND kind = ?", arguments: [project, kind.rawValue])
            return db.changesCount > 0
        }
    }

    // MARK: Photos and boxes

    /// The dataset's photos with their boxes, in the order added.
    public func photos(project: String, kind: DatasetKind) throws -> [TrainingPhoto] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, path, sha256, byteCount, format, width, height FROM trainingPhoto
                WHERE project = ? AND dataset = ? ORDER BY id
                """, arguments: [project, kind.rawValue]).map { row in
                try Self.photo(row, boxes: try Self.boxes(db, photoId: try row.stored("id", of: "trainingPhoto")))
            }
        }
    }

    /// A photo row with its boxes, checked (a side past ``storedPhotoSide`` was edited).
    static func photo(_ row: Row, boxes: [LabelledBox]) throws -> TrainingPhoto {
        let table = "trainingPhoto"
        let format: String = try row.stored("format", of: table)
        return TrainingPhoto(name: try row.stored("path", of: table), sha256: try row.stored("sha256", of: table),
                             width: try row.storedCount("width", of: table, in: 1...storedPhotoSide),
                             height: try row.storedCount("height", of: table, in: 1...storedPhotoSide),
                             byteCount: try row.storedCount("byteCount", of: table, in: 0...Int.max),
                             format: format == "jpeg" ? .jpeg : format == "png" ? .png : .other(format), boxes: boxes)
    }

    /// How a photo's format is stored (`jpeg`, `png`, or the other format's name).
    static func formatText(_ format: TrainingPhoto.Format) -> String {
        switch format {
        case .jpeg: return "jpeg"
        case .png: return "png"
        case .other(let name): return name
        }
    }

    private static func boxes(_ db: Database, photoId: Int64) throws -> [LabelledBox] {
        try Row.fetchAll(db, sql: "SELECT photoId, position, label, left, top, width, height FROM trainingBox WHERE photoId = ? ORDER BY position",
                         arguments: [photoId]).map(box)
    }

    /// A box row, checked: a box is in ratios of its photo, a little past the edges kept as drawn.
    static func box(_ row: Row) throws -> LabelledBox {
        let table = "trainingBox"
        let ratios = -1.0...2.0
        return LabelledBox(label: try row.stored("label", of: table),
                           box: BoundingBox(width: try row.storedNumber("width", of: table, in: 0...2), height: try row.storedNumber("height", of: table, in: 0...2),
                                            left: try row.storedNumber("left", of: table, in: ratios), top: try row.storedNumber("top", of: table, in: ratios)))
    }

    private static func photoId(_ db: Database, project: String, kind: DatasetKind, path: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM trainingPhoto WHERE project = ? AND dataset = ? AND path = ?",
                           arguments: [project, kind.rawValue, path])
    }

    /// Adds photos to a dataset in one transaction. A photo already there (same path) gets the new
    /// bytes' facts; its boxes are replaced by the new photo's when it has any, else kept.
    public func addPhotos(project: String, kind: DatasetKind, _ photos: [TrainingPhoto]) throws {
        try database.write { db in
            for photo in photos {
                let id: Int64
                let format = Self.formatText(photo.format)
                if let existing = try Self.photoId(db, project: project, kind: kind, path: photo.name) {
                    id = existing
                    try db.execute(sql: "UPDATE trainingPhoto SET sha256 = ?, byteCount = ?, format = ?, width = ?, height = ? WHERE id = ?",
                                   arguments: [photo.sha256, photo.byteCount, format, photo.width, photo.height, id])
                    if photo.boxes.isEmpty { continue }
                    try db.execute(sql: "DELETE FROM trainingBox WHERE photoId = ?", arguments: [id])
                } else {
                    try db.execute(sql: """
                        INSERT INTO trainingPhoto (project, dataset, path, sha256, byteCount, format, width, height) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [project, kind.rawValue, photo.name, photo.sha256, photo.byteCount, format, photo.width, photo.height])
                    id = db.lastInsertedRowID
                }
                for (position, box) in photo.boxes.enumerated() { try Self.insert(db, box, photoId: id, position: position) }
            }
        }
    }

    private static func insert(_ db: Database, _ box: LabelledBox, photoId: Int64, position: Int) throws {
        try db.execute(sql: "INSERT INTO trainingBox (photoId, position, label, left, top, width, height) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [photoId, position, box.label, box.box.left, box.box.top, box.box.width, box.box.height])
    }

    /// Removes a photo (and its boxes) from a dataset; false when it is not there.
    public func removePhoto(project: String, kind: DatasetKind, path: String) throws -> Bool {
        try database.write { db in
            guard let id = try Self.photoId(db, project: project, kind: kind, path: path) else { return false }
            try db.execute(sql: "DELETE FROM trainingBox WHERE photoId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM trainingPhoto WHERE id = ?", arguments: [id])
            return true
        }
    }

    /// Replaces the boxes of a photo of a dataset; false when the photo is not there.
    public func setBoxes(project: String, kind: DatasetKind, path: String, _ boxes: [LabelledBox]) throws -> Bool {
        try database.write { db in
            guard let id = try Self.photoId(db, project: project, kind: kind, path: path) else { return false }
            try db.execute(sql: "DELETE FROM trainingBox WHERE photoId = ?", arguments: [id])
            for (position, box) in boxes.enumerated() { try Self.insert(db, box, photoId: id, position: position) }
            return true
        }
    }
}
