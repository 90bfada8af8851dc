import Foundation

/// A saved sale: `{number, time, items, subtotal, tax_rate, tax, total}`.
public struct Receipt: Sendable, Equatable {
    /// 1, 2, 3 … with no gaps, in checkout order.
    public var number: Int
    /// When the register checked out (the simulated clock's time when the shell passes it).
    public var time: Date
    /// The wall clock's time at the checkout (nil on receipts saved before it was kept).
    public var realTime: Date?
    /// The UTC offset `time` is shown in: the simulated clock's at the checkout (nil on receipts
    /// saved before it was kept: shown in the clock's offset of today).
    public var offsetSeconds: Int?
    public var items: [LineItem]
    public var subtotal: Int
    public var taxRate: Int
    public var tax: Int
    public var total: Int

    public init(number: Int, time: Date, realTime: Date? = nil, offsetSeconds: Int? = nil, items: [LineItem], totals: RegisterTotal) {
        self.number = number
        self.time = time
        self.realTime = realTime
        self.offsetSeconds = offsetSeconds
        self.items = items
        self.subtotal = totals.subtotal
        self.taxRate = totals.taxRate
        self.tax = totals.tax
        self.total = totals.total
    }

    /// The sums as one value.
    public var totals: RegisterTotal { RegisterTotal(subtotal: subtotal, taxRate: taxRate, tax: tax, total: total) }
}
