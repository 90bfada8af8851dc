import CPanyaSupport

/// The one way running work learns that it should stop: Ctrl-C (`ctrlC`, the process's SIGINT
/// flag), or a source of its own — a test's private flag, so that one test's interrupt never
/// reaches another test running at the same time, or a lesson check's deadline.
public struct InterruptSignal: Sendable {
    @usableFromInline
    enum Source: Sendable {
        case ctrlC
        case custom(pending: @Sendable () -> Bool, clear: @Sendable () -> Void)
    }

    @usableFromInline
    let source: Source

    private init(source: Source) { self.source = source }

    /// A signal of its own: `pending` says whether a stop was asked for, `clear` forgets it.
    public init(pending: @escaping @Sendable () -> Bool, clear: @escaping @Sendable () -> Void) {
        source = .custom(pending: pending, clear: clear)
    }

    /// Ctrl-C: the flag the SIGINT handler raises (see `installCtrlCHandler()`).
    public static let ctrlC = InterruptSignal(source: .ctrlC)

    /// A signal that never asks to stop.
    public static let never = InterruptSignal(pending: { false }, clear: {})

    /// Installs the SIGINT handler that raises `ctrlC` instead of ending the process (the shell
    /// does this once at start).
    public static func installCtrlCHandler() { panya_interrupt_install() }

    /// Raises `ctrlC` as if Ctrl-C had been pressed.
    public static func raiseCtrlC() { panya_interrupt_raise() }

    /// Whether Ctrl-C was pressed since the flag was last cleared (what `ctrlC.isPending` says,
    /// read without going through a signal: the interpreter asks it in every loop round and call).
    @inlinable
    public static var isCtrlCPending: Bool { panya_interrupt_pending() != 0 }

    /// Whether this is the process's Ctrl-C flag.
    @inlinable
    public var isCtrlC: Bool { if case .ctrlC = source { return true } else { return false } }

    /// True when a stop was asked for (the request is left pending).
    @inlinable
    public var isPending: Bool {
        switch source {
        case .ctrlC: return panya_interrupt_pending() != 0
        case .custom(let pending, _): return pending()
        }
    }

    /// Forgets a request to stop.
    public func clear() {
        switch source {
        case .ctrlC: panya_interrupt_clear()
        case .custom(_, let clear): clear()
        }
    }

    /// True when a stop was asked for, which it then forgets (the request is answered once).
    @inlinable
    public func consume() -> Bool {
        guard isPending else { return false }
        clear()
        return true
    }

    /// Throws `Interrupted` (and forgets the request) when a stop was asked for.
    public func check() throws(Interrupted) {
        if consume() { throw Interrupted() }
    }
}
