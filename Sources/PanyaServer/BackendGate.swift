import CustomLabels
import Foundation
import MockBackend
import PanyaStore
import Session
import Synchronization

/// The one door into the backend: calls are serialised (the mock is a class over one database
/// handle and a clock it reads and writes, not made for concurrent callers), and with
/// `--clock real` the simulated clock is moved on by the wall clock's time × scale before each call,
/// through the scheduler, so the schedules a student set in the shell start and stop the model on the way.
public final class BackendGate: Sendable {
    private struct State {
        var backend: MockBackend
        /// Wall-clock seconds already turned into simulated time.
        var lastTick: Double
        /// Simulated seconds not yet applied (the clock moves in whole seconds).
        var carry: Double
    }

    private let state: Mutex<State>
    private let clock: ServerConfiguration.ClockMode

    /// A gate over `backend`.
    public init(backend: sending MockBackend, clock: ServerConfiguration.ClockMode) {
        self.state = Mutex(State(backend: backend, lastTick: Self.wallClock(), carry: 0))
        self.clock = clock
    }

    /// Runs `body` alone with the backend (after moving a real clock on).
    public func run<T: Sendable>(_ body: (MockBackend) throws -> T) throws -> T {
        try state.withLock { state throws -> T in
            if case .real(let scale) = clock {
                let now = Self.wallClock()
                let simulated = (now - state.lastTick) * scale + state.carry
                state.lastTick = now
                let whole = Int(simulated.rounded(.down))
                state.carry = simulated - Double(whole)
                if whole > 0 { try ScheduleRunner(database: state.backend.database, simulator: state.backend).advance(by: whole) }
            }
            return try body(state.backend)
        }
    }

    /// The bucket folder (immutable, safe to use outside the lock).
    public var buckets: S3BucketFolder {
        state.withLock { $0.backend.s3 }
    }

    /// Seconds since 1970 from the system clock (monotonic enough for scaling durations).
    static func wallClock() -> Double {
        Date().timeIntervalSince1970
    }
}
