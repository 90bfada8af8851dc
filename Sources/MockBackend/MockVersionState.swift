import GRDB
import PanyaStore

/// A model version's simulated status: what it is, since when (simulated seconds since 1970),
/// and how many inference units it was started with.
public struct MockVersionState: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "mockVersionState"
    public var versionArn: String
    /// A service status (`STARTING`, `RUNNING` …) as stored; derive the current one with the clock.
    public var status: String
    public var units: Int
    /// Simulated seconds since 1970 at which `status` began.
    public var statusSince: Double

    public init(versionArn: String, status: String, units: Int, statusSince: Double) {
        self.versionArn = versionArn
        self.status = status
        self.units = units
        self.statusSince = statusSince
    }

    /// A stored state, checked (``StoredLimits/inferenceUnits``, a time panya stores).
    public init(row: Row) throws {
        let table = Self.databaseTableName
        versionArn = try row.stored("versionArn", of: table)
        status = try row.stored("status", of: table)
        units = try row.storedCount("units", of: table, in: StoredLimits.inferenceUnits)
        statusSince = try row.storedSeconds("statusSince", of: table)
    }
}
