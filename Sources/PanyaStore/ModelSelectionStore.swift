import GRDB

/// The current project and version a backend works with (`model use`), kept per backend.
public struct BackendSelection: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "mockSelection"
    /// Which backend this is for (`mock`, `aws` …).
    public var backend: String
    public var projectArn: String?
    public var versionArn: String?

    public init(backend: String, projectArn: String?, versionArn: String?) {
        self.backend = backend
        self.projectArn = projectArn
        self.versionArn = versionArn
    }
}

/// Which project and version each backend works with, in panya's database (`mockSelection`):
/// below every backend, so the session keeps its choice without knowing how it is stored.
public final class ModelSelectionStore: Sendable {
    let database: PanyaDatabase

    public init(_ database: PanyaDatabase) {
        self.database = database
    }

    /// The current project/version of `backend`, if one was chosen.
    public func selection(backend: String) throws -> BackendSelection? {
        try database.read { db in try BackendSelection.fetchOne(db, key: backend) }
    }

    /// Remembers the current project/version of a backend.
    public func setSelection(_ selection: BackendSelection) throws {
        try database.write { db in try selection.upsert(db) }
    }

    /// Forgets every backend's selection inside the caller's transaction.
    package static func forgetSelections(_ db: Database) throws {
        _ = try BackendSelection.deleteAll(db)
    }
}
