import CustomLabels

/// MinConfidence and MaxResults as a student gives them to a filtering the session does itself
/// (`inspect`, the register's screen): checked once, by the service's rule, when made.
public struct DetectionLimits: Sendable, Equatable {
    /// MinConfidence (0–100), or nil for each label's assumed threshold.
    public let minConfidence: Double?
    /// MaxResults (0 or more), or nil for all.
    public let maxResults: Int?

    /// Limits the service would accept; `InvalidParameterException` otherwise.
    public init(minConfidence: Double?, maxResults: Int?) throws {
        try DetectionRules.validate(minConfidence: minConfidence, maxResults: maxResults)
        self.minConfidence = minConfidence
        self.maxResults = maxResults
    }

    /// The service's rules on these candidates: every one, highest confidence first, with its verdict.
    public func inspect(_ candidates: [CustomLabel], thresholds: [String: Double]) -> [Inspection] {
        DetectionRules.inspect(candidates: candidates, thresholds: thresholds, minConfidence: minConfidence, maxResults: maxResults)
    }
}
