import Foundation

/// One addition to the register: `qty` more of `name` at `unitPrice`.
public struct LineAddition: Sendable, Equatable {
    public var name: String
    public var qty: Int
    public var unitPrice: Int
    public var needsConfirmation: Bool

    public init(name: String, qty: Int, unitPrice: Int, needsConfirmation: Bool) {
        self.name = name
        self.qty = qty
        self.unitPrice = unitPrice
        self.needsConfirmation = needsConfirmation
    }
}

/// Where the register keeps its prices, lines and receipts. Every method is atomic on its own;
/// `checkout` reads the lines, saves the receipt and empties the register in ONE transaction, so
/// two processes on one database never lose or double a bread and receipt numbers have no gaps.
public protocol RegisterStorage: AnyObject {
    /// Saves `defaults` only when no price is stored at all.
    func seedPricesIfEmpty(_ defaults: PriceList) throws
    func prices() throws -> PriceList
    func setPrice(_ label: String, yen: Int) throws
    /// The lines in the order they were first added.
    func lines() throws -> [LineItem]
    /// Adds all or nothing; the same name merges into one line (qty added, unit price updated,
    /// the confirm flag kept once set).
    func add(_ additions: [LineAddition]) throws
    /// Removes `qty` of `name` (the whole line when nil or when qty reaches the line's qty).
    /// Returns false when `name` has no line.
    func remove(_ name: String, qty: Int?) throws -> Bool
    /// Clears the confirm flag of `name`'s line; false when it has no line.
    func confirm(_ name: String) throws -> Bool
    func clear() throws
    /// In one transaction: reads the lines (throws `RegisterError.emptyCheckout` when none), computes
    /// the sums with `totals`, saves the receipt with the next number (its time, the wall clock's
    /// beside it, the offset the time is shown in), empties the register.
    func checkout(time: Date, realTime: Date?, offsetSeconds: Int?, totals: ([LineItem]) throws -> RegisterTotal) throws -> Receipt
    /// Saved receipts, newest first (at most `limit` when given).
    func receipts(limit: Int?) throws -> [Receipt]
}

/// Keeps everything in memory (tests; a session with no store).
public final class InMemoryRegisterStorage: RegisterStorage, @unchecked Sendable {
    private let lock = NSLock()
    private var priceList = PriceList()
    private var items: [LineItem] = []
    private var saved: [Receipt] = []

    public init() {}

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock(); defer { lock.unlock() }
        return try body()
    }

    public func seedPricesIfEmpty(_ defaults: PriceList) {
        locked { if priceList.isEmpty { priceList = defaults } }
    }
    public func prices() -> PriceList { locked { priceList } }
    public func setPrice(_ label: String, yen: Int) { locked { priceList.set(label, yen: yen) } }
    public func lines() -> [LineItem] { locked { items } }
    public func add(_ additions: [LineAddition]) {
        locked {
            for a in additions {
                if let i = items.firstIndex(where: { $0.name == a.name }) {
                    items[i].qty += a.qty
                    items[i].unitPrice = a.unitPrice
                    items[i].needsConfirmation = items[i].needsConfirmation || a.needsConfirmation
                } else {
                    items.append(LineItem(name: a.name, qty: a.qty, unitPrice: a.unitPrice, needsConfirmation: a.needsConfirmation))
                }
            }
        }
    }
    public func remove(_ name: String, qty: Int?) -> Bool {
        locked {
            guard let i = items.firstIndex(where: { $0.name == name }) else { return false }
            if let qty, qty < items[i].qty { items[i].qty -= qty } else { items.remove(at: i) }
            return true
        }
    }
    public func confirm(_ name: String) -> Bool {
        locked {
            guard let i = items.firstIndex(where: { $0.name == name }) else { return false }
            items[i].needsConfirmation = false
            return true
        }
    }
    public func clear() { locked { items.removeAll() } }
    public func checkout(time: Date, realTime: Date?, offsetSeconds: Int?, totals: ([LineItem]) throws -> RegisterTotal) throws -> Receipt {
        try locked {
            guard !items.isEmpty else { throw RegisterError.emptyCheckout }
            let receipt = Receipt(number: (saved.last?.number ?? 0) + 1, time: time, realTime: realTime, offsetSeconds: offsetSeconds,
                                  items: items, totals: try totals(items))
            saved.append(receipt)
            items.removeAll()
            return receipt
        }
    }
    public func receipts(limit: Int?) -> [Receipt] {
        locked {
            let newestFirst = Array(saved.reversed())
            return limit.map { Array(newestFirst.prefix($0)) } ?? newestFirst
        }
    }
}
