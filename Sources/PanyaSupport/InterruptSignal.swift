/// Where a wait learns that it should stop: Ctrl-C (`Interrupt`) in the program, a private flag
/// in tests (so a test's interrupt never reaches another test running at the same time).
public struct InterruptSignal: Sendable {
    private let pending: @Sendable () -> Bool
    private let clear: @Sendable () -> Void

    public init(pending: @escaping @Sendable () -> Bool, clear: @escaping @Sendable () -> Void) {
        self.pending = pending
        self.clear = clear
    }

    /// Ctrl-C, through `PanyaSupport.Interrupt`.
    public static let ctrlC = InterruptSignal(pending: { Interrupt.isPending }, clear: { Interrupt.clear() })

    /// True when a stop was asked for (the request is left pending).
    public var isPending: Bool { pending() }

    /// Throws `Interrupted` (and forgets the request) when a stop was asked for.
    public func check() throws(Interrupted) {
        if pending() {
            clear()
            throw Interrupted()
        }
    }
}
