import Foundation
import GRDB
import PanyaStore
import PanyaSupport
import PanyaTestSupport
import Testing
@testable import Register

@Suite struct RegisterStoreTests {
    @Test func migrationsAreRegisteredByName() throws {
        let db = try PanyaDatabase.inMemory()
        let applied = try db.appliedMigrations()
        #expect(applied.contains("v2-register"))
        #expect(applied.contains("v2-receipts"))
        #expect(applied.contains("v2-lesson-progress"))
    }

    @Test func linesPricesAndReceiptsSurviveARestart() throws {
        let folder = try TemporaryFolder(prefix: "panya-register")
        defer { folder.remove() }
        let path = folder.file("panya.sqlite")
        do {
            let register = try Register(database: try PanyaDatabase(path: path))
            try register.setPrice("カレーパン", yen: 200)
            try register.add(detections: breads3At75)
            _ = try register.checkout(at: Date(timeIntervalSince1970: 1_775_000_000))
            try register.add(label: "カレーパン", quantity: 2)
        }
        let reopened = try Register(database: try PanyaDatabase(path: path))
        #expect(try reopened.prices()["カレーパン"] == 200)
        #expect(try reopened.prices()["メロンパン"] == 180)
        #expect(try reopened.items() == [LineItem(name: "カレーパン", qty: 2, unitPrice: 200)])
        let receipts = try reopened.receipts()
        #expect(receipts.count == 1)
        #expect(receipts[0].number == 1)
        #expect(receipts[0].totals == RegisterTotal(subtotal: 550, taxRate: 8, tax: 44, total: 594))
        #expect(receipts[0].items.map(\.name) == ["焼きそばパン", "メロンパン", "あんぱん"])
        #expect(receipts[0].items.map(\.flag) == ["confirm", nil, "confirm"])
        #expect(receipts[0].time == Date(timeIntervalSince1970: 1_775_000_000))
    }

    @Test func sqliteBehavesLikeMemory() throws {
        let r = try Register(database: try PanyaDatabase.inMemory())
        #expect(throws: RegisterError.emptyCheckout) { try r.checkout(at: Date()) }
        try r.add(label: "メロンパン", quantity: 3)
        try r.add(label: "あんぱん")
        #expect(try r.remove(label: "メロンパン", quantity: 2).first?.qty == 1)
        #expect(try r.confirm(label: "メロンパン").count == 2)
        #expect(throws: RegisterError.notInRegister(label: "焼きそばパン")) { try r.remove(label: "焼きそばパン") }
        #expect(try r.total() == RegisterTotal(subtotal: 330, taxRate: 8, tax: 26, total: 356))
        #expect(throws: RegisterError.noPrice(label: "カレーパン")) { try r.add(label: "カレーパン") }
        try r.clear()
        #expect(try r.items().isEmpty)
    }

    @Test func twoDatabaseInstancesShareTheRegister() throws {
        let folder = try TemporaryFolder(prefix: "panya-register")
        defer { folder.remove() }
        let path = folder.file("panya.sqlite")
        let a = try Register(database: try PanyaDatabase(path: path))
        let b = try Register(database: try PanyaDatabase(path: path))
        try a.add(label: "あんぱん")
        try b.add(label: "あんぱん", quantity: 2)
        #expect(try a.items() == [LineItem(name: "あんぱん", qty: 3, unitPrice: 150)])
        let first = try b.checkout(at: Date())
        #expect(first.number == 1 && first.subtotal == 450)
        #expect(try a.items().isEmpty)
        try a.add(label: "メロンパン")
        #expect(try a.checkout(at: Date()).number == 2)
        #expect(try b.receipts().map(\.number) == [2, 1])
    }

    /// Two "processes" (two database connections) each adding and checking out in a loop: every
    /// bread lands on exactly one receipt and the receipt numbers are 1…N with no gaps.
    @Test func concurrentCheckoutsLoseNothing() throws {
        let folder = try TemporaryFolder(prefix: "panya-register")
        defer { folder.remove() }
        let path = folder.file("panya.sqlite")
        _ = try Register(database: try PanyaDatabase(path: path))
        let rounds = 40
        let errors = OutputCapture()
        let group = DispatchGroup()
        for worker in 0..<2 {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    let register = try Register(database: try PanyaDatabase(path: path, busyTimeout: 30))
                    for _ in 0..<rounds {
                        try register.add(label: worker == 0 ? "あんぱん" : "メロンパン")
                        do {
                            _ = try register.checkout(at: Date())
                        } catch RegisterError.emptyCheckout {
                            // the other worker's checkout took our bread with its own: that is fine
                        }
                    }
                } catch {
                    errors.append("\(error)")
                }
            }.start()
        }
        group.wait()
        #expect(errors.entries.isEmpty)
        let register = try Register(database: try PanyaDatabase(path: path))
        let leftover = try register.items().reduce(0) { $0 + $1.qty }
        let receipts = try register.receipts()
        let sold = receipts.flatMap(\.items).reduce(0) { $0 + $1.qty }
        #expect(sold + leftover == 2 * rounds)
        #expect(receipts.map(\.number) == Array((1...receipts.count).reversed()))
        for receipt in receipts {
            #expect(receipt.subtotal == receipt.items.reduce(0) { $0 + $1.amount })
            #expect(receipt.total == receipt.subtotal + receipt.tax)
            #expect(!receipt.items.isEmpty)
        }
    }
}

