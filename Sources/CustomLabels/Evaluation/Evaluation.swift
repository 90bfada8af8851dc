/// A model's evaluation on the test dataset, computed as the service defines it (see
/// ``BoxMatching`` for how boxes are matched, ``AssumedThreshold`` for thresholds and
/// ``DetectionCounts`` for the ratios and their 0/0 cases).
///
/// Aggregated figures:
/// - Precision, Recall, F1Score: over every box of every label, each label at its own assumed
///   threshold (the labels' TP, FP and FN added up, then the ratios).
/// - AveragePrecision (mAP): the mean over labels with a ground-truth box in the test set of each
///   label's average precision at IoU ≥ 0.5 (``AssumedThreshold/averagePrecision(curve:groundTruthBoxes:)``).
/// - AverageRecall (mAR): the mean over the same labels of the highest recall the model reaches
///   (every prediction kept, IoU ≥ 0.5) — COCO's AR at one IoU and no cap on detections.
/// Both are 0 when no label has a ground-truth box.
public struct Evaluation: Sendable, Equatable {
    /// One label's figures at its assumed threshold.
    public struct LabelResult: Sendable, Equatable {
        /// The label.
        public var label: String
        /// The assumed threshold, 0–1.
        public var threshold: Double
        /// TP, FP and FN at the assumed threshold.
        public var counts: DetectionCounts
        /// Test photos whose ground truth has the label.
        public var testingImages: Int
        /// Boxes of the label in the test set's ground truth.
        public var groundTruthBoxes: Int
        /// Area under the label's precision–recall curve; nil without a ground-truth box.
        public var averagePrecision: Double?
        /// Recall with every prediction kept; nil without a ground-truth box.
        public var highestRecall: Double?

        /// TP / (TP + FP); 0 when nothing was predicted.
        public var precision: Double { counts.precision }
        /// TP / (TP + FN); 0 when there was nothing to find.
        public var recall: Double { counts.recall }
        /// The harmonic mean of precision and recall; 0 when both are 0.
        public var f1Score: Double { counts.f1Score }
    }

    /// The figures over all labels.
    public struct Aggregated: Sendable, Equatable {
        /// Every label's TP, FP and FN at its own assumed threshold, added up.
        public var counts: DetectionCounts
        /// Mean of the labels' average precisions (mAP).
        public var averagePrecision: Double
        /// Mean of the labels' highest recalls (mAR).
        public var averageRecall: Double

        /// TP / (TP + FP); 0 when nothing was predicted.
        public var precision: Double { counts.precision }
        /// TP / (TP + FN); 0 when there was nothing to find.
        public var recall: Double { counts.recall }
        /// The harmonic mean of precision and recall; 0 when both are 0.
        public var f1Score: Double { counts.f1Score }
    }

    /// How a test box came out at the assumed thresholds (the console's test results).
    public enum Outcome: String, Sendable, Equatable, CaseIterable {
        case truePositive = "TRUE_POSITIVE"
        case falsePositive = "FALSE_POSITIVE"
        case falseNegative = "FALSE_NEGATIVE"
    }

    /// One box of the test results: a prediction shown at its label's threshold (TP or FP), or a
    /// ground-truth box no shown prediction found (FN).
    public struct TestBox: Sendable, Equatable {
        /// The label.
        public var label: String
        /// The predicted box (TP, FP) or the ground-truth box (FN).
        public var box: BoundingBox
        /// The prediction's confidence (TP, FP); for an FN, the confidence of the prediction that
        /// found the box below the threshold, or nil when nothing found it.
        public var confidence: Double?
        /// TP, FP or FN.
        public var outcome: Outcome
        /// For a TP, the ground-truth box it found.
        public var groundTruth: BoundingBox?
    }

    /// The test results of one photo: TP and FP boxes by confidence (highest first), then FN boxes
    /// in the order they were drawn.
    public struct TestImageResult: Sendable, Equatable {
        /// The photo, as named in the test set.
        public var photo: String
        /// Its boxes: TP and FP by confidence, then FN.
        public var boxes: [TestBox]
    }

    /// Every label, the given labels first in their order, then any other label met in the ground
    /// truth or the predictions (in the order met).
    public var labels: [LabelResult]
    /// The figures over all labels.
    public var aggregated: Aggregated
    /// One result per test photo, in the test set's order.
    public var images: [TestImageResult]
    /// How many photos the test set has.
    public var testingImages: Int { images.count }

