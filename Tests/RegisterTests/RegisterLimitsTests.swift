import Foundation
import PanyaStore
import PanyaSupport
import Testing
@testable import Register

/// Issue 12 item 4: sums that grow through ordinary commands are bounded, with checked arithmetic.
@Suite struct RegisterLimitsTests {
    func register(price: Int) throws -> Register {
        let register = try Register(database: PanyaDatabase.inMemory())
        try register.setPrice("あんぱん", yen: Double(price))
        return register
    }

    @Test func theSubtotalStopsAtItsLimitWithTheLimitNamed() throws {
        let register = try register(price: 1_000_000)
        try register.add(label: "あんぱん", quantity: 1_000_000)   // exactly ¥1,000,000,000,000
        #expect(try register.total(tax: .standard) == RegisterTotal(subtotal: 1_000_000_000_000, taxRate: 10, tax: 100_000_000_000, total: 1_100_000_000_000))
        let error = try #require(throws: RegisterError.self) { try register.add(label: "あんぱん", quantity: 1) }
        #expect(error == .subtotalTooLarge(limit: RegisterTotal.maxSubtotal))
        #expect(error.code == "SubtotalTooLarge")
        #expect(error.message.en == "the register cannot hold more than ¥1,000,000,000,000 before tax: check out or clear it first (register checkout, register clear)")
        #expect(error.message.ja == "レジには税抜き 1,000,000,000,000 円までしか入りません。先に会計するか空にしてください (register checkout、register clear)")
        #expect(try register.items() == [LineItem(name: "あんぱん", qty: 1_000_000, unitPrice: 1_000_000)])
        _ = try register.checkout(at: Date(timeIntervalSince1970: 0), tax: .standard)
        try register.add(label: "あんぱん", quantity: 1)
    }

    @Test func detectionsAreCheckedAllOrNothing() throws {
        let register = try register(price: 1_000_000)
        try register.add(label: "あんぱん", quantity: 1_000_000)
        #expect(throws: RegisterError.subtotalTooLarge(limit: RegisterTotal.maxSubtotal)) {
            try register.add(detections: [RegisterDetection(name: "あんぱん", confidence: 90, threshold: nil)])
        }
        #expect(try register.items().map(\.qty) == [1_000_000])
    }

    /// A line stored before the bound (the probe's 9,300 × 1,000,000 at ¥100,000,000) is refused, never a trap.
    @Test func hugeStoredLinesAreRefusedNotTrapped() throws {
        let items = [LineItem(name: "あんぱん", qty: 9_300_000_000, unitPrice: 100_000_000),
                     LineItem(name: "メロンパン", qty: Int.max, unitPrice: Int.max)]
        #expect(items[1].amount == Int.max)
        for rate in TaxRate.allCases {
            #expect(throws: RegisterError.subtotalTooLarge(limit: RegisterTotal.maxSubtotal)) {
                try RegisterTotal.compute(items: items, rate: rate)
            }
        }
        #expect(throws: RegisterError.subtotalTooLarge(limit: RegisterTotal.maxSubtotal)) {
            try RegisterTotal.compute(subtotal: Int.max)
        }
    }

    @Test func quantityAndPriceLimitsAreNamed() throws {
        let quantity = try #require(throws: RegisterError.self) { try Register.checkedQuantity(100_000_000) }
        #expect(quantity.message.en == "quantity must be a whole number from 1 to 1,000,000, not 100000000")
        #expect(quantity.message.ja == "個数は1から1,000,000までの整数にしてください (100000000 は使えません)")
        let price = try #require(throws: RegisterError.self) { try PriceList.validatedPrice(100_000_000, label: "あんぱん") }
        #expect(price.message.en == "the price of 'あんぱん' must be a whole number of yen from 0 to 1,000,000, not 100000000")
        #expect(try PriceList.validatedPrice(1_000_000, label: "あんぱん") == 1_000_000)
        #expect(try Register.checkedQuantity(1_000_000) == 1_000_000)
    }

    @Test func theBoundHoldsInTheSQLiteRegisterToo() throws {
        let register = try Register(database: try PanyaDatabase.inMemory())
        try register.setPrice("あんぱん", yen: 1_000_000)
        try register.add(label: "あんぱん", quantity: 600_000)
        #expect(throws: RegisterError.subtotalTooLarge(limit: RegisterTotal.maxSubtotal)) {
            try register.add(label: "あんぱん", quantity: 600_000)
        }
        #expect(try register.items().map(\.qty) == [600_000])
    }
}
