import Foundation
import PanyaStore
import PanyaSupport
import Testing
@testable import Register

/// breads3.jpg as the lesson's model sees it at --min-confidence 75 (docs/register.md).
let breads3At75: [RegisterDetection] = [
    RegisterDetection(name: "焼きそばパン", confidence: 90.44999694824219, threshold: 0.907),
    RegisterDetection(name: "メロンパン", confidence: 88.00399780273438, threshold: 0.862),
    RegisterDetection(name: "あんぱん", confidence: 77.53700256347656, threshold: 0.817),
]

@Suite struct TaxTests {
    @Test func breads3TakeOutIs594() throws {
        let t = try RegisterTotal.compute(subtotal: 550)
        #expect(t == RegisterTotal(subtotal: 550, taxRate: 8, tax: 44, total: 594))
    }

    @Test func breads3EatInIs605() throws {
        let t = try RegisterTotal.compute(subtotal: 550, rate: .standard)
        #expect(t == RegisterTotal(subtotal: 550, taxRate: 10, tax: 55, total: 605))
    }

    @Test func roundingDiffersOnAFractionalTax() throws {
        // 560 × 8 % = 44.8
        #expect(try RegisterTotal.compute(subtotal: 560, rounding: .floor).tax == 44)
        #expect(try RegisterTotal.compute(subtotal: 560, rounding: .round).tax == 45)
        #expect(try RegisterTotal.compute(subtotal: 560, rounding: .ceil).tax == 45)
        // 555 × 8 % = 44.4
        #expect(try RegisterTotal.compute(subtotal: 555, rounding: .floor).tax == 44)
        #expect(try RegisterTotal.compute(subtotal: 555, rounding: .round).tax == 44)
        #expect(try RegisterTotal.compute(subtotal: 555, rounding: .ceil).total == 600)
        // 150 × 10 % = 15 exactly: all agree
        for r in Rounding.allCases { #expect(try RegisterTotal.compute(subtotal: 150, rate: .standard, rounding: r).tax == 15) }
        // half rounds up: 25 × 10 % = 2.5
        #expect(try RegisterTotal.compute(subtotal: 25, rate: .standard, rounding: .round).tax == 3)
        #expect(try RegisterTotal.compute(subtotal: 0).total == 0)
    }

    @Test func taxRatesAndRoundingsAreChecked() throws {
        #expect(try TaxRate(percent: 8) == .reduced)
        #expect(try TaxRate(percent: 10) == .standard)
        #expect(try TaxRate(text: "10%") == .standard)
        #expect(throws: RegisterError.unknownTaxRate(5)) { try TaxRate(percent: 5) }
        #expect(throws: RegisterError.unknownTaxRate(8.5)) { try TaxRate(percent: 8.5) }
        #expect(throws: RegisterError.unknownTaxRateText("eight")) { try TaxRate(text: "eight") }
        #expect(try Rounding(text: "CEIL") == .ceil)
        #expect(throws: RegisterError.unknownRounding("up")) { try Rounding(text: "up") }
    }
}

@Suite struct RegisterTests {
    func register() throws -> Register { try Register(database: PanyaDatabase.inMemory()) }

    @Test func defaultPricesAreTheLessons() throws {
        let prices = try register().prices()
        #expect(prices.labels == ["あんぱん", "メロンパン", "焼きそばパン"])
        #expect(prices["メロンパン"] == 180)
        #expect(prices["あんぱん"] == 150)
        #expect(prices["焼きそばパン"] == 220)
    }

    @Test func storedPricesAreNotOverwrittenByDefaults() throws {
        let database = try PanyaDatabase.inMemory()
        try Register(database: database).setPrice("カレーパン", yen: 200)
        try Register(database: database).setPrice("メロンパン", yen: 190)
        let prices = try Register(database: database).prices()
        #expect(prices["カレーパン"] == 200)
        #expect(prices["メロンパン"] == 190)
        #expect(prices.entries.count == 4)
    }

    @Test func breads3At75Totals594() throws {
        let r = try register()
        let items = try r.add(detections: breads3At75)
        #expect(items.map(\.name) == ["焼きそばパン", "メロンパン", "あんぱん"])
        #expect(items.map(\.amount) == [220, 180, 150])
        #expect(try r.total() == RegisterTotal(subtotal: 550, taxRate: 8, tax: 44, total: 594))
        #expect(try r.total(tax: .standard).total == 605)
    }

    @Test func belowThresholdBreadsCarryAConfirmFlag() throws {
        let r = try register()
        let items = try r.add(detections: breads3At75)
        #expect(items.map(\.flag) == ["confirm", nil, "confirm"])
        let confirmed = try r.confirm(label: "あんぱん")
        #expect(confirmed.first { $0.name == "あんぱん" }?.flag == nil)
        #expect(throws: RegisterError.notInRegister(label: "カレーパン")) { try r.confirm(label: "カレーパン") }
    }

