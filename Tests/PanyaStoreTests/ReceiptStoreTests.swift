import Foundation
import GRDB
import PanyaTestSupport
import Testing
@testable import PanyaStore

@Suite struct ReceiptStoreTests {
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
        let old = try #require(try ReceiptStore(database).receipts().first)
        #expect(old == StoredReceipt(number: 1, time: 1_775_000_000, realTime: nil, offsetSeconds: nil,
                                     items: [StoredRegisterLine(name: "あんぱん", qty: 2, unitPrice: 150, confirm: false)],
                                     subtotal: 300, taxRate: 8, tax: 24, total: 324))
    }

    @Test func aCheckoutKeepsTheRealTimeAndTheOffset() throws {
        let database = try PanyaDatabase(path: ":memory:")
        let register = RegisterStore(database, register: "shell")
        try register.add([StoredRegisterLine(name: "メロンパン", qty: 1, unitPrice: 180, confirm: false)])
        let saved = try #require(try ReceiptStore(database).checkout(register: "shell", time: 1_775_000_000, realTime: 1_796_600_000.25,
                                                                     offsetSeconds: 9 * 3600) { _ in
            StoredTotals(subtotal: 180, taxRate: 8, tax: 14, total: 194)
        })
        #expect(saved.realTime == 1_796_600_000.25)
        #expect(try ReceiptStore(database).receipts() == [saved])
    }

    @Test func anOffsetNoClockHasIsADamagedRow() throws {
        let database = try PanyaDatabase(path: ":memory:")
        try RegisterStore(database, register: "shell").add([StoredRegisterLine(name: "あんぱん", qty: 1, unitPrice: 150, confirm: false)])
        _ = try ReceiptStore(database).checkout(register: "shell", time: 0, realTime: 0, offsetSeconds: 0) { _ in
            StoredTotals(subtotal: 150, taxRate: 8, tax: 12, total: 162)
        }
        try database.writer.write { db in try db.execute(sql: "UPDATE receipt SET offset_seconds = 999999") }
        let error = try #require(throws: StoreError.self) { try ReceiptStore(database).receipts() }
        #expect(error.message.en.contains("offset_seconds"))
    }
}