/// The receipts' tables read back as `Receipt`s: old rows, the real time and offset, damaged rows.
@Suite struct RegisterStoreReceiptTests {
    /// A receipt saved before `v7-receipt-real-time` keeps its time and has no real time and no offset.
    @Test func anOldReceiptReadsBackWithoutTheRealTime() throws {
        let dir = try TemporaryFolder(prefix: "panya-receipt-tests")
        defer { dir.remove() }
        let path = dir.file("old.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try PanyaSchema.migrator.migrate(queue, upTo: "v6-schedule-fire-repeats")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO receipt (number, time, subtotal, tax_rate, tax, total) VALUES (1, 1775000000, 300, 8, 24, 324)")
                try db.execute(sql: "INSERT INTO receipt_item (receipt_number, position, name, qty, unit_price) VALUES (1, 1, 'あんぱん', 2, 150)")
            }
        }
        let database = try PanyaDatabase(path: path)
        #expect(try database.appliedMigrations().last == "v7-receipt-real-time")
        let old = try #require(try RegisterStore(database).receipts().first)
        #expect(old == Receipt(number: 1, time: Date(timeIntervalSince1970: 1_775_000_000), realTime: nil, offsetSeconds: nil,
                               items: [LineItem(name: "あんぱん", qty: 2, unitPrice: 150)],
                               totals: RegisterTotal(subtotal: 300, taxRate: 8, tax: 24, total: 324)))
    }

    @Test func aCheckoutKeepsTheRealTimeAndTheOffset() throws {
        let store = RegisterStore(try PanyaDatabase.inMemory(), register: "shell")
        try store.add([LineAddition(name: "メロンパン", qty: 1, unitPrice: 180, needsConfirmation: true)])
        let saved = try store.checkout(time: Date(timeIntervalSince1970: 1_775_000_000), realTime: Date(timeIntervalSince1970: 1_796_600_000.25),
                                       offsetSeconds: 9 * 3600) { _ in
            RegisterTotal(subtotal: 180, taxRate: 8, tax: 14, total: 194)
        }
        #expect(saved.realTime == Date(timeIntervalSince1970: 1_796_600_000.25))
        #expect(saved.items == [LineItem(name: "メロンパン", qty: 1, unitPrice: 180, needsConfirmation: true)])
        #expect(try store.receipts() == [saved])
        #expect(try store.lines().isEmpty)
    }

    /// An empty register checks out nothing: no receipt, no number used.
    @Test func anEmptyCheckoutWritesNothing() throws {
        let store = RegisterStore(try PanyaDatabase.inMemory(), register: "shell")
        #expect(throws: RegisterError.emptyCheckout) {
            try store.checkout(time: Date(timeIntervalSince1970: 0)) { _ in RegisterTotal(subtotal: 0, taxRate: 8, tax: 0, total: 0) }
        }
        #expect(try store.receipts().isEmpty)
    }

    @Test func anOffsetNoClockHasIsADamagedRow() throws {
        let database = try PanyaDatabase.inMemory()
        let store = RegisterStore(database, register: "shell")
        try store.add([LineAddition(name: "あんぱん", qty: 1, unitPrice: 150, needsConfirmation: false)])
        _ = try store.checkout(time: Date(timeIntervalSince1970: 0), realTime: Date(timeIntervalSince1970: 0), offsetSeconds: 0) { _ in
            RegisterTotal(subtotal: 150, taxRate: 8, tax: 12, total: 162)
        }
        try database.writer.write { db in try db.execute(sql: "UPDATE receipt SET offset_seconds = 999999") }
        let error = try #require(throws: StoreError.self) { try store.receipts() }
        #expect(error.message.en.contains("damaged database :memory:: table receipt, row number 1, column offset_seconds"))
    }
}
