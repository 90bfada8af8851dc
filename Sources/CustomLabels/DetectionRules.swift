/// The service's filtering rules for DetectCustomLabels, applied to every candidate the
/// model saw (what the service returns with MinConfidence 0):
///
/// - MinConfidence absent: a label is kept when its confidence reaches the label's assumed
///   threshold × 100 (see ``thresholdPercent(_:)`` for how that product is computed).
/// - MinConfidence given (0 included): kept when confidence ≥ MinConfidence; thresholds ignored.
/// - Sorted by confidence, highest first (ties keep their recorded order); MaxResults keeps the first N.
/// - MinConfidence outside 0–100 and MaxResults below 0 are `InvalidParameterException`:
///   ``validate(minConfidence:maxResults:)`` is that check, made once where the parameters arrive
///   (the simulator's DetectCustomLabels, a session's `DetectionLimits`); the filtering functions
///   take parameters already checked.
public enum DetectionRules {
    /// The smallest and largest MinConfidence the service accepts.
    public static let minConfidenceRange: ClosedRange<Double> = 0...100

    /// Threshold (0–1) as a percentage to compare confidences with.
    ///
    /// `0.817 * 100` is `81.69999999999999` in binary floating point, and thresholds are
    /// decimals of at most a few digits (the service stores them as 32-bit floats). The product is
    /// therefore rounded to 6 decimal places of a percent, which removes the multiplication's
    /// noise: a confidence written as exactly `81.7` reaches a threshold written `0.817`
    /// (`>=`), and `81.69999` does not.
    public static func thresholdPercent(_ threshold: Double) -> Double {
        (threshold * 100 * 1_000_000).rounded() / 1_000_000
    }

    /// Checks MinConfidence and MaxResults as the service does.
    public static func validate(minConfidence: Double?, maxResults: Int?) throws {
        if let minConfidence, !(minConfidenceRange.contains(minConfidence)) {
            throw ServiceError.invalidParameter("MinConfidence must be between 0 and 100 (got \(JSONPrinter.pythonFloat(minConfidence))).")
        }
        if let maxResults, maxResults < 0 {
            throw ServiceError.invalidParameter("MaxResults must be greater than or equal to 0 (got \(maxResults)).")
        }
    }

    /// The labels the service returns for these candidates.
    /// - Parameters:
    ///   - thresholds: assumed threshold (0–1) per label name. With no MinConfidence, a label
    ///     with no threshold is not returned.
    public static func apply(candidates: [CustomLabel], thresholds: [String: Double], minConfidence: Double?, maxResults: Int?) -> [CustomLabel] {
        inspect(candidates: candidates, thresholds: thresholds, minConfidence: minConfidence, maxResults: maxResults)
            .filter { $0.verdict == .shown }
            .map(\.label)
    }

    /// Every candidate, highest confidence first, with the verdict the rules give it and why.
    public static func inspect(candidates: [CustomLabel], thresholds: [String: Double], minConfidence: Double?, maxResults: Int?) -> [Inspection] {
        let ordered = candidates.enumerated().sorted { a, b in
            a.element.confidence != b.element.confidence ? a.element.confidence > b.element.confidence : a.offset < b.offset
        }.map(\.element)
        var shownCount = 0
        return ordered.map { label in
            let threshold = thresholds[label.name]
            var verdict: Inspection.Verdict
            if let minConfidence {
                verdict = label.confidence >= minConfidence ? .shown : .belowMinConfidence(minConfidence)
            } else if let threshold {
                let percent = thresholdPercent(threshold)
                verdict = label.confidence >= percent ? .shown : .belowThreshold(percent)
            } else {
                verdict = .noThreshold
            }
            if verdict == .shown {
                shownCount += 1
                if let maxResults, shownCount > maxResults { verdict = .cutByMaxResults(rank: shownCount, maxResults: maxResults) }
            }
            return Inspection(label: label, threshold: threshold, minConfidence: minConfidence, verdict: verdict)
        }
    }
}
