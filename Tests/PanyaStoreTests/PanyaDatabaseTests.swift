import Foundation
import GRDB
import PanyaTestSupport
import Testing
@testable import PanyaStore

@Test func migratesATempFileAndReopens() throws {
    let dir = try TemporaryFolder(prefix: "panya-store-tests")
    defer { dir.remove() }
    let path = dir.file("nested/deeper/panya.sqlite")
    let first = try PanyaDatabase(path: path)
    #expect(try first.appliedMigrations() == ["v1-settings", "v1-mock-state", "v2-register", "v2-receipts", "v2-lesson-progress", "v3-register-per-shell", "v3-recording-index", "v4-schedules", "v4-training", "v5-training-output", "v6-schedule-fire-repeats", "v7-receipt-real-time"])
    #expect(try first.appliedMigrations() == PanyaSchema.migrationNames)
    try Settings(first).set("lang", "ja")
    let second = try PanyaDatabase(path: path)
    #expect(try Settings(second).value("lang") == "ja")
    let journal = try second.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
    #expect(journal == "wal")
}

/// A new file opened twice, as by two shells (remove the folder when done).
func twoOpenings() throws -> (TemporaryFolder, PanyaDatabase, PanyaDatabase) {
    let dir = try TemporaryFolder(prefix: "panya-store-tests")
    let path = dir.file("panya.sqlite")
    return (dir, try PanyaDatabase(path: path), try PanyaDatabase(path: path))
}

/// Two openings of one file (two shells, or a shell and `panya serve`) use it the same way: the
/// write-ahead log, commits not waiting for the disk, each seeing the other's writes.
@Test func twoOpeningsShareTheFileThroughTheLog() throws {
    let (dir, database, other) = try twoOpenings()
    defer { dir.remove() }
    for opened in [database, other] {
        #expect(try opened.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try opened.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 1)   // NORMAL
    }
    try Settings(database).set("lang", "en")
    #expect(try Settings(other).value("lang") == "en")
    try Settings(other).set("lang", "ja")
    #expect(try Settings(database).value("lang") == "ja")
}

/// Reads made inside `readingTogether` share its one transaction: they all see the file as it was
/// when the block began, even after another opening of the file commits a change.
@Test func readsTogetherSeeOneSnapshot() throws {
    let (dir, database, other) = try twoOpenings()
    defer { dir.remove() }
    try Settings(database).set("lang", "en")
    let (before, during) = try database.readingTogether {
        let before = try Settings(database).value("lang")
        try Settings(other).set("lang", "ja")
        return (before, try Settings(database).value("lang"))
    }
    #expect(before == "en")
    #expect(during == "en")
    #expect(try Settings(database).value("lang") == "ja")
}

/// A change stamp stays while nothing is committed, and moves with a commit through this
/// opening or through another one (SQLite's `data_version` alone misses the connection's own).
@Test func theChangeStampMovesWithEveryCommit() throws {
    let (dir, database, other) = try twoOpenings()
    defer { dir.remove() }
    let first = try database.changeStamp()
    _ = try Settings(database).value("lang")
    #expect(try database.changeStamp() == first)
    try Settings(database).set("lang", "en")
    let second = try database.changeStamp()
    #expect(second != first)
    try Settings(other).set("lang", "ja")
    let third = try database.changeStamp()
    #expect(third != second)
    // Counted by SQLite on the connection: a write that does not go through `write` moves it too.
    try database.writer.writeWithoutTransaction { db in try db.execute(sql: "DELETE FROM setting") }
    #expect(try database.changeStamp() != third)
    // Inside a group, the stamp describes the group's snapshot.
    let (before, after) = try database.readingTogether {
        let before = try database.changeStamp()
        try Settings(other).set("lang", "en")
        return (before, try database.changeStamp())
    }
    #expect(before == after)
    #expect(try database.changeStamp() != after)
}

/// A read inside a write (same thread, same opening) joins the write's transaction and sees what
/// it wrote so far, where GRDB's own read would stop the process as a re-entrant access.
@Test func aReadInsideAWriteSeesTheWrite() throws {
    let database = try PanyaDatabase.inMemory()
    let seen = try database.write { db -> String? in
        try db.execute(sql: "INSERT INTO setting (key, value) VALUES ('lang', 'ja')")
        return try Settings(database).value("lang")
    }
    #expect(seen == "ja")
}

/// Opening a database that is up to date writes nothing: a one-shot command that only reads
/// leaves the log empty (GRDB's pool wrote a table into it on every open).
@Test func openingOneConnectionWritesNothing() throws {
    let dir = try TemporaryFolder(prefix: "panya-store-tests")
    defer { dir.remove() }
    let path = dir.file("panya.sqlite")
    do { _ = try PanyaDatabase(path: path) }   // created and migrated; closing empties the log
    let database = try PanyaDatabase(path: path)
    _ = try Settings(database).value("lang")
    let log = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
    #expect(log == 0)
}

@Test func inMemoryKeepsNothing() throws {
    let a = try PanyaDatabase.inMemory()
    try Settings(a).set("x", "1")
    #expect(try Settings(a).value("x") == "1")
    #expect(a.isInMemory)
    let b = try PanyaDatabase(path: ":memory:")
    #expect(try Settings(b).value("x") == nil)
}

@Test func twoInstancesWritingAtOnceLoseNothing() async throws {
    let dir = try TemporaryFolder(prefix: "panya-store-tests")
    defer { dir.remove() }
    let path = dir.file("shared.sqlite")
    let a = try PanyaDatabase(path: path)
    let b = try PanyaDatabase(path: path)
    let perWriter = 200
    try await withThrowingTaskGroup(of: Void.self) { group in
        for (name, database) in [("a", a), ("b", b)] {
            group.addTask {
                let settings = Settings(database)
                for i in 0..<perWriter { try settings.set("\(name)\(i)", "\(i)") }
            }
        }
        try await group.waitForAll()
    }
    #expect(try Settings(a).all().count == 2 * perWriter)
    #expect(try Settings(b).all().count == 2 * perWriter)
}

