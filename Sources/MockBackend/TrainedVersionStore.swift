import GRDB
import PanyaStore

/// The simulator's trained versions in panya's database (`trainedVersion`), read and written as
/// ``TrainedVersion``s. Every call reads or writes the database, so two shells on one store see
/// the same versions; a trained model is data, so re-opening panya detects with the same
/// numbers. The projects and datasets are the workbench's tables; the table's migrations are in
/// the database's one ordered list (`PanyaSchema`).
public final class TrainedVersionStore: Sendable {
    /// The database the table is in.
    public let database: PanyaDatabase

    /// The store over `database`.
    public init(_ database: PanyaDatabase) {
        self.database = database
    }

    /// Saves a trained (or failed) version.
    public func saveVersion(_ version: TrainedVersion) throws {
        try database.write { db in try version.upsert(db) }
    }

    /// Saves a new version unless its project has a version of that name (or that ARN) already,
    /// checked again in the same transaction: of two shells training at the same second, one
    /// saves and the other is told. False when the name was taken.
    public func insertVersion(_ version: TrainedVersion) throws -> Bool {
        try database.write { db in
            let taken = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM \(TrainedVersion.databaseTableName) WHERE (project = ? AND name = ?) OR arn = ?)",
                                          arguments: [version.project, version.name, version.arn]) ?? false
            if taken { return false }
            try version.insert(db)
            return true
        }
    }

    /// The trained versions of a project (every project's when nil), oldest first.
    public func versions(project: String? = nil) throws -> [TrainedVersion] {
        try database.read { db in
            let table = TrainedVersion.databaseTableName
            if let project {
                return try TrainedVersion.fetchAll(db.cachedStatement(sql: "SELECT \(Self.lightColumns) FROM \(table) WHERE project = ? ORDER BY createdSeconds, arn"),
                                                         arguments: [project])
            }
            return try TrainedVersion.fetchAll(db.cachedStatement(sql: "SELECT \(Self.lightColumns) FROM \(table) ORDER BY createdSeconds, arn"))
        }
    }

    /// The trained version with this ARN, if any, without its model and test results (the large
    /// columns, nil here: read by ``versionWithResults(arn:)`` where they are needed). Every
    /// describe, start, stop, bill and detect asks this, so it reads the small columns only.
    public func version(arn: String) throws -> TrainedVersion? {
        try database.read { db in
            try TrainedVersion.fetchOne(db.cachedStatement(sql: "SELECT \(Self.lightColumns) FROM \(TrainedVersion.databaseTableName) WHERE arn = ?"),
                                              arguments: [arn])
        }
    }

    /// The trained version with this ARN whole: its model and test results too.
    public func versionWithResults(arn: String) throws -> TrainedVersion? {
        try database.read { db in
            try TrainedVersion.fetchOne(db.cachedStatement(sql: "SELECT * FROM \(TrainedVersion.databaseTableName) WHERE arn = ?"),
                                              arguments: [arn])
        }
    }

    /// Every column of a version but the model and the test results.
    static let lightColumns = "arn, project, name, createdSeconds, outcome, statusMessageEn, statusMessageJa, trainingSeconds, trainingImages, "
        + "testingImages, evaluationJSON, outputBucket, outputKeyPrefix"

    /// Removes a trained version (DeleteProjectVersion); false when there is none with this ARN.
    public func deleteVersion(arn: String) throws -> Bool {
        try database.write { db in try TrainedVersion.deleteOne(db, key: arn) }
    }
}
