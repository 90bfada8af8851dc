import Foundation
import GRDB
import Lessons
import MockBackend
import PanyaTestSupport
import Register
import Testing
@testable import PanyaStore

/// A small deterministic random source (SplitMix64): the same seed flips the same bytes everywhere.
struct SeededBytes {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A database with a register line, a receipt, a price, a setting, lesson progress and a clock.
func populatedDatabase(at path: String) throws {
    let database = try PanyaDatabase(path: path)
    let register = RegisterStore(database, register: "shell")
    try register.seedPricesIfEmpty(PriceList([("あんぱん", 150), ("メロンパン", 180)]))
    try register.add([LineAddition(name: "あんぱん", qty: 2, unitPrice: 150, needsConfirmation: false)])
    _ = try register.checkout(time: Date(timeIntervalSince1970: 1_775_000_000)) { _ in
        RegisterTotal(subtotal: 300, taxRate: 8, tax: 24, total: 324)
    }
    try register.add([LineAddition(name: "メロンパン", qty: 1, unitPrice: 180, needsConfirmation: true)])
    try Settings(database).set("lang", "ja")
    try LessonProgressStore(database).save(LessonProgress(student: "hana", lesson: "01-ai-register", currentStep: 2, stepCount: 5,
                                                           tasksDone: 1, tasksSkipped: 0, quizzesRight: 1, tries: 1, finished: false,
                                                           updatedAt: 1_775_000_000))
    try SimulatedClockStore(database).setClock("2026-04-01T06:00:00+09:00")
}

/// Reads everything the stores hold (what a shell does over a session).
func readEverything(_ database: PanyaDatabase) throws {
    _ = try RegisterStore(database).receipts()
    _ = try RegisterStore(database, register: "shell").lines()
    _ = try RegisterStore(database, register: "shell").prices()
    _ = try Settings(database).all()
    _ = try LessonProgressStore(database).all(student: "hana")
    _ = try SimulatedClockStore(database).clock()
    _ = try MockStateStore(database).allVersionStates()
    _ = try MockStateStore(database).billing()
    _ = try RecordingIndexStore(database).entries(directory: "mock-responses")
}

@Suite struct DamagedDatabaseTests {
    /// The probe's trap: a column renamed by a byte flip was read with a subscript (`'try!' … column not found`).
    @Test(arguments: [("receipt", "tax_rate"), ("receipt_item", "unit_price"), ("register_item", "qty"),
                      ("register_price", "yen"), ("setting", "value"), ("lesson_progress", "tries")])
    func aMissingColumnIsADamagedStoreNotATrap(table: String, column: String) throws {
        let dir = try TemporaryFolder(prefix: "panya-store-tests")
        defer { dir.remove() }
        let path = dir.file("renamed.sqlite")
        try populatedDatabase(at: path)
        let database = try PanyaDatabase(path: path)
        try database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "ALTER TABLE \(table) RENAME COLUMN \(column) TO damaged")
        }
        let error = try #require(throws: StoreError.self) { try readEverything(database) }
        #expect(error.code == "DatabaseCorrupt")
        #expect(error.message.ja.contains("mv \(path) \(path).bak"))
        switch error.kind {
        case .corrupt:
            // A statement naming the column cannot even be prepared: the table itself is damaged.
            #expect(error.message.en == "the database \(path) is damaged or is not a panya database: move it aside (mv \(path) \(path).bak) and panya will start a new one")
        case .damagedRow(let damagedTable, _, let damagedColumn, _):
            // `SELECT *` read a row without the column.
            #expect(damagedTable == table)
            #expect(damagedColumn == column)
            #expect(error.message.en.hasPrefix("damaged database \(path): table \(table), row "))
            #expect(error.message.en.contains("column \(column): "))
            #expect(error.message.en.hasSuffix("move the file aside (mv \(path) \(path).bak) and panya will start a new one"))
        default:
            Issue.record("\(error.kind)")
        }
    }

    @Test func aValueOfTheWrongKindIsADamagedStore() throws {
        let dir = try TemporaryFolder(prefix: "panya-store-tests")
        defer { dir.remove() }
        let path = dir.file("kind.sqlite")
        try populatedDatabase(at: path)
        let database = try PanyaDatabase(path: path)
        try database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "UPDATE receipt SET total = 'many'")
        }
        let error = try #require(throws: StoreError.self) { try RegisterStore(database).receipts() }
        guard case .damagedRow(let table, _, let column, let problem) = error.kind else { Issue.record("\(error.kind)"); return }
        #expect(table == "receipt")
        #expect(column == "total")
        #expect(problem.contains("many"))
    }

    /// 16 random byte flips in a real database, 60 seeds (`PANYA_FUZZ_ITERATIONS` for more): opening
    /// and reading either works or throws a `StoreError`; nothing traps (a trap would end this test process).
    @Test func byteFlipsNeverTrap() throws {
        let seeds = Int(ProcessInfo.processInfo.environment["PANYA_FUZZ_ITERATIONS"] ?? "").map { max(1, $0) } ?? 60
        let dir = try TemporaryFolder(prefix: "panya-store-tests")
        defer { dir.remove() }
        let original = dir.file("original.sqlite")
        try populatedDatabase(at: original)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: original))
        var outcomes: [String: Int] = [:]
        for seed in UInt64(1)...UInt64(seeds) {
            var random = SeededBytes(state: seed)
            var damaged = bytes
            for _ in 0..<16 {
                let index = Int(random.next() % UInt64(damaged.count))
                damaged[index] ^= UInt8(1 << (random.next() % 8))
            }
            let path = dir.file("flipped.sqlite")
            for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            try damaged.write(to: URL(fileURLWithPath: path))
            do {
                try readEverything(try PanyaDatabase(path: path))
                outcomes["read", default: 0] += 1
            } catch let error as StoreError {
                #expect(error.message.en.contains(path))
                outcomes[error.code ?? "?", default: 0] += 1
            }
        }
        #expect(outcomes.values.reduce(0, +) == seeds)
        print("database fuzz: \(seeds) damaged files, outcomes \(outcomes.sorted { $0.key < $1.key })")
    }

    @Test(arguments: ["/dev/null", "", "/tmp"])
    func aPathThatIsNotAFileIsRefusedByName(path: String) throws {
        let error = try #require(throws: StoreError.self) { try PanyaDatabase(path: path) }
        #expect(error.kind == .notAFile(path))
        #expect(error.code == "DatabaseNotAFile")
        if path.isEmpty {
            #expect(error.message.en == "the database path is empty: give a file with --db PATH (or PANYA_DB), or --db :memory: to keep nothing")
        } else {
            #expect(error.message.en == "the database \(path) is not a regular file (a folder, a device or a pipe): give a file with --db PATH (or PANYA_DB), or --db :memory: to keep nothing")
        }
    }

    /// A `<db>.lock` held by another process (here another descriptor): a notice once, then a clear error.
    @Test func aHeldOpenLockIsWaitedForBoundedly() throws {
        let dir = try TemporaryFolder(prefix: "panya-store-tests")
        defer { dir.remove() }
        let path = dir.file("held.sqlite")
        let holder = open(path + ".lock", O_RDWR | O_CREAT, 0o644)
        #expect(holder >= 0)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX) == 0)
        let notices = OutputCapture()
        let start = Date()
        let error = try #require(throws: StoreError.self) {
            try PanyaDatabase(path: path, lockWait: LockWait(timeout: 0.4, noticeAfter: 0.1, notice: { notices.append($0.en) }))
        }
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(error.kind == .lockHeld(path + ".lock", seconds: 0))
        #expect(error.code == "DatabaseLocked")
        #expect(notices.entries == ["waiting for another panya to finish opening the database (\(path).lock); giving up after 0 seconds…"])
        flock(holder, LOCK_UN)
        _ = try PanyaDatabase(path: path, lockWait: LockWait(timeout: 0.4))
    }
}
