import PanyaSupport
import Synchronization

/// The request-body bytes held at once across all connections, bounded: a request reserves its
/// announced length (or each chunk as it comes) before reading it and gives it back when its
/// answer is made; a reservation past the bound is refused (the server answers 503) instead of
/// the process growing. After a burst that held much, the freed memory goes back to the system.
final class BodyBudget: Sendable {
    /// The bound, in bytes.
    let limit: Int
    /// After a burst that held more than this, freed memory is handed back once the budget is empty.
    let trimAfter: Int
    private struct State {
        var held = 0
        var peak = 0
    }
    private let state = Mutex(State())

    init(limit: Int, trimAfter: Int = 64 << 20) {
        self.limit = max(0, limit)
        self.trimAfter = trimAfter
    }

    /// Takes `bytes` from the budget; false (nothing taken) when they do not fit.
    func reserve(_ bytes: Int) -> Bool {
        guard bytes > 0 else { return true }
        return state.withLock { state in
            guard state.held + bytes <= limit else { return false }
            state.held += bytes
            state.peak = max(state.peak, state.held)
            return true
        }
    }

    /// Gives `bytes` back; when the budget empties after a large burst, returns freed memory to the system.
    func release(_ bytes: Int) {
        guard bytes > 0 else { return }
        let trim = state.withLock { state -> Bool in
            state.held = max(0, state.held - bytes)
            guard state.held == 0, state.peak > trimAfter else { return false }
            state.peak = 0
            return true
        }
        if trim { FreedMemory.returnToSystem() }
    }

    /// The bytes held now.
    var held: Int { state.withLock { $0.held } }
}
