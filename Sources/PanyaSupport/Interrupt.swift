import CPanyaSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
    /// Throws `Interrupted` when Ctrl-C is pending (and clears it), or when a stop this thread
    /// runs under (``polling(_:_:)``, a lesson's time limit) asks for it.
    public static func check() throws(Interrupted) {
        if panya_interrupt_pending() != 0 {
            panya_interrupt_clear()
            throw Interrupted()
        }
        if let pointer = pthread_getspecific(stopsKey), Unmanaged<Stops>.fromOpaque(pointer).takeUnretainedValue().asked() {
            throw Interrupted()
        }
    }

    /// Runs `body` with `stop` asked by every ``check()`` on this thread besides Ctrl-C: a long
    /// command (`simulate`) then stops at a lesson's time limit as the script around it does.
    public static func polling<T>(_ stop: @escaping () -> Bool, _ body: () throws -> T) rethrows -> T {
        let stops: Stops
        if let pointer = pthread_getspecific(stopsKey) {
            stops = Unmanaged<Stops>.fromOpaque(pointer).takeUnretainedValue()
        } else {
            stops = Stops()
            pthread_setspecific(stopsKey, Unmanaged.passRetained(stops).toOpaque())
        }
        stops.conditions.append(stop)
        defer { stops.conditions.removeLast() }
        return try body()
    }

    /// One thread's stop conditions, innermost last.
    private final class Stops {
        var conditions: [() -> Bool] = []
        func asked() -> Bool { conditions.contains { $0() } }
    }

    /// The key of each thread's ``Stops`` (freed with the thread).
    private static let stopsKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            guard let pointer else { return }
            Unmanaged<Stops>.fromOpaque(pointer).release()
        }
        return key
    }()
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
