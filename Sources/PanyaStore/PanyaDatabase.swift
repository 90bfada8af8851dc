import Foundation
import GRDB
import PanyaSupport

/// panya's SQLite database: one file shared by every shell on the machine (WAL, busy
/// timeout), or `:memory:` to keep nothing. Opening it applies the named, append-only
/// migrations of ``PanyaSchema``.
///
/// ```swift
/// let database = try PanyaDatabase(path: Paths.defaultDatabase())
/// let clock = SimulatedClockStore(database)
/// ```
public final class PanyaDatabase: Sendable {
    /// The special path that keeps everything in memory.
    public static let inMemoryPath = ":memory:"

    /// The file (or `:memory:`).
    public let path: String
    /// The GRDB writer, for repositories: one connection (a `DatabaseQueue`), in WAL mode for a file.
    public let writer: any DatabaseWriter

    /// How long a writer waits for another one before giving up (5 seconds by default).
    public static let defaultBusyTimeout: TimeInterval = 5

    /// Opens (creating it and its parent folders when needed) the database at `path`,
    /// or an in-memory one for `:memory:`, and migrates it.
    /// - Throws: ``StoreError`` (unwritable path, corrupt file, full disk, locked, lock held, too new).
    /// `lockWait` bounds the wait for another process that is opening the same file (``LockWait``).
    public init(path: String, busyTimeout: TimeInterval = PanyaDatabase.defaultBusyTimeout, lockWait: LockWait = LockWait()) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "panya"
        let setsUpLog = path != Self.inMemoryPath
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            if setsUpLog { try Self.useWriteAheadLog(db) }
        }
        // Held until the migrations are applied (released when `lock` goes out of scope).
        var lock: OpenLock? = nil
        do {
            if path == Self.inMemoryPath {
                writer = try DatabaseQueue(configuration: configuration)
            } else {
                try Self.checkIsRegularFileIfPresent(path)
                try Self.createParentDirectory(of: path)
                lock = try OpenLock(databasePath: path, wait: lockWait)
                writer = try DatabaseQueue(path: path, configuration: configuration)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, path: path, operation: .open)
        }
        try migrate()
        withExtendedLifetime(lock) {}
    }

    /// Readers never wait for a writer, and a writer waits for another (`busyTimeout`): the
    /// write-ahead log, kept in the file once set. A commit reaches the log without waiting for
    /// the disk (`synchronous = NORMAL`): a killed process loses nothing; a power cut may lose
    /// the last commits, never the file's consistency.
    ///
    /// Set on the one connection (GRDB's `DatabasePool` sets the same, and on opening also writes
    /// an empty table into the log and reads the log's size through Foundation's file attributes —
    /// what made it slow to open for a one-shot `panya detect`).
    private static func useWriteAheadLog(_ db: Database) throws {
        let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        guard mode == "wal" else {
            throw DatabaseError(message: "could not use the write-ahead log (journal mode \(mode ?? "unknown"))")
        }
        try db.execute(sql: "PRAGMA synchronous = NORMAL")
    }

    /// The database path: `--db PATH` (`flag`, even empty: opening then says it is empty), else a
    /// non-empty `PANYA_DB`, else `$XDG_DATA_HOME/panya/panya.sqlite` (`~/.local/share/panya/panya.sqlite`).
    public static func resolvePath(flag: String?, environment: [String: String] = ProcessEnvironment.current) -> String {
        if let flag { return flag }
        if let path = environment["PANYA_DB"], !path.isEmpty { return path }
        return Paths.defaultDatabase(environment: environment)
    }

    /// An in-memory database (nothing is kept).
    public static func inMemory() throws -> PanyaDatabase {
        try PanyaDatabase(path: inMemoryPath)
    }

    /// True for `:memory:`.
    public var isInMemory: Bool { path == Self.inMemoryPath }

    /// Applies the migrations not applied yet; refuses a file written by a newer panya.
    func migrate() throws {
        let migrator = PanyaSchema.migrator
        do {
            let superseded = try writer.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded {
                let applied = try writer.read { db in try migrator.appliedIdentifiers(db) }
                let known = Set(migrator.migrations)
                throw StoreError(.newerSchema(unknownMigrations: applied.subtracting(known).sorted()), path: path)
            }
            try migrator.migrate(writer)
        } catch let error as StoreError {
            throw error
        } catch is RowDecodingError {
            throw StoreError(.corrupt, path: path, operation: .migrate)
        } catch {
            throw StoreError(error, path: path, operation: .migrate)
        }
    }

    /// Names of the migrations applied to this database, in the order they were registered.
    public func appliedMigrations() throws -> [String] {
        try read { db in
            let applied = try PanyaSchema.migrator.appliedIdentifiers(db)
            return PanyaSchema.migrator.migrations.filter(applied.contains)
        }
    }

    /// Runs `updates` in a write transaction; SQLite errors become ``StoreError``.
    public func write<T>(_ updates: (Database) throws -> T) throws -> T {
        try storeErrors(.write) { try writer.write(updates) }
    }

    /// Runs `value` in a read transaction (one snapshot of the file); SQLite errors become
    /// ``StoreError``. Inside another read or a write on the same thread it joins that transaction
    /// instead of opening its own (see ``readingTogether(_:)``).
    public func read<T>(_ value: (Database) throws -> T) throws -> T {
        try storeErrors(.read) {
            try writer.unsafeReentrantRead { db in
                if db.isInsideTransaction { return try value(db) }
                try db.beginTransaction(.deferred)
                do {
                    let result = try value(db)
                    try db.commit()
                    return result
                } catch {
                    try? db.rollback()
                    throw error
                }
            }
        }
    }

    /// Runs `body`, turning SQLite's errors into ``StoreError`` for `operation`.
    private func storeErrors<T>(_ operation: StoreError.Operation, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError(error, path: path, operation: operation)
        } catch let error as RowDecodingError {
            // A row that cannot be read back (a column missing or of the wrong kind) means the file was damaged.
            throw damaged(DamagedRow(error), operation: operation)
        } catch let error as DamagedRow {
            throw damaged(error, operation: operation)
        }
    }

    /// The error for a damaged row of this file.
    func damaged(_ row: DamagedRow, operation: StoreError.Operation) -> StoreError {
        StoreError(.damagedRow(table: row.table, row: row.row, column: row.column, problem: row.problem), path: path, operation: operation)
    }

    /// Runs `body` in one read transaction that every store read it makes on this thread joins:
    /// they see one snapshot of the file and pay for one transaction, not one each (a detection
    /// reads the clock, the version's state and the trained versions). `body` must not write.
    public func readingTogether<T>(_ body: () throws -> T) throws -> T {
        try read { _ in try body() }
    }

    /// Where the file stands: equal stamps mean nothing was committed in between, by this
    /// opening or by any other process — what lets a caller keep what it read from the file.
    /// Inside ``readingTogether(_:)`` it describes that group's snapshot.
    public func changeStamp() throws -> ChangeStamp {
        // One statement, outside any transaction unless inside a group: it reads the log's header.
        // The connection's own changes are counted by SQLite itself, whatever path wrote them.
        try storeErrors(.read) {
            try writer.unsafeReentrantRead { db in
                ChangeStamp(otherConnections: try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0,
                            thisConnection: db.totalChangesCount)
            }
        }
    }

    /// Refuses a path that exists but is not a regular file (`--db /dev/null`, a folder, a pipe):
    /// SQLite would otherwise fail later with a misleading "disk full" or "cannot open".
    private static func checkIsRegularFileIfPresent(_ path: String) throws {
        guard !path.isEmpty else { throw StoreError(.notAFile(path), path: path) }
        // stat(2), following a symbolic link as SQLite will (FileManager's attributes also looked
        // up the owner's and group's names, a tenth of a millisecond of every start).
        var info = stat()
        guard stat(path, &info) == 0 else { return }   // absent or unreadable: opening says why
        if info.st_mode & S_IFMT != S_IFREG { throw StoreError(.notAFile(path), path: path) }
    }

    private static func createParentDirectory(of path: String) throws {
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { throw StoreError(.notADirectory(parent), path: path) }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw StoreError(.cannotCreateDirectory(parent, reason: (error as NSError).localizedDescription), path: path)
        }
    }
}

/// A moment in a database file's history (see ``PanyaDatabase/changeStamp()``).
public struct ChangeStamp: Sendable, Equatable {
    /// SQLite's `data_version` on this opening's connection: changes when another connection commits.
    let otherConnections: Int
    /// Rows this connection has inserted, updated or deleted since it opened (`sqlite3_total_changes`,
    /// triggers included): `data_version` does not count the connection's own commits.
    let thisConnection: Int
}
