import Foundation
import PanyaSupport
@testable import AWSBackend

/// A private Ctrl-C flag for one test.
final class TestInterrupt: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func raise() { lock.lock(); flag = true; lock.unlock() }
    var signal: InterruptSignal {
        InterruptSignal(pending: { [self] in lock.lock(); defer { lock.unlock() }; return flag },
                        clear: { [self] in lock.lock(); flag = false; lock.unlock() })
    }
}

/// Counts attempts per operation.
final class AttemptCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    var observer: @Sendable (String, Int) -> Void {
        { [self] operation, _ in lock.lock(); counts[operation, default: 0] += 1; lock.unlock() }
    }
    func count(_ operation: String) -> Int { lock.lock(); defer { lock.unlock() }; return counts[operation, default: 0] }
}

enum Fixtures {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let token = "FQoGZXIvYXdzEXAMPLETOKENxyz123"
    static let credentials = Credentials(accessKeyId: "AKIDTEST", secretAccessKey: secret, sessionToken: token, source: "test")
    /// A fast policy: 3 attempts, tiny waits.
    static let fastRetry = RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxBackoff: 0.05)

    static func rekognition(_ url: URL) -> ServiceEndpoint {
        ServiceEndpoint(displayName: "Rekognition", signingName: "rekognition", url: url, signing: .standard)
    }
}
