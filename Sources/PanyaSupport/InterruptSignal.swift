import CPanyaSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// Throws `Interrupted` (and forgets the request) when a stop was asked for, or when a stop
    /// this thread runs under (``polling(_:_:)``: a lesson check's deadline) asks for it.
    public func check() throws(Interrupted) {
        if consume() || Self.threadAsksToStop() { throw Interrupted() }
    }
}

extension InterruptSignal {
    /// Runs `body` with `stop` also asked by every ``check()`` on this thread: a long command
    /// (`simulate`, `model wait`) then stops at a lesson check's time limit as the script around it
    /// does. The interpreter's own polls do not ask it (they have their signal).
    public static func polling<T>(_ stop: @escaping () -> Bool, _ body: () throws -> T) rethrows -> T {
        let stops: ThreadStops
        if let pointer = pthread_getspecific(stopsKey) {
            stops = Unmanaged<ThreadStops>.fromOpaque(pointer).takeUnretainedValue()
        } else {
            stops = ThreadStops()
            pthread_setspecific(stopsKey, Unmanaged.passRetained(stops).toOpaque())
        }
        stops.conditions.append(stop)
        defer { stops.conditions.removeLast() }
        return try body()
    }

    /// True when a stop this thread runs under asks for it.
    static func threadAsksToStop() -> Bool {
        guard let pointer = pthread_getspecific(stopsKey) else { return false }
        return Unmanaged<ThreadStops>.fromOpaque(pointer).takeUnretainedValue().asked()
    }

    /// One thread's stop conditions, innermost last.
    private final class ThreadStops {
        var conditions: [() -> Bool] = []
        func asked() -> Bool { conditions.contains { $0() } }
    }

    /// The key of each thread's ``ThreadStops`` (freed with the thread).
    private static let stopsKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            guard let pointer else { return }
            Unmanaged<ThreadStops>.fromOpaque(pointer).release()
        }
        return key
    }()
}