    /// The assumed threshold of each label (for `DetectionRules`).
    public var thresholds: [String: Double] {
        Dictionary(labels.map { ($0.label, $0.threshold) }, uniquingKeysWith: { first, _ in first })
    }

    /// Evaluates the model's predictions on the test set.
    /// - Parameters:
    ///   - testImages: every test photo with its ground truth and every candidate the model gave.
    ///   - labels: the project's labels (labels met only in the data are added after them).
    public static func evaluate(testImages: [TestImage], labels: [String]) -> Evaluation {
        var order: [String] = []
        var known = Set<String>()
        func meet(_ label: String) {
            if known.insert(label).inserted { order.append(label) }
        }
        labels.forEach(meet)
        for image in testImages {
            image.groundTruth.forEach { meet($0.label) }
            image.predictions.forEach { if $0.boundingBox != nil { meet($0.name) } }
        }

        let matched = testImages.map(BoxMatching.match)
        var predictionsByLabel: [String: [(confidence: Double, found: Bool)]] = [:]
        var boxesByLabel: [String: Int] = [:]
        var imagesByLabel: [String: Int] = [:]
        for (image, predictions) in zip(testImages, matched) {
            for p in predictions { predictionsByLabel[p.label, default: []].append((p.confidence, p.groundTruthIndex != nil)) }
            for truth in image.groundTruth { boxesByLabel[truth.label, default: 0] += 1 }
            for label in Set(image.groundTruth.map(\.label)) { imagesByLabel[label, default: 0] += 1 }
        }

        var results: [LabelResult] = []
        for label in order {
            let boxes = boxesByLabel[label] ?? 0
            let curve = AssumedThreshold.curve(predictions: predictionsByLabel[label] ?? [], groundTruthBoxes: boxes)
            let chosen = AssumedThreshold.choose(from: curve, groundTruthBoxes: boxes)
            results.append(LabelResult(label: label, threshold: chosen.threshold, counts: chosen.counts,
                                       testingImages: imagesByLabel[label] ?? 0, groundTruthBoxes: boxes,
                                       averagePrecision: AssumedThreshold.averagePrecision(curve: curve, groundTruthBoxes: boxes),
                                       highestRecall: boxes > 0 ? (curve.last?.counts.recall ?? 0) : nil))
        }

        let total = results.reduce(DetectionCounts()) { $0 + $1.counts }
        let precisions = results.compactMap(\.averagePrecision)
        let recalls = results.compactMap(\.highestRecall)
        let aggregated = Aggregated(counts: total, averagePrecision: mean(precisions), averageRecall: mean(recalls))

        let thresholds = Dictionary(results.map { ($0.label, $0.threshold) }, uniquingKeysWith: { first, _ in first })
        let images = zip(testImages, matched).map { image, predictions in
            testResult(image: image, predictions: predictions, thresholds: thresholds)
        }
        return Evaluation(labels: results, aggregated: aggregated, images: images)
    }

    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    static func testResult(image: TestImage, predictions: [BoxMatching.MatchedPrediction], thresholds: [String: Double]) -> TestImageResult {
        var shown: [TestBox] = []
        var foundByShown = Set<Int>()
        var foundBelow: [Int: Double] = [:]
        let ordered = predictions.sorted { a, b in a.confidence != b.confidence ? a.confidence > b.confidence : a.index < b.index }
        for p in ordered {
            let threshold = thresholds[p.label] ?? AssumedThreshold.withoutPredictions
            guard AssumedThreshold.passes(p.confidence, threshold: threshold) else {
                if let g = p.groundTruthIndex { foundBelow[g] = p.confidence }
                continue
            }
            if let g = p.groundTruthIndex {
                foundByShown.insert(g)
                shown.append(TestBox(label: p.label, box: p.box, confidence: p.confidence, outcome: .truePositive,
                                     groundTruth: image.groundTruth[g].box))
            } else {
                shown.append(TestBox(label: p.label, box: p.box, confidence: p.confidence, outcome: .falsePositive, groundTruth: nil))
            }
        }
        for (g, truth) in image.groundTruth.enumerated() where !foundByShown.contains(g) {
            shown.append(TestBox(label: truth.label, box: truth.box, confidence: foundBelow[g], outcome: .falseNegative, groundTruth: nil))
        }
        return TestImageResult(photo: image.photo, boxes: shown)
    }
}
