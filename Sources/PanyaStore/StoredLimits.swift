/// Bounds on what panya stores that more than one module's rows share: a stored value past them
/// was edited by hand, and reading it is refused as a damaged row.
public enum StoredLimits {
    /// The inference units a stored version state, billed stretch or schedule may hold (the bill
    /// multiplies them by minutes, and 10¹² units would bill trillions); the simulator accepts no more.
    public static let inferenceUnits = 1...1_000_000
}
