import PanyaSupport

/// A mistake at the register, in words a student can act on.
public enum RegisterError: UserFacingError, Equatable {
    /// A label with no price: says to use `register price LABEL YEN`.
    case noPrice(label: String)
    /// `register checkout` with nothing in the register.
    case emptyCheckout
    /// A quantity that is not a whole number of 1 or more.
    case invalidQuantity(Double)
    /// A price that is not a whole number of yen, 0 or more.
    case invalidPrice(label: String, value: Double)
    /// A tax rate other than 8 or 10.
    case unknownTaxRate(Double)
    /// A tax rate given as text that is not a number.
    case unknownTaxRateText(String)
    /// A rounding other than floor, round, ceil.
    case unknownRounding(String)
    /// `register remove` / `register confirm` of a label that is not in the register.
    case notInRegister(label: String)
    /// An empty label.
    case emptyLabel
    /// A label the label rule refuses (a NUL character, too long): the reason.
    case invalidLabel(Message)
    /// The register would hold more than its largest subtotal (`RegisterTotal.maxSubtotal` yen).
    case subtotalTooLarge(limit: Int)
    /// The store failed (disk, lock): the database's own message.
    case storage(Message)

    public var message: Message {
        switch self {
        case .noPrice(let label): return Catalog.registerNoPrice(label)
        case .emptyCheckout: return Catalog.registerEmptyCheckout
        case .invalidQuantity(let value): return Catalog.registerInvalidQuantity(NumberText.plain(value))
        case .invalidPrice(let label, let value): return Catalog.registerInvalidPrice(label, NumberText.plain(value))
        case .unknownTaxRate(let value): return Catalog.registerUnknownTaxRate(NumberText.plain(value))
        case .unknownTaxRateText(let text): return Catalog.registerUnknownTaxRate(text)
        case .unknownRounding(let text): return Catalog.registerUnknownRounding(text)
        case .notInRegister(let label): return Catalog.registerNotInRegister(label)
        case .emptyLabel: return Catalog.registerEmptyLabel
        case .invalidLabel(let reason): return reason
        case .subtotalTooLarge(let limit): return Catalog.registerSubtotalTooLarge(limit)
        case .storage(let detail): return Catalog.registerStorage(detail)
        }
    }

    public var code: String? {
        switch self {
        case .noPrice: return "NoPrice"
        case .emptyCheckout: return "EmptyCheckout"
        case .invalidQuantity: return "InvalidQuantity"
        case .invalidPrice: return "InvalidPrice"
        case .unknownTaxRate, .unknownTaxRateText: return "UnknownTaxRate"
        case .unknownRounding: return "UnknownRounding"
        case .notInRegister: return "NotInRegister"
        case .emptyLabel: return "EmptyLabel"
        case .invalidLabel: return "InvalidLabel"
        case .subtotalTooLarge: return "SubtotalTooLarge"
        case .storage: return "StorageError"
        }
    }
}
