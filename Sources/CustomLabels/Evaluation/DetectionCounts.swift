/// True positives, false positives and false negatives, and the ratios made from them.
///
/// The ratios when a denominator is 0 (panya's choice; no credit without evidence):
/// - precision = TP / (TP + FP), and 0 when nothing was predicted;
/// - recall = TP / (TP + FN), and 0 when there was nothing to find;
/// - F1 = 2·TP / (2·TP + FP + FN) — the harmonic mean of precision and recall — and 0 when
///   precision and recall are both 0 (in particular when there is no box at all).
///
/// The ratios are one division of whole numbers each, so equal fractions give bit-identical
/// Doubles (F1 ties are real ties).
public struct DetectionCounts: Sendable, Equatable, Hashable {
    /// Predictions that found a drawn box of their label.
    public var truePositives: Int
    /// Predictions that found nothing (or a box already found).
    public var falsePositives: Int
    /// Drawn boxes no prediction found.
    public var falseNegatives: Int

    /// Counts (all 0 by default).
    public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    /// TP / (TP + FP); 0 when nothing was predicted.
    public var precision: Double { Self.ratio(truePositives, truePositives + falsePositives) }
    /// TP / (TP + FN); 0 when there was nothing to find.
    public var recall: Double { Self.ratio(truePositives, truePositives + falseNegatives) }
    /// 2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall; 0 when both are 0.
    public var f1Score: Double { Self.ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives) }

    /// The sum of two counts.
    public static func + (a: Self, b: Self) -> Self {
        Self(truePositives: a.truePositives + b.truePositives, falsePositives: a.falsePositives + b.falsePositives,
             falseNegatives: a.falseNegatives + b.falseNegatives)
    }

    static func ratio(_ numerator: Int, _ denominator: Int) -> Double {
        denominator == 0 ? 0 : Double(numerator) / Double(denominator)
    }
}
