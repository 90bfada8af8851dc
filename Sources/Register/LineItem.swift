/// One line of the register: `{name, qty, unit_price, amount, flag}`.
public struct LineItem: Sendable, Equatable {
    /// The label (exact UTF-8, e.g. `メロンパン`).
    public var name: String
    public var qty: Int
    /// Yen, tax excluded, at the time the line was last added to.
    public var unitPrice: Int
    /// Whether the clerk should confirm this line: at least one of its breads came back with a
    /// confidence below its label's assumed threshold (only because MinConfidence was low).
    public var needsConfirmation: Bool

    public init(name: String, qty: Int, unitPrice: Int, needsConfirmation: Bool = false) {
        self.name = name
        self.qty = qty
        self.unitPrice = unitPrice
        self.needsConfirmation = needsConfirmation
    }

    /// qty × unit price. `register add` keeps every line under `RegisterTotal.maxSubtotal`; a line
    /// from a damaged store whose product would overflow reads as `Int.max` (and its total is refused).
    public var amount: Int {
        let (product, overflow) = qty.multipliedReportingOverflow(by: unitPrice)
        return overflow ? Int.max : product
    }

    /// The visible flag: `"confirm"` for an uncertain line, nil otherwise.
    public var flag: String? { needsConfirmation ? LineItem.confirmFlag : nil }

    /// The flag's text (like BakeryScan's yellow outline).
    public static let confirmFlag = "confirm"
}

/// One bread a detect result saw, as the register needs it.
public struct RegisterDetection: Sendable, Equatable {
    /// The label.
    public var name: String
    /// 0–100.
    public var confidence: Double
    /// The label's assumed threshold, 0–1 (nil when unknown: then the bread is not flagged).
    public var threshold: Double?

    public init(name: String, confidence: Double, threshold: Double?) {
        self.name = name
        self.confidence = confidence
        self.threshold = threshold
    }

    /// True when the bread came back only because MinConfidence was below its label's threshold.
    public var isUncertain: Bool {
        guard let threshold else { return false }
        return confidence + 1e-9 < threshold * 100
    }
}
