import Foundation
import PanyaSupport
import Testing

/// The one interruption mechanism, on private signals (the process's Ctrl-C flag belongs to
/// PanyaLanguageTests' InterruptTests, which run one at a time).
@Suite struct InterruptSignalTests {
    /// A private flag behind a signal.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var raised = false
        func raise() { lock.lock(); raised = true; lock.unlock() }
        var signal: InterruptSignal {
            InterruptSignal(pending: { [self] in lock.lock(); defer { lock.unlock() }; return raised },
                            clear: { [self] in lock.lock(); raised = false; lock.unlock() })
        }
    }

    @Test func aRequestIsAnsweredOnce() {
        let flag = Flag()
        let signal = flag.signal
        #expect(!signal.isPending)
        #expect(!signal.consume())
        flag.raise()
        #expect(signal.isPending)
        #expect(signal.consume())
        #expect(!signal.isPending)
        #expect(!signal.consume())
    }

    @Test func checkThrowsInterruptedAndForgets() {
        let flag = Flag()
        let signal = flag.signal
        #expect(throws: Never.self) { try signal.check() }
        flag.raise()
        #expect(throws: Interrupted.self) { try signal.check() }
        #expect(throws: Never.self) { try signal.check() }
    }

    @Test func neverAsksAndCtrlCIsTheProcessFlag() {
        #expect(!InterruptSignal.never.isPending)
        #expect(!InterruptSignal.never.consume())
        #expect(!InterruptSignal.never.isCtrlC)
        #expect(InterruptSignal.ctrlC.isCtrlC)
        #expect(!Flag().signal.isCtrlC)
    }
}
