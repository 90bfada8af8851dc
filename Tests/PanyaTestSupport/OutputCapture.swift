import Synchronization

/// Collects text handed to an output closure, safely from any thread.
///
/// Each `append` is kept both as part of `text` and as one of `entries`, so the same
/// collector serves printed output (compare `text`) and log or notice lines (compare `entries`).
public final class OutputCapture: Sendable {
    private struct State {
        var text = ""
        var entries: [String] = []
    }

    private let state = Mutex(State())

    /// An empty collector.
    public init() {}

    /// Everything appended since the last `clear()` or `take()`, in order.
    public var text: String { state.withLock { $0.text } }

    /// Each piece appended since the last `clear()` or `take()`, one entry per `append`.
    public var entries: [String] { state.withLock { $0.entries } }

    /// Adds `piece` at the end.
    public func append(_ piece: String) {
        state.withLock { state in
            state.text += piece
            state.entries.append(piece)
        }
    }

    /// Forgets everything collected so far.
    public func clear() { state.withLock { $0 = State() } }

    /// Returns everything collected so far and forgets it.
    public func take() -> String {
        state.withLock { state in
            let text = state.text
            state = State()
            return text
        }
    }
}