@Test func corruptFileIsNamed() throws {
    let dir = try TemporaryFolder(prefix: "panya-store-tests")
    defer { dir.remove() }
    let path = dir.file("broken.sqlite")
    try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
    let error = try #require(throws: StoreError.self) { try PanyaDatabase(path: path) }
    #expect(error.kind == .corrupt)
    #expect(error.message.en.contains(path))
    #expect(error.message.ja.contains("壊れて"))
}

@Test func unwritablePlaces() throws {
    let dir = try TemporaryFolder(prefix: "panya-store-tests")
    defer { dir.remove() }
    let file = dir.file("plain")
    try Data("x".utf8).write(to: URL(fileURLWithPath: file))
    let underFile = try #require(throws: StoreError.self) { try PanyaDatabase(path: file + "/panya.sqlite") }
    #expect(underFile.kind == .notADirectory(file))
    let directory = try #require(throws: StoreError.self) { try PanyaDatabase(path: dir.path) }
    #expect(directory.kind == .notAFile(dir.path))
}

@Test func aLinkToADatabaseFileIsFollowed() throws {
    let dir = try TemporaryFolder(prefix: "panya-store-tests")
    defer { dir.remove() }
    _ = try PanyaDatabase(path: dir.file("real.sqlite"))
    try FileManager.default.createSymbolicLink(atPath: dir.file("link.sqlite"), withDestinationPath: dir.file("real.sqlite"))
    _ = try PanyaDatabase(path: dir.file("link.sqlite"))
    try FileManager.default.createSymbolicLink(atPath: dir.file("folder-link"), withDestinationPath: dir.path)
    let folder = try #require(throws: StoreError.self) { try PanyaDatabase(path: dir.file("folder-link")) }
    #expect(folder.kind == .notAFile(dir.file("folder-link")))
}

@Test func diskFullSaysNothingWasLost() throws {
    let dir = try TemporaryFolder(prefix: "panya-store-tests")
    defer { dir.remove() }
    let database = try PanyaDatabase(path: dir.file("small.sqlite"))
    let settings = Settings(database)
    try settings.set("kept", "yes")
    let pages = try database.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") } ?? 1
    try database.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = \(pages + 1)") }
    let big = String(repeating: "パン", count: 20_000)
    let error = try #require(throws: StoreError.self) {
        for i in 0..<50 { try settings.set("big\(i)", big) }
    }
    #expect(error.kind == .diskFull)
    #expect(error.message.en.contains("nothing saved before was lost"))
    #expect(try settings.value("kept") == "yes")
}

@Test func lockedAfterTheBusyTimeout() throws {
    let dir = try TemporaryFolder(prefix: "panya-store-tests")
    defer { dir.remove() }
    let path = dir.file("locked.sqlite")
    let holder = try PanyaDatabase(path: path)
    let waiter = try PanyaDatabase(path: path, busyTimeout: 0.1)
    try holder.writer.writeWithoutTransaction { db in
        try db.execute(sql: "BEGIN EXCLUSIVE TRANSACTION")
        defer { try? db.execute(sql: "ROLLBACK") }
        let error = try #require(throws: StoreError.self) { try Settings(waiter).set("k", "v") }
        #expect(error.kind == .locked)
    }
}

@Test func newerDatabaseIsRefused() throws {
    let dir = try TemporaryFolder(prefix: "panya-store-tests")
    defer { dir.remove() }
    let path = dir.file("newer.sqlite")
    let database = try PanyaDatabase(path: path)
    try database.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')") }
    let error = try #require(throws: StoreError.self) { try PanyaDatabase(path: path) }
    #expect(error.kind == .newerSchema(unknownMigrations: ["v9-from-the-future"]))
}

@Test func pathFollowsFlagThenEnvironment() {
    #expect(PanyaDatabase.resolvePath(flag: ":memory:", environment: ["PANYA_DB": "/x.sqlite"]) == ":memory:")
    #expect(PanyaDatabase.resolvePath(flag: "", environment: ["PANYA_DB": "/x.sqlite"]) == "")
    #expect(PanyaDatabase.resolvePath(flag: nil, environment: ["PANYA_DB": "/x.sqlite"]) == "/x.sqlite")
    #expect(PanyaDatabase.resolvePath(flag: nil, environment: ["HOME": "/home/k"]) == "/home/k/.local/share/panya/panya.sqlite")
    #expect(PanyaDatabase.resolvePath(flag: nil, environment: ["XDG_DATA_HOME": "/d"]) == "/d/panya/panya.sqlite")
}

/// Two shells started at the same instant on a brand-new file: one creates the tables, the
/// others wait for it and find them (without the open lock about half of such races failed).
@Test func shellsOpeningABrandNewFileAtOnceAllSucceed() throws {
    let dir = try TemporaryFolder(prefix: "panya-store-tests")
    defer { dir.remove() }
    for round in 0..<12 {
        let path = dir.file("race-\(round).sqlite")
        let failures = FailureCount()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                let db = try PanyaDatabase(path: path)
                _ = try db.appliedMigrations()
            } catch {
                failures.add(String(describing: error))
            }
        }
        #expect(failures.messages.isEmpty, "round \(round): \(failures.messages)")
        #expect(try PanyaDatabase(path: path).appliedMigrations() == PanyaSchema.migrationNames)
    }
}

final class FailureCount: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ message: String) { lock.lock(); list.append(message); lock.unlock() }
    var messages: [String] { lock.lock(); defer { lock.unlock() }; return list }
}
