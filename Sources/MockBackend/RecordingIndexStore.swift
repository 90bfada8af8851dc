import GRDB
import PanyaStore

/// The mock's index of detection recordings (file → hash, version, size, time), so a shell finds
/// the recording of a photo without reading every file at start. The files stay the truth: the
/// mock compares sizes and times on each use and re-reads only what changed. The tables'
/// migration is in the database's one ordered list (`PanyaSchema`).
public final class RecordingIndexStore: Sendable {
    let database: PanyaDatabase

    public init(_ database: PanyaDatabase) {
        self.database = database
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
