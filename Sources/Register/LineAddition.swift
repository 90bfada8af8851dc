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
