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
