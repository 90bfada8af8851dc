import CustomLabels
import GRDB
import PanyaStore

/// One billed stretch: a version running with `units` from `runningFrom` until `runningUntil`
/// (nil while still running). Simulated seconds since 1970.
public struct MockBillingEntry: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "mockBilling"
    public var id: Int64?
    public var versionArn: String
    public var units: Int
    public var runningFrom: Double
    public var runningUntil: Double?

    public init(id: Int64? = nil, versionArn: String, units: Int, runningFrom: Double, runningUntil: Double?) {
        self.id = id
        self.versionArn = versionArn
        self.units = units
        self.runningFrom = runningFrom
        self.runningUntil = runningUntil
    }

    /// A stored stretch, checked (``StoredLimits/inferenceUnits``, times panya stores).
    public init(row: Row) throws {
        let table = Self.databaseTableName
        id = try row.storedIfPresent("id", of: table)
        versionArn = try row.stored("versionArn", of: table)
        units = try row.storedCount("units", of: table, in: StoredLimits.inferenceUnits)
        runningFrom = try row.storedSeconds("runningFrom", of: table)
        runningUntil = try row.storedSecondsIfPresent("runningUntil", of: table)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The stretch as the bill's calculations take it.
    public var stretch: RunningStretch {
        RunningStretch(versionArn: versionArn, units: units, from: runningFrom, until: runningUntil)
    }
}
