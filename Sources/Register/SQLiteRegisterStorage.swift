import Foundation
import PanyaStore

/// The register kept in SQLite (`RegisterStore` + `ReceiptStore`): lines, prices and receipts
/// survive restarts, a checkout is one transaction, and two processes on one file lose nothing.
public final class SQLiteRegisterStorage: RegisterStorage {
    public let lineStore: RegisterStore
    public let receiptStore: ReceiptStore

    public init(lineStore: RegisterStore, receiptStore: ReceiptStore) {
        self.lineStore = lineStore
        self.receiptStore = receiptStore
    }

    /// The register named `register` in panya's database (prices and receipts are shared).
    public convenience init(database: PanyaDatabase, register: String = "default") {
        self.init(lineStore: RegisterStore(database, register: register), receiptStore: ReceiptStore(database))
    }

    public func seedPricesIfEmpty(_ defaults: PriceList) throws {
        try lineStore.seedPricesIfEmpty(defaults.entries)
    }

    public func prices() throws -> PriceList {
        PriceList(try lineStore.prices())
    }

    public func setPrice(_ label: String, yen: Int) throws {
        try lineStore.setPrice(label, yen: yen)
    }

    public func lines() throws -> [LineItem] {
        try lineStore.lines().map(Self.item)
    }

    public func add(_ additions: [LineAddition]) throws {
        try lineStore.add(additions.map {
            StoredRegisterLine(name: $0.name, qty: $0.qty, unitPrice: $0.unitPrice, confirm: $0.needsConfirmation)
        })
    }

    public func remove(_ name: String, qty: Int?) throws -> Bool {
        try lineStore.remove(name, qty: qty)
    }

    public func confirm(_ name: String) throws -> Bool {
        try lineStore.confirm(name)
    }

    public func clear() throws {
        try lineStore.clear()
    }

    public func checkout(time: Date, realTime: Date?, offsetSeconds: Int?, totals: ([LineItem]) throws -> RegisterTotal) throws -> Receipt {
        let stored = try receiptStore.checkout(register: lineStore.register, time: time.timeIntervalSince1970,
                                               realTime: realTime?.timeIntervalSince1970, offsetSeconds: offsetSeconds) { lines in
            let sums = try totals(lines.map(Self.item))
            return StoredTotals(subtotal: sums.subtotal, taxRate: sums.taxRate, tax: sums.tax, total: sums.total)
        }
        guard let stored else { throw RegisterError.emptyCheckout }
        return Self.receipt(stored)
    }

    public func receipts(limit: Int?) throws -> [Receipt] {
        try receiptStore.receipts(limit: limit).map(Self.receipt)
    }

    static func item(_ line: StoredRegisterLine) -> LineItem {
        LineItem(name: line.name, qty: line.qty, unitPrice: line.unitPrice, needsConfirmation: line.confirm)
    }

    static func receipt(_ r: StoredReceipt) -> Receipt {
        Receipt(number: r.number, time: Date(timeIntervalSince1970: r.time), realTime: r.realTime.map(Date.init(timeIntervalSince1970:)),
                offsetSeconds: r.offsetSeconds, items: r.items.map(item),
                totals: RegisterTotal(subtotal: r.subtotal, taxRate: r.taxRate, tax: r.tax, total: r.total))
    }
}