    @Test func sameLabelMergesIntoQuantity() throws {
        let r = try register()
        let two = [RegisterDetection(name: "あんぱん", confidence: 95, threshold: 0.817),
                   RegisterDetection(name: "メロンパン", confidence: 90, threshold: 0.862),
                   RegisterDetection(name: "あんぱん", confidence: 85, threshold: 0.817)]
        var items = try r.add(detections: two)
        #expect(items == [LineItem(name: "あんぱん", qty: 2, unitPrice: 150), LineItem(name: "メロンパン", qty: 1, unitPrice: 180)])
        items = try r.add(label: "あんぱん", quantity: 3)
        #expect(items[0].qty == 5)
        #expect(items[0].amount == 750)
        #expect(items[0].flag == nil)
    }

    @Test func removeByQuantityOrWhole() throws {
        let r = try register()
        try r.add(label: "メロンパン", quantity: 3)
        try r.add(label: "あんぱん")
        #expect(try r.remove(label: "メロンパン", quantity: 2).first?.qty == 1)
        #expect(try r.remove(label: "メロンパン").map(\.name) == ["あんぱん"])
        try r.add(label: "あんぱん", quantity: 2)
        #expect(try r.remove(label: "あんぱん", quantity: 5).isEmpty)
        #expect(throws: RegisterError.notInRegister(label: "あんぱん")) { try r.remove(label: "あんぱん") }
        try r.add(label: "あんぱん")
        try r.clear()
        #expect(try r.items().isEmpty)
    }

    @Test func labelWithoutPriceNamesRegisterPrice() throws {
        let r = try register()
        let error = #expect(throws: RegisterError.self) {
            try r.add(detections: breads3At75 + [RegisterDetection(name: "カレーパン", confidence: 99, threshold: 0.5)])
        }
        #expect(error == .noPrice(label: "カレーパン"))
        #expect(error?.message.en.contains("register price カレーパン YEN") == true)
        #expect(error?.message.ja.contains("register price カレーパン") == true)
        #expect(try r.items().isEmpty, "all or nothing")
        #expect(throws: RegisterError.noPrice(label: "カレーパン")) { try r.add(label: "カレーパン") }
        try r.setPrice("カレーパン", yen: 200)
        #expect(try r.add(label: "カレーパン").first?.amount == 200)
    }

    @Test func badQuantitiesAndPricesAreErrors() throws {
        let r = try register()
        for bad in [0.0, -1, 1.5, .infinity, .nan] {
            #expect(throws: RegisterError.self) { try r.add(label: "あんぱん", quantity: bad) }
        }
        #expect(throws: RegisterError.invalidQuantity(-2)) { try r.remove(label: "あんぱん", quantity: -2) }
        #expect(throws: RegisterError.invalidPrice(label: "あんぱん", value: -10)) { try r.setPrice("あんぱん", yen: -10) }
        #expect(throws: RegisterError.invalidPrice(label: "あんぱん", value: 150.5)) { try r.setPrice("あんぱん", yen: 150.5) }
        #expect(throws: RegisterError.emptyLabel) { try r.add(label: "  ") }
        #expect(RegisterError.invalidQuantity(0).message.en == "quantity must be a whole number from 1 to 1,000,000, not 0")
        #expect(RegisterError.unknownTaxRate(5).message.ja.contains("8 (持ち帰り) か 10 (店内)"))
        #expect(RegisterError.invalidQuantity(1.5).code == "InvalidQuantity")
    }

    @Test func checkoutSavesAReceiptAndEmptiesTheRegister() throws {
        let r = try register()
        #expect(throws: RegisterError.emptyCheckout) { try r.checkout(at: Date(timeIntervalSince1970: 0)) }
        try r.add(detections: breads3At75)
        let time = Date(timeIntervalSince1970: 1_775_000_000)
        let first = try r.checkout(at: time)
        #expect(first.number == 1)
        #expect(first.totals == RegisterTotal(subtotal: 550, taxRate: 8, tax: 44, total: 594))
        #expect(first.items.count == 3)
        #expect(first.time == time)
        #expect(try r.items().isEmpty)
        try r.add(label: "メロンパン")
        let second = try r.checkout(at: time, tax: .standard)
        #expect(second.number == 2)
        #expect(second.total == 198)
        #expect(try r.receipts().map(\.number) == [2, 1])
        #expect(try r.receipts(limit: 1).map(\.number) == [2])
    }
}
