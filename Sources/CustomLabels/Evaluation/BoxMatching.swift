/// Matches a photo's predictions to its ground-truth boxes the way panya evaluates, which is the
/// common object-detection convention (the service does not document its own rule):
///
/// - a prediction can only match a ground-truth box of the same label, at IoU ≥ 0.5;
/// - predictions are taken greedily by confidence, highest first (equal confidences in the order
///   the model gave them); each takes the unmatched ground-truth box it overlaps most (equal
///   overlaps: the box drawn first);
/// - each ground-truth box is matched at most once, so a second prediction on a found bread is a
///   false positive.
///
/// Because the greedy order is by confidence, the predictions kept at any threshold are matched
/// exactly as when matching only those: matching once and then applying thresholds is the same as
/// applying a threshold and then matching.
public enum BoxMatching {
    /// The smallest intersection over union at which a prediction finds a ground-truth box.
    public static let minimumIntersectionOverUnion = 0.5

    /// One prediction of a photo after matching.
    public struct MatchedPrediction: Sendable, Equatable {
        /// Its place in the photo's predictions.
        public var index: Int
        /// The predicted label.
        public var label: String
        /// 0–100 (a confidence outside is clamped, NaN counts as 0).
        public var confidence: Double
        /// The predicted box (ratios of the photo).
        public var box: BoundingBox
        /// The index in the photo's ground truth of the box it found, or nil.
        public var groundTruthIndex: Int?
    }

    /// Matches one photo: the predictions with a box, in the photo's order, each with the
    /// ground-truth box it found (if any).
    public static func match(_ image: TestImage) -> [MatchedPrediction] {
        var predictions: [MatchedPrediction] = []
        for (index, prediction) in image.predictions.enumerated() {
            guard let box = prediction.boundingBox else { continue }
            predictions.append(MatchedPrediction(index: index, label: prediction.name, confidence: clamped(prediction.confidence),
                                                 box: box, groundTruthIndex: nil))
        }
        let order = predictions.indices.sorted { a, b in
            predictions[a].confidence != predictions[b].confidence
                ? predictions[a].confidence > predictions[b].confidence : predictions[a].index < predictions[b].index
        }
        var taken = Array(repeating: false, count: image.groundTruth.count)
        for p in order {
            var best: (index: Int, iou: Double)?
            for (g, truth) in image.groundTruth.enumerated() where !taken[g] && truth.label == predictions[p].label {
                let iou = predictions[p].box.intersectionOverUnion(truth.box)
                if iou >= minimumIntersectionOverUnion, iou > (best?.iou ?? -1) { best = (g, iou) }
            }
            if let best {
                taken[best.index] = true
                predictions[p].groundTruthIndex = best.index
            }
        }
        return predictions
    }

    /// A confidence in 0–100 (NaN → 0).
    static func clamped(_ confidence: Double) -> Double {
        confidence.isNaN ? 0 : min(100, max(0, confidence))
    }
}
