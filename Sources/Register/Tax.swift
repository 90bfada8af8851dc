import Foundation

/// Japanese consumption tax rates the register knows: 8 % (take-out food, the default) and 10 % (eat-in).
public enum TaxRate: Int, Sendable, CaseIterable, Equatable {
    case reduced = 8
    case standard = 10

    /// The rate a script gave as a number (`--tax 8`, `tax: 10`); anything else is `RegisterError.unknownTaxRate`.
    public init(percent: Double) throws(RegisterError) {
        guard percent.rounded() == percent, let rate = TaxRate(rawValue: Int(exactly: percent) ?? -1) else {
            throw .unknownTaxRate(percent)
        }
        self = rate
    }

    /// The rate a command line gave as text (`"8"`, `"10"`, `"8%"`).
    public init(text: String) throws(RegisterError) {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix("%") { t.removeLast() }
        guard let value = Double(t) else { throw .unknownTaxRateText(text) }
        try self.init(percent: value)
    }

    /// The percentage, 8 or 10.
    public var percent: Int { rawValue }
}

/// How a fractional yen of tax is rounded: down (切り捨て, the default), half up (四捨五入), up (切り上げ).
public enum Rounding: String, Sendable, CaseIterable, Equatable {
    case floor, round, ceil

    /// Reads `floor|round|ceil`; anything else is `RegisterError.unknownRounding`.
    public init(text: String) throws(RegisterError) {
        guard let value = Rounding(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw .unknownRounding(text)
        }
        self = value
    }

    /// `numerator / denominator` rounded this way (both non-negative; exact integer arithmetic).
    func divide(_ numerator: Int, by denominator: Int) -> Int {
        switch self {
        case .floor: return numerator / denominator
        case .ceil: return (numerator + denominator - 1) / denominator
        case .round: return (2 * numerator + denominator) / (2 * denominator)
        }
    }
}

/// The register's sums: `{subtotal, tax_rate, tax, total}`.
public struct RegisterTotal: Sendable, Equatable {
    /// Sum of the line amounts, tax excluded (yen).
    public var subtotal: Int
    /// 8 or 10.
    public var taxRate: Int
    /// Tax on the subtotal, rounded as asked (yen).
    public var tax: Int
    /// subtotal + tax (yen).
    public var total: Int

    public init(subtotal: Int, taxRate: Int, tax: Int, total: Int) {
        self.subtotal = subtotal
        self.taxRate = taxRate
        self.tax = tax
        self.total = total
    }

    /// The largest subtotal the register holds, in yen (one trillion): far above any bakery, and low
    /// enough that every sum and the tax on it fit in an `Int`. `register add` refuses to go past it.
    public static let maxSubtotal = 1_000_000_000_000

    /// Tax on the subtotal (not per item), rounded once: 550 at 8 % floor → 44 → 594.
    /// - Throws: `RegisterError.subtotalTooLarge` above ``maxSubtotal``.
    public static func compute(subtotal: Int, rate: TaxRate = .reduced, rounding: Rounding = .floor) throws(RegisterError) -> RegisterTotal {
        guard subtotal <= maxSubtotal else { throw .subtotalTooLarge(limit: maxSubtotal) }
        let tax = rounding.divide(subtotal * rate.percent, by: 100)
        return RegisterTotal(subtotal: subtotal, taxRate: rate.percent, tax: tax, total: subtotal + tax)
    }

    /// The sums for some line items.
    /// - Throws: `RegisterError.subtotalTooLarge` when the lines add up to more than ``maxSubtotal``.
    public static func compute(items: [LineItem], rate: TaxRate = .reduced, rounding: Rounding = .floor) throws(RegisterError) -> RegisterTotal {
        try compute(subtotal: subtotal(of: items), rate: rate, rounding: rounding)
    }

    /// The sum of the lines' amounts with checked arithmetic.
    /// - Throws: `RegisterError.subtotalTooLarge` when it passes ``maxSubtotal`` (or would overflow).
    public static func subtotal(of items: [LineItem]) throws(RegisterError) -> Int {
        var sum = 0
        for item in items {
            let (amount, productOverflow) = item.qty.multipliedReportingOverflow(by: item.unitPrice)
            let (next, sumOverflow) = sum.addingReportingOverflow(amount)
            guard !productOverflow, !sumOverflow, next <= maxSubtotal else { throw .subtotalTooLarge(limit: maxSubtotal) }
            sum = next
        }
        return sum
    }
}
