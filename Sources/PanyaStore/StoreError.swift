import Foundation
import GRDB
import PanyaSupport

/// Something went wrong with panya's database: says which file, what happened, and what
/// to do, in both languages.
public struct StoreError: UserFacingError, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The file or its folder cannot be written (permissions, read-only disk).
        case unwritable
        /// The file is not a database, or is damaged.
        case corrupt
        /// One stored row holds what panya never writes (edited or damaged): which table, which
        /// row (its key), which column, and what is wrong.
        case damagedRow(table: String, row: String, column: String, problem: String)
        /// The disk is full; the last change was rolled back, nothing earlier was lost.
        case diskFull
        /// Another program held the database longer than the busy timeout.
        case locked
        /// Another process held `<database>.lock` (the lock file named) for this many seconds.
        case lockHeld(String, seconds: Int)
        /// The folder for the database could not be created.
        case cannotCreateDirectory(String, reason: String)
        /// The path names something that is not a regular file (a folder, a device such as
        /// /dev/null, a pipe), or is empty.
        case notAFile(String)
        /// Something that should be a folder is a file.
        case notADirectory(String)
        /// The file was written by a newer panya (migrations this one does not know).
        case newerSchema(unknownMigrations: [String])
        /// Any other SQLite error, with SQLite's message.
        case other(String)
    }

    /// What panya was doing.
    public enum Operation: String, Sendable {
        case open, migrate, read, write
    }

    public var kind: Kind
    /// The database file.
    public var path: String
    public var operation: Operation?
    /// SQLite's extended result code, when the error came from SQLite.
    public var sqliteCode: Int32?

    public init(_ kind: Kind, path: String, operation: Operation? = nil, sqliteCode: Int32? = nil) {
        self.kind = kind
        self.path = path
        self.operation = operation
        self.sqliteCode = sqliteCode
    }

    /// Classifies an error thrown by GRDB/SQLite.
    public init(_ error: any Error, path: String, operation: Operation) {
        guard let error = error as? DatabaseError else {
            self.init(.other(String(describing: error)), path: path, operation: operation)
            return
        }
        let kind: Kind
        switch error.resultCode.primaryResultCode {
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            kind = .unwritable
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            kind = .corrupt
        case .SQLITE_ERROR where operation == .read || operation == .write:
            // panya's statements are fixed and the migrations made the schema they use, so a plain
            // SQL error once the file is open ("no such column", "no such table") is a damaged schema.
            kind = .corrupt
        case .SQLITE_FULL:
            kind = .diskFull
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            kind = .locked
        case .SQLITE_IOERR:
            kind = error.extendedResultCode == .SQLITE_IOERR_WRITE || error.extendedResultCode == .SQLITE_IOERR_FSYNC
                ? .diskFull : .other(error.message ?? "I/O error")
        default:
            kind = .other(error.message ?? error.description)
        }
        self.init(kind, path: path, operation: operation, sqliteCode: error.extendedResultCode.rawValue)
    }

    public var code: String? {
        switch kind {
        case .unwritable: return "DatabaseUnwritable"
        case .corrupt, .damagedRow: return "DatabaseCorrupt"
        case .diskFull: return "DiskFull"
        case .locked, .lockHeld: return "DatabaseLocked"
        case .cannotCreateDirectory, .notADirectory: return "DatabaseUnwritable"
        case .notAFile: return "DatabaseNotAFile"
        case .newerSchema: return "DatabaseTooNew"
        case .other: return "DatabaseError"
        }
    }

    public var message: Message { Catalog.storeError(kind, path: path) }

    public var description: String { message.en }
}
