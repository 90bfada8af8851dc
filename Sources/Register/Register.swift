import CustomLabels
import Foundation
import PanyaStore
import PanyaSupport

/// The bakery register: prices, line items, tax and receipts, kept in panya's database
/// (`RegisterStore`), so everything survives a restart (`PanyaDatabase.inMemory()` keeps nothing).
///
/// Every method that takes a number takes it as the language gives it (`Double`) and checks it:
/// quantities are whole numbers ≥ 1, prices whole yen ≥ 0, tax 8 or 10.
public final class Register {
    /// Where the prices, lines and receipts are kept.
    public let store: RegisterStore

    /// The register named `register` in `database` (prices and receipts are shared by all).
    public convenience init(database: PanyaDatabase, register: String = "default", defaults: PriceList = .lessonDefaults) throws(RegisterError) {
        try self.init(store: RegisterStore(database, register: register), defaults: defaults)
    }

    /// Opens the register over `store`, loading the lesson's default prices when it has none.
    public init(store: RegisterStore, defaults: PriceList = .lessonDefaults) throws(RegisterError) {
        self.store = store
        try wrap { try store.seedPricesIfEmpty(defaults) }
    }

    // MARK: prices

    /// `register prices` → label → yen.
    public func prices() throws(RegisterError) -> PriceList {
        try wrap { try store.prices() }
    }

    /// `register price LABEL YEN`.
    public func setPrice(_ label: String, yen: Double) throws(RegisterError) {
        let label = try Self.checkedLabel(label)
        let value = try PriceList.validatedPrice(yen, label: label)
        try wrap { try store.setPrice(label, yen: value) }
    }

    // MARK: lines

    /// `register` → the line items.
    public func items() throws(RegisterError) -> [LineItem] {
        try wrap { try store.lines() }
    }

    /// `register add RESULT`: one bread per detected label, the same label merged into a quantity.
    /// A bread below its label's assumed threshold flags its line "confirm". All or nothing: a label
    /// without a price adds nothing and names `register price`.
    @discardableResult
    public func add(detections: [RegisterDetection]) throws(RegisterError) -> [LineItem] {
        let prices = try prices()
        var additions: [LineAddition] = []
        for d in detections {
            guard let price = prices[d.name] else { throw .noPrice(label: d.name) }
            if let i = additions.firstIndex(where: { $0.name == d.name }) {
                additions[i].qty += 1
                additions[i].needsConfirmation = additions[i].needsConfirmation || d.isUncertain
            } else {
                additions.append(LineAddition(name: d.name, qty: 1, unitPrice: price, needsConfirmation: d.isUncertain))
            }
        }
        if !additions.isEmpty {
            try checkRoom(for: additions)
            try wrap { try store.add(additions) }
        }
        return try items()
    }

    /// `register add LABEL [QTY]` (QTY defaults to 1).
    @discardableResult
    public func add(label: String, quantity: Double = 1) throws(RegisterError) -> [LineItem] {
        let label = try Self.checkedLabel(label)
        let qty = try Self.checkedQuantity(quantity)
        guard let price = try prices()[label] else { throw .noPrice(label: label) }
        let addition = LineAddition(name: label, qty: qty, unitPrice: price, needsConfirmation: false)
        try checkRoom(for: [addition])
        try wrap { try store.add([addition]) }
        return try items()
    }

    /// `register remove LABEL [QTY]`: QTY of them, or the whole line when QTY is nil.
    @discardableResult
    public func remove(label: String, quantity: Double? = nil) throws(RegisterError) -> [LineItem] {
        let label = try Self.checkedLabel(label)
        let qty = try quantity.map { (q: Double) throws(RegisterError) -> Int in try Self.checkedQuantity(q) }
        let found = try wrap { try store.remove(label, qty: qty) }
        guard found else { throw .notInRegister(label: label) }
        return try items()
    }

    /// `register confirm LABEL`: the clerk looked, the bread is right; the flag goes.
    @discardableResult
    public func confirm(label: String) throws(RegisterError) -> [LineItem] {
        let label = try Self.checkedLabel(label)
        let found = try wrap { try store.confirm(label) }
        guard found else { throw .notInRegister(label: label) }
        return try items()
    }

    /// `register clear`.
    public func clear() throws(RegisterError) {
        try wrap { try store.clear() }
    }

    // MARK: sums and receipts

    /// `register total [--tax 8|10] [--rounding floor|round|ceil]`.
    public func total(tax: TaxRate = .reduced, rounding: Rounding = .floor) throws(RegisterError) -> RegisterTotal {
        try RegisterTotal.compute(items: try items(), rate: tax, rounding: rounding)
    }

    /// `register checkout`: saves the receipt in one transaction and empties the register. `time`
    /// is the receipt's time (the simulated clock's), shown at `offsetSeconds`; `realTime` the
    /// wall clock's beside it.
    public func checkout(at time: Date, offsetSeconds: Int? = nil, realTime: Date? = nil,
                         tax: TaxRate = .reduced, rounding: Rounding = .floor) throws(RegisterError) -> Receipt {
        try wrap {
            try store.checkout(time: time, realTime: realTime, offsetSeconds: offsetSeconds) { items in
                try RegisterTotal.compute(items: items, rate: tax, rounding: rounding)
            }
        }
    }

    /// `register receipts`: newest first.
    public func receipts(limit: Int? = nil) throws(RegisterError) -> [Receipt] {
        try wrap { try store.receipts(limit: limit) }
    }

    // MARK: checks

    /// The most breads one `register add` / `register remove` takes at once.
    public static let maxQuantity = 1_000_000

    /// A quantity must be a whole number from 1 to ``maxQuantity``.
    public static func checkedQuantity(_ value: Double) throws(RegisterError) -> Int {
        guard value.isFinite, value >= 1, value.rounded() == value, value <= Double(maxQuantity) else {
            throw .invalidQuantity(value)
        }
        return Int(value)
    }

    /// Refuses additions that would take the register past ``RegisterTotal/maxSubtotal`` (checked
    /// arithmetic: the lines as they would be after the addition, each line at its new unit price).
    func checkRoom(for additions: [LineAddition]) throws(RegisterError) {
        var lines = try items()
        for a in additions {
            if let i = lines.firstIndex(where: { $0.name == a.name }) {
                let (qty, overflow) = lines[i].qty.addingReportingOverflow(a.qty)
                guard !overflow, RegisterStore.storedQuantity.contains(qty) else { throw .subtotalTooLarge(limit: RegisterTotal.maxSubtotal) }
                lines[i].qty = qty
                lines[i].unitPrice = a.unitPrice
            } else {
                lines.append(LineItem(name: a.name, qty: a.qty, unitPrice: a.unitPrice))
            }
        }
        _ = try RegisterTotal.subtotal(of: lines)
    }

    static func checkedLabel(_ label: String) throws(RegisterError) -> String {
        let trimmed = label.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .emptyLabel }
        // The same rule as a dataset's labels: the register's lines are the labels a model returns.
        if let problem = TextRule.label.problem(trimmed) { throw .invalidLabel(problem) }
        return trimmed
    }

    private func wrap<T>(_ body: () throws -> T) throws(RegisterError) -> T {
        do {
            return try body()
        } catch let error as RegisterError {
            throw error
        } catch let error as UserFacingError {
            throw .storage(error.message)
        } catch {
            throw .storage(.verbatim(String(describing: error)))
        }
    }
}
