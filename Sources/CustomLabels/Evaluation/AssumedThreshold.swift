/// How a label's assumed threshold is chosen, as the service defines it: the threshold (0–1) at
/// which the label's F1 on the test set is highest.
///
/// - The candidate thresholds are the label's prediction confidences on the test set, each
///   written as ``threshold(forConfidence:)`` (a decimal of at most 6 places that the prediction
///   itself reaches with the detection rules' `>=`).
/// - A prediction counts at a threshold when `confidence >= DetectionRules.thresholdPercent(threshold)`
///   — the same comparison `detect` uses — so the evaluation and the register agree on every box.
/// - The highest F1 wins; equal F1s go to the highest threshold (fewest boxes shown).
/// - A label the model never predicted on the test set gets 1.0 (only a certain answer passes)
///   and zero precision, recall and F1.
public enum AssumedThreshold {
    /// The threshold a label gets when nothing of it was predicted on the test set.
    public static let withoutPredictions = 1.0

    /// A confidence (0–100) as a threshold (0–1): `confidence / 100` cut down to 6 decimal
    /// places, so that `81.7` gives `0.817` (not `0.8170000000000001`) and the prediction always
    /// reaches its own threshold under `DetectionRules`.
    public static func threshold(forConfidence confidence: Double) -> Double {
        let c = BoxMatching.clamped(confidence)
        // k ten-thousandths of a percent: the largest k with k / 10_000 <= c.
        var k = Int((c * 10_000).rounded())
        while k > 0 && Double(k) / 10_000 > c { k -= 1 }
        while Double(k + 1) / 10_000 <= c && k < 1_000_000 { k += 1 }
        return Double(k) / 1_000_000
    }

    /// True when a confidence (0–100) reaches a threshold (0–1) under the detection rules.
    public static func passes(_ confidence: Double, threshold: Double) -> Bool {
        confidence >= DetectionRules.thresholdPercent(threshold)
    }

    /// One point of a label's precision–recall curve.
    public struct Point: Sendable, Equatable {
        /// The candidate threshold, 0–1.
        public var threshold: Double
        /// TP, FP and FN at that threshold.
        public var counts: DetectionCounts
    }

    /// The counts at every candidate threshold, highest threshold first.
    /// - Parameters:
    ///   - predictions: the label's predictions over the test set: confidence and whether it found a box.
    ///   - groundTruthBoxes: how many boxes of the label the test set holds.
    public static func curve(predictions: [(confidence: Double, found: Bool)], groundTruthBoxes: Int) -> [Point] {
        let sorted = predictions.map { (BoxMatching.clamped($0.confidence), $0.found) }.sorted { $0.0 > $1.0 }
        var candidates: [Double] = []
        for (confidence, _) in sorted {
            let t = threshold(forConfidence: confidence)
            if candidates.last != t { candidates.append(t) }
        }
        var points: [Point] = []
        var next = 0
        var counts = DetectionCounts(falseNegatives: groundTruthBoxes)
        for t in candidates {
            while next < sorted.count && passes(sorted[next].0, threshold: t) {
                if sorted[next].1 {
                    counts.truePositives += 1
                    counts.falseNegatives -= 1
                } else {
                    counts.falsePositives += 1
                }
                next += 1
            }
            points.append(Point(threshold: t, counts: counts))
        }
        return points
    }

    /// The assumed threshold and the counts there: the highest F1, ties to the highest threshold.
    public static func choose(from curve: [Point], groundTruthBoxes: Int) -> Point {
        var best: Point?
        for point in curve where point.counts.f1Score > (best?.counts.f1Score ?? -1) {
            best = point
        }
        return best ?? Point(threshold: withoutPredictions, counts: DetectionCounts(falseNegatives: groundTruthBoxes))
    }

    /// Average precision of a label (area under its precision–recall curve, every point
    /// interpolated as in PASCAL VOC 2010+): Σ (Rₖ − Rₖ₋₁) · max_{j ≥ k} Pⱼ over the candidate
    /// thresholds from the highest down, R₀ = 0. Nil when the test set has no box of the label.
    public static func averagePrecision(curve: [Point], groundTruthBoxes: Int) -> Double? {
        guard groundTruthBoxes > 0 else { return nil }
        var suffixBest = Array(repeating: 0.0, count: curve.count + 1)
        for k in curve.indices.reversed() { suffixBest[k] = max(suffixBest[k + 1], curve[k].counts.precision) }
        var area = 0.0
        var previousRecall = 0.0
        for (k, point) in curve.enumerated() {
            let recall = point.counts.recall
            area += (recall - previousRecall) * suffixBest[k]
            previousRecall = recall
        }
        return area
    }
}
