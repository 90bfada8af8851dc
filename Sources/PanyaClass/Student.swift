import Foundation
import GRDB

/// One student of the class: the roster's row. The name is unique in the class; the session
/// token is kept as its digest; the latest tray, total, error and code check are what the
/// teacher's view shows.
public struct Student: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "student"

    public var id: Int64?
    /// The name the student typed (shown as text, never as markup).
    public var name: String
    /// SHA-256 of the session token of the device the student joined on (nil: released by the teacher).
    public var tokenDigest: String?
    /// The token forms and scripts send back with every change (X-Panya-CSRF).
    public var csrfToken: String
    /// Seconds since 1970 of the join.
    public var joinedAt: Double
    /// Seconds since 1970 of the last request.
    public var lastSeenAt: Double
    /// The latest photo's number in the student's folder (nil before the first upload).
    public var latestPhoto: Int?
    /// The breads the latest photo kept (JSON list of {name, confidence}).
    public var latestLabels: String?
    /// The register's total with tax after the latest change.
    public var latestTotal: Int?
    /// The student's last error, as they saw it.
    public var lastError: String?
    /// Whether the student's own total function agreed with the register the last time it ran.
    public var codeAgrees: Bool?
    /// Breads seen across uploads (JSON map label → count).
    public var breadsSeen: String
    /// Breads held back by their threshold across uploads (JSON map label → count).
    public var breadsMissed: String
    /// The number of photos the student sent.
    public var photoCount: Int

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The folder name of the student under the class's data folder (`s<id>`): never the typed name.
    public var folderName: String { "s\(id ?? 0)" }
}

/// The roster's tables, in their own database beside the students' folders (append-only, named migrations).
enum ClassSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("class-v1-students") { db in
            try db.create(table: Student.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique()
                t.column("tokenDigest", .text).unique()
                t.column("csrfToken", .text).notNull()
                t.column("joinedAt", .double).notNull()
                t.column("lastSeenAt", .double).notNull()
                t.column("latestPhoto", .integer)
                t.column("latestLabels", .text)
                t.column("latestTotal", .integer)
                t.column("lastError", .text)
                t.column("codeAgrees", .boolean)
                t.column("breadsSeen", .text).notNull().defaults(to: "{}")
                t.column("breadsMissed", .text).notNull().defaults(to: "{}")
                t.column("photoCount", .integer).notNull().defaults(to: 0)
            }
        }
        migrator.registerMigration("class-v1-settings") { db in
            try db.create(table: "classSetting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
        }
        return migrator
    }
}
