import PanyaSupport

/// One candidate as `inspect` shows it: the label, its threshold, and whether the rules
/// show or hide it, with the reason (`hidden: 90.45 < threshold 90.7`).
public struct Inspection: Sendable, Equatable {
    /// Shown, or hidden and why.
    public enum Verdict: Sendable, Equatable {
        case shown
        /// Below the label's assumed threshold (as a percentage) with no MinConfidence given.
        case belowThreshold(Double)
        /// Below the MinConfidence given.
        case belowMinConfidence(Double)
        /// Passed the rules but MaxResults kept only the first `maxResults`; this one was `rank`.
        case cutByMaxResults(rank: Int, maxResults: Int)
        /// No MinConfidence and the model has no threshold for this label.
        case noThreshold
    }

    /// The candidate.
    public var label: CustomLabel
    /// The label's assumed threshold, 0–1, when the model has one.
    public var threshold: Double?
    /// The MinConfidence of the request, when given.
    public var minConfidence: Double?
    public var verdict: Verdict

    public init(label: CustomLabel, threshold: Double?, minConfidence: Double?, verdict: Verdict) {
        self.label = label
        self.threshold = threshold
        self.minConfidence = minConfidence
        self.verdict = verdict
    }

    /// True when the service returns this label.
    public var isShown: Bool { verdict == .shown }

    /// `shown` / `hidden: 90.45 < threshold 90.7` / `hidden: 77.54 < min-confidence 80` …
    public var reason: Message {
        switch verdict {
        case .shown:
            return Catalog.inspectionShown
        case .belowThreshold(let percent):
            let (c, t) = Self.distinct(label.confidence, percent)
            return Catalog.inspectionBelowThreshold(confidence: c, threshold: t)
        case .belowMinConfidence(let minimum):
            let (c, m) = Self.distinct(label.confidence, minimum)
            return Catalog.inspectionBelowMinConfidence(confidence: c, minConfidence: m)
        case .cutByMaxResults(let rank, let maxResults):
            return Catalog.inspectionCutByMaxResults(rank: rank, maxResults: maxResults)
        case .noThreshold:
            return Catalog.inspectionNoThreshold
        }
    }

    /// Formats two different numbers with as many decimals as it takes (2 to 6) to tell them apart.
    static func distinct(_ a: Double, _ b: Double) -> (String, String) {
        for decimals in 2...6 {
            let pair = (NumberText.short(a, decimals: decimals), NumberText.short(b, decimals: decimals))
            if pair.0 != pair.1 { return pair }
        }
        return (JSONPrinter.pythonFloat(a), JSONPrinter.pythonFloat(b))
    }
}

extension Catalog {
    public static let inspectionShown = Message(en: "shown", ja: "表示")
    public static let inspectionNoThreshold = Message(en: "hidden: no threshold for this label", ja: "非表示: このラベルのしきい値がありません")

    public static func inspectionBelowThreshold(confidence: String, threshold: String) -> Message {
        Message(en: "hidden: \(confidence) < threshold \(threshold)", ja: "非表示: \(confidence) < しきい値 \(threshold)")
    }

    public static func inspectionBelowMinConfidence(confidence: String, minConfidence: String) -> Message {
        Message(en: "hidden: \(confidence) < min-confidence \(minConfidence)", ja: "非表示: \(confidence) < 最小信頼度 \(minConfidence)")
    }

    public static func inspectionCutByMaxResults(rank: Int, maxResults: Int) -> Message {
        Message(en: "hidden: number \(rank) > max-results \(maxResults)", ja: "非表示: \(rank) 番目 > 最大件数 \(maxResults)")
    }
}
