import CPanyaSupport

/// Ctrl-C as a flag: the SIGINT handler raises it, long-running work polls it.
public enum Interrupt {
    /// Installs the SIGINT handler (the shell does this once at start).
    public static func install() { panya_interrupt_install() }
    /// True when Ctrl-C was pressed since the last `clear()`.
    public static var isPending: Bool { panya_interrupt_pending() != 0 }
    /// Forgets an earlier Ctrl-C.
    public static func clear() { panya_interrupt_clear() }
    /// Raises the flag as if Ctrl-C had been pressed.
    public static func raise() { panya_interrupt_raise() }
    /// Throws `Interrupted` when Ctrl-C is pending (and clears it).
    public static func check() throws(Interrupted) {
        if panya_interrupt_pending() != 0 {
            panya_interrupt_clear()
            throw Interrupted()
        }
    }
}

/// Thrown when Ctrl-C stopped a running statement.
public struct Interrupted: UserFacingError, Equatable {
    public init() {}
    public var message: Message { Catalog.interrupted }
    public var code: String? { Self.code }
    /// The code every interruption carries (errors are told apart by code, never by text).
    public static let code = "Interrupted"
}

extension Catalog {
    public static let interrupted = Message(en: "interrupted (Ctrl-C)", ja: "中断しました (Ctrl-C)")
}
