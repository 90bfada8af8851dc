import GRDB

/// One detection recording file as the index last saw it: its size and modification time (to
/// notice a change without reading it) and the photo hash and version ARN it is about.
public struct RecordingIndexEntry: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "recordingIndex"
    /// The recordings folder, as the mock was given it.
    public var directory: String
    /// The file, relative to the folder (`detections/breads3.json`).
    public var file: String
    /// Modification time in nanoseconds since 1970.
    public var modifiedNanoseconds: Int64
    /// Size in bytes.
    public var size: Int64
    /// Lower-case hex SHA-256 of the photo, or nil when the file does not say (it is broken).
    public var sha256: String?
    /// The version ARN as written, or nil when the file does not say.
    public var versionArn: String?

    public init(directory: String, file: String, modifiedNanoseconds: Int64, size: Int64, sha256: String?, versionArn: String?) {
        self.directory = directory
        self.file = file
        self.modifiedNanoseconds = modifiedNanoseconds
        self.size = size
        self.sha256 = sha256
        self.versionArn = versionArn
    }
}

/// The mock's index of detection recordings (file → hash, version, size, time), so a shell finds
/// the recording of a photo without reading every file at start. The files stay the truth: the
/// mock compares sizes and times on each use and re-reads only what changed.
public final class RecordingIndexStore: Sendable {
    let database: PanyaDatabase

    public init(_ database: PanyaDatabase) {
        self.database = database
    }

    /// Migration `v3-recording-index`.
    static func createTables(_ db: Database) throws {
        try db.create(table: RecordingIndexEntry.databaseTableName) { t in
            t.column("directory", .text).notNull()
            t.column("file", .text).notNull()
            t.column("modifiedNanoseconds", .integer).notNull()
            t.column("size", .integer).notNull()
            t.column("sha256", .text)
            t.column("versionArn", .text)
            t.primaryKey(["directory", "file"])
        }
        try db.create(index: "recordingIndexByPhoto", on: RecordingIndexEntry.databaseTableName, columns: ["directory", "sha256", "versionArn"])
    }

    /// Every entry of one folder, by file name.
    public func entries(directory: String) throws -> [RecordingIndexEntry] {
        try database.read { db in
            try RecordingIndexEntry.filter(Column("directory") == directory).order(Column("file")).fetchAll(db)
        }
    }

    /// In one transaction: saves `changed` entries and forgets the `removed` files of `directory`.
    public func update(directory: String, changed: [RecordingIndexEntry], removed: [String]) throws {
        guard !changed.isEmpty || !removed.isEmpty else { return }
        try database.write { db in
            for file in removed {
                try RecordingIndexEntry.filter(Column("directory") == directory && Column("file") == file).deleteAll(db)
            }
            for entry in changed { try entry.upsert(db) }
        }
    }
}
