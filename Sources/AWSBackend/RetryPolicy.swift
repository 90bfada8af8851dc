import Foundation
import PanyaSupport

/// When and how long to wait before trying a failed call again: botocore's "standard" mode
/// (at most 3 attempts, exponential backoff with full jitter, capped at 20 s).
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included (botocore standard: 3).
    public var maxAttempts: Int
    /// The backoff base in seconds: before retry n the wait is random(0…1) × min(cap, base × 2^(n−1)).
    public var baseDelay: Double
    /// The longest wait between two attempts, in seconds.
    public var maxBackoff: Double
    /// A random number in 0..<1 (replaceable so tests are deterministic).
    public var random: @Sendable () -> Double

    public init(maxAttempts: Int = 3, baseDelay: Double = 1, maxBackoff: Double = 20,
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxBackoff = maxBackoff
        self.random = random
    }

    /// botocore standard mode.
    public static let standard = RetryPolicy()
    /// No retries (one attempt).
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The wait before attempt `attempt + 1`, after attempt `attempt` (1-based) failed.
    public func delay(afterAttempt attempt: Int) -> Double {
        let exponent = Double(max(0, attempt - 1))
        return random() * min(maxBackoff, baseDelay * pow(2, exponent))
    }

    /// Error codes botocore treats as throttling.
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]

    /// Error codes botocore treats as transient.
    public static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete", "InternalError",
        "InternalServerError", "ServiceUnavailable", "ServiceUnavailableException",
    ]

    /// HTTP statuses retried whatever the body says.
    public static let transientStatuses: Set<Int> = [500, 502, 503, 504]

    /// Whether a service error with `code` and `status` is worth another attempt.
    public static func isRetryable(code: String?, status: Int) -> Bool {
        if let code, throttlingCodes.contains(code) || transientCodes.contains(code) { return true }
        return transientStatuses.contains(status)
    }

    /// Sleeps `seconds` in short slices, throwing `Interrupted` as soon as `interrupt` (Ctrl-C) says so.
    public static func sleep(_ seconds: Double, interrupt: InterruptSignal = .ctrlC) throws(Interrupted) {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            try interrupt.check()
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return }
            Thread.sleep(forTimeInterval: min(0.05, left))
        }
    }
}
