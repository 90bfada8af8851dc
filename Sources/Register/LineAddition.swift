/// One addition to the register: `qty` more of `name` at `unitPrice`.
public struct LineAddition: Sendable, Equatable {
    /// The label.
    public var name: String
    /// How many more (≥ 1).
    public var qty: Int
    /// Yen, tax excluded: the line's unit price from now on.
    public var unitPrice: Int
    /// Whether the clerk should confirm: once set on a line, kept until `register confirm`.
    public var needsConfirmation: Bool

    /// `qty` more of `name` at `unitPrice`.
    public init(name: String, qty: Int, unitPrice: Int, needsConfirmation: Bool) {
        self.name = name
        self.qty = qty
        self.unitPrice = unitPrice
        self.needsConfirmation = needsConfirmation
    }
}
