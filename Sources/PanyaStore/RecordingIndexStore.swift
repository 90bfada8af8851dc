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

    /// Migration `v3-recording-index`: the entries, and per folder the modification time of its
    /// `detections/` when the entries were last compared with every file.
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
        try db.create(table: "recordingFolder") { t in
            t.primaryKey("directory", .text)
            t.column("modifiedNanoseconds", .integer).notNull()
        }
    }

    private static let columns = "directory, file, modifiedNanoseconds, size, sha256, versionArn"

    /// Rows read by column name; a damaged row (a column missing or of the wrong kind) throws instead of trapping.
    private static func entries(_ db: Database, sql: String, arguments: StatementArguments) throws -> [RecordingIndexEntry] {
        // Cached statements: a detect reads the index on every call (`panya serve` under load).
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { row in
            RecordingIndexEntry(directory: try row.stored("directory", of: "recordingIndex"), file: try row.stored("file", of: "recordingIndex"),
                                modifiedNanoseconds: try row.stored("modifiedNanoseconds", of: "recordingIndex"), size: try row.stored("size", of: "recordingIndex"),
                                sha256: try row.stored("sha256", of: "recordingIndex"), versionArn: try row.stored("versionArn", of: "recordingIndex"))
        }
    }

    /// Every entry of one folder, by file name.
    public func entries(directory: String) throws -> [RecordingIndexEntry] {
        try database.read { db in
            try Self.entries(db, sql: "SELECT \(Self.columns) FROM recordingIndex WHERE directory = ? ORDER BY file", arguments: [directory])
        }
    }

    /// The database's moment (entries read at an equal stamp are still what the index holds).
    public func changeStamp() throws -> ChangeStamp {
        try database.changeStamp()
    }

    /// The entries of one folder about one photo and version, by file name; with the folder's
    /// stamp (see ``update(directory:changed:removed:folderStamp:)``), nil when never compared.
    public func entries(directory: String, sha256: String, versionArn: String) throws -> (entries: [RecordingIndexEntry], folderStamp: Int64?) {
        try database.read { db in
            let stamp = try Int64.fetchOne(db.cachedStatement(sql: "SELECT modifiedNanoseconds FROM recordingFolder WHERE directory = ?"),
                                           arguments: [directory])
            let entries = try Self.entries(db, sql: "SELECT \(Self.columns) FROM recordingIndex WHERE directory = ? AND sha256 = ? AND versionArn = ? ORDER BY file",
                                           arguments: [directory, sha256, versionArn])
            return (entries, stamp)
        }
    }

    /// In one transaction: saves `changed` entries, forgets the `removed` files of `directory`,
    /// and, when given, records `folderStamp`: the folder's modification time (ns) seen before
    /// every file was compared (nil leaves it as it is).
    public func update(directory: String, changed: [RecordingIndexEntry], removed: [String], folderStamp: Int64? = nil) throws {
        guard !changed.isEmpty || !removed.isEmpty || folderStamp != nil else { return }
        try database.write { db in
            for file in removed {
                try db.execute(sql: "DELETE FROM recordingIndex WHERE directory = ? AND file = ?", arguments: [directory, file])
            }
            for entry in changed { try entry.upsert(db) }
            if let folderStamp {
                try db.execute(sql: """
                    INSERT INTO recordingFolder (directory, modifiedNanoseconds) VALUES (?, ?)
                    ON CONFLICT(directory) DO UPDATE SET modifiedNanoseconds = excluded.modifiedNanoseconds
                    """, arguments: [directory, folderStamp])
            }
        }
    }

    /// The folder's stamp, nil when it was never compared file by file.
    public func folderStamp(directory: String) throws -> Int64? {
        try database.read { db in
            try Int64.fetchOne(db, sql: "SELECT modifiedNanoseconds FROM recordingFolder WHERE directory = ?", arguments: [directory])
        }
    }
}
