import Testing
@testable import CustomLabels

// Boxes as ratios of the photo; the helpers keep the cases readable.
private func box(_ left: Double, _ top: Double, _ width: Double = 0.2, _ height: Double = 0.2) -> BoundingBox {
    BoundingBox(width: width, height: height, left: left, top: top)
}
private func truth(_ label: String, _ b: BoundingBox) -> LabelledBox { LabelledBox(label: label, box: b) }
private func guess(_ label: String, _ confidence: Double, _ b: BoundingBox) -> CustomLabel {
    CustomLabel(name: label, confidence: confidence, boundingBox: b)
}
private let a = box(0.1, 0.1), b = box(0.6, 0.1), c = box(0.1, 0.6), far = box(0.7, 0.7)

private func label(_ evaluation: Evaluation, _ name: String) throws -> Evaluation.LabelResult {
    try #require(evaluation.labels.first { $0.label == name })
}
private func outcomes(_ evaluation: Evaluation) -> [[String]] {
    evaluation.images.map { $0.boxes.map { "\($0.outcome.rawValue) \($0.label) \($0.confidence.map { String($0) } ?? "-")" } }
}

@Suite struct EvaluationTests {
    /// The seed: three test photos, one bread each, predicted at 81.7 / 86.2 / 90.7 on the drawn box,
    /// plus the demo's low second guesses (あんぱん 41.2 on the melon-pan, メロンパン 23.5 on the yakisoba-pan).
    /// On paper, あんぱん: at 0.817 TP 1 FP 0 FN 0 → F1 1; at 0.412 TP 1 FP 1 → F1 2/3, so 0.817.
    /// メロンパン: at 0.862 F1 1; at 0.235 F1 2/3 → 0.862. 焼きそばパン: only 90.7 → 0.907, F1 1.
    @Test func theSeedGivesItsThresholdsAndF1One() throws {
        let images = [
            TestImage(photo: "anpan.jpg", groundTruth: [truth("あんぱん", a)], predictions: [guess("あんぱん", 81.7, a)]),
            TestImage(photo: "melonpan.jpg", groundTruth: [truth("メロンパン", b)],
                      predictions: [guess("メロンパン", 86.2, b), guess("あんぱん", 41.2, b)]),
            TestImage(photo: "yakisoba.jpg", groundTruth: [truth("焼きそばパン", c)],
                      predictions: [guess("メロンパン", 23.5, c), guess("焼きそばパン", 90.7, c)]),
        ]
        let evaluation = Evaluation.evaluate(testImages: images, labels: ["あんぱん", "メロンパン", "焼きそばパン"])
        #expect(evaluation.labels.map(\.label) == ["あんぱん", "メロンパン", "焼きそばパン"])
        #expect(evaluation.labels.map(\.threshold) == [0.817, 0.862, 0.907])
        for result in evaluation.labels {
            #expect(result.f1Score == 1 && result.precision == 1 && result.recall == 1)
            #expect(result.testingImages == 1)
            #expect(result.averagePrecision == 1 && result.highestRecall == 1)
        }
        #expect(evaluation.aggregated.counts == DetectionCounts(truePositives: 3, falsePositives: 0, falseNegatives: 0))
        #expect(evaluation.aggregated.f1Score == 1 && evaluation.aggregated.averagePrecision == 1 && evaluation.aggregated.averageRecall == 1)
        #expect(outcomes(evaluation) == [["TRUE_POSITIVE あんぱん 81.7"], ["TRUE_POSITIVE メロンパン 86.2"], ["TRUE_POSITIVE 焼きそばパン 90.7"]])
        // The register's rule keeps exactly what the evaluation counted.
        let shown = DetectionRules.apply(candidates: images[1].predictions, thresholds: evaluation.thresholds, minConfidence: nil, maxResults: nil)
        #expect(shown.map(\.name) == ["メロンパン"])
    }

    /// A perfect set with two breads in each of two photos: every label TP 2, FP 0, FN 0 → all 1.
    @Test func aPerfectSetScoresOne() {
        let images = [
            TestImage(photo: "1.jpg", groundTruth: [truth("あんぱん", a), truth("メロンパン", b)],
                      predictions: [guess("メロンパン", 97, b), guess("あんぱん", 93, a)]),
            TestImage(photo: "2.jpg", groundTruth: [truth("あんぱん", c), truth("メロンパン", far)],
                      predictions: [guess("あんぱん", 88, c), guess("メロンパン", 99, far)]),
        ]
        let evaluation = Evaluation.evaluate(testImages: images, labels: ["あんぱん", "メロンパン"])
        #expect(evaluation.labels.map(\.threshold) == [0.88, 0.97])
        #expect(evaluation.labels.map(\.counts) == [DetectionCounts(truePositives: 2), DetectionCounts(truePositives: 2)])
        #expect(evaluation.labels.map(\.testingImages) == [2, 2])
        #expect(evaluation.aggregated.f1Score == 1)
        #expect(outcomes(evaluation) == [["TRUE_POSITIVE メロンパン 97.0", "TRUE_POSITIVE あんぱん 93.0"],
                                         ["TRUE_POSITIVE メロンパン 99.0", "TRUE_POSITIVE あんぱん 88.0"]])
    }

    /// A missed bread: two あんぱん, only one predicted (90). At 0.9: TP 1, FP 0, FN 1 →
    /// P = 1, R = 1/2, F1 = 2·1/(2+0+1) = 2/3. The missed box is a false negative with no confidence.
    @Test func aMissedBreadIsAFalseNegative() throws {
        let images = [
            TestImage(photo: "1.jpg", groundTruth: [truth("あんぱん", a)], predictions: [guess("あんぱん", 90, a)]),
            TestImage(photo: "2.jpg", groundTruth: [truth("あんぱん", b)], predictions: []),
        ]
        let evaluation = Evaluation.evaluate(testImages: images, labels: ["あんぱん"])
        let anpan = try label(evaluation, "あんぱん")
        #expect(anpan.threshold == 0.9)
        #expect(anpan.counts == DetectionCounts(truePositives: 1, falsePositives: 0, falseNegatives: 1))
        #expect(anpan.precision == 1 && anpan.recall == 0.5 && anpan.f1Score == 2.0 / 3.0)
        #expect(outcomes(evaluation) == [["TRUE_POSITIVE あんぱん 90.0"], ["FALSE_NEGATIVE あんぱん -"]])
        #expect(evaluation.images[1].boxes[0].box == b)
    }

    /// A duplicate prediction: two breads; 90 on bread 1, 85 again on bread 1, 80 on bread 2.
    /// Greedy: 90 takes bread 1, 85 finds nothing left (FP), 80 takes bread 2.
    /// 0.90: TP 1 FP 0 FN 1 → 2/3; 0.85: TP 1 FP 1 FN 1 → 2/4; 0.80: TP 2 FP 1 FN 0 → 4/5 (best).
    /// At 0.8: P = 2/3, R = 1, F1 = 0.8; the duplicate is shown as a false positive.
    @Test func aDuplicatePredictionIsAFalsePositive() throws {
        let images = [TestImage(photo: "1.jpg", groundTruth: [truth("あんぱん", a), truth("あんぱん", b)],
                                predictions: [guess("あんぱん", 85, a), guess("あんぱん", 90, a), guess("あんぱん", 80, b)])]
        let evaluation = Evaluation.evaluate(testImages: images, labels: ["あんぱん"])
        let anpan = try label(evaluation, "あんぱん")
        #expect(anpan.threshold == 0.8)
        #expect(anpan.counts == DetectionCounts(truePositives: 2, falsePositives: 1, falseNegatives: 0))
        #expect(anpan.precision == 2.0 / 3.0 && anpan.recall == 1 && anpan.f1Score == 0.8)
        #expect(outcomes(evaluation) == [["TRUE_POSITIVE あんぱん 90.0", "FALSE_POSITIVE あんぱん 85.0", "TRUE_POSITIVE あんぱん 80.0"]])
        #expect(evaluation.images[0].boxes[0].groundTruth == a)
    }

    /// Two labels on one box: an あんぱん predicted 88 as あんぱん and 60 as メロンパン; no メロンパン in
    /// the test set. あんぱん: 0.88, F1 1. メロンパン: its only candidate 0.6 has TP 0 FP 1 FN 0 →
    /// P 0, R 0 (nothing to find), F1 0 — still the best (only) candidate, so 0.6, shown as FP.
    /// Aggregated: TP 1, FP 1, FN 0 → P 1/2, R 1, F1 2/3; mAP counts only あんぱん (1).
    @Test func twoLabelsOnOneBox() throws {
        let images = [TestImage(photo: "1.jpg", groundTruth: [truth("あんぱん", a)],
                                predictions: [guess("メロンパン", 60, a), guess("あんぱん", 88, a)])]
        let evaluation = Evaluation.evaluate(testImages: images, labels: ["あんぱん", "メロンパン"])
        let anpan = try label(evaluation, "あんぱん"), melon = try label(evaluation, "メロンパン")
        #expect(anpan.threshold == 0.88 && anpan.f1Score == 1)
        #expect(melon.threshold == 0.6 && melon.f1Score == 0 && melon.precision == 0 && melon.recall == 0)
        #expect(melon.testingImages == 0 && melon.averagePrecision == nil && melon.highestRecall == nil)
        #expect(evaluation.aggregated.counts == DetectionCounts(truePositives: 1, falsePositives: 1, falseNegatives: 0))
        #expect(evaluation.aggregated.f1Score == 2.0 / 3.0 && evaluation.aggregated.averagePrecision == 1)
        #expect(outcomes(evaluation) == [["TRUE_POSITIVE あんぱん 88.0", "FALSE_POSITIVE メロンパン 60.0"]])
    }

    /// Ties: two あんぱん; 90 finds bread 1, 80 and 75 find nothing, 70 finds bread 2.
    /// 0.90: TP 1 FP 0 FN 1 → 2/3; 0.80: 2/4; 0.75: 2/5; 0.70: TP 2 FP 2 FN 0 → 4/6 = 2/3.
    /// 0.90 and 0.70 tie at 2/3: the highest, 0.90, is the assumed threshold.
    @Test func equalF1GoesToTheHighestThreshold() throws {
        let images = [
            TestImage(photo: "1.jpg", groundTruth: [truth("あんぱん", a)],
                      predictions: [guess("あんぱん", 90, a), guess("あんぱん", 80, far), guess("あんぱん", 75, b)]),
            TestImage(photo: "2.jpg", groundTruth: [truth("あんぱん", c)], predictions: [guess("あんぱん", 70, c)]),
        ]
        let anpan = try label(Evaluation.evaluate(testImages: images, labels: ["あんぱん"]), "あんぱん")
        #expect(anpan.threshold == 0.9)
        #expect(anpan.counts == DetectionCounts(truePositives: 1, falsePositives: 0, falseNegatives: 1))
    }

    /// Equal confidences are one candidate: a TP and an FP both at 85 count together
    /// (TP 1, FP 1, FN 0 → F1 2/3); the threshold cannot split them.
    @Test func equalConfidencesShareOneThreshold() throws {
        let images = [TestImage(photo: "1.jpg", groundTruth: [truth("あんぱん", a)],
                                predictions: [guess("あんぱん", 85, far), guess("あんぱん", 85, a)])]
        let evaluation = Evaluation.evaluate(testImages: images, labels: ["あんぱん"])
        let anpan = try label(evaluation, "あんぱん")
        #expect(anpan.threshold == 0.85)
        #expect(anpan.counts == DetectionCounts(truePositives: 1, falsePositives: 1, falseNegatives: 0))
        #expect(outcomes(evaluation) == [["FALSE_POSITIVE あんぱん 85.0", "TRUE_POSITIVE あんぱん 85.0"]])
    }

    /// The best F1 at a lower threshold: three あんぱん; 95 TP, 90 FP, 85 TP, 80 TP.
    /// 0.95: TP 1 FP 0 FN 2 → 2/4 = 0.5; 0.90: 2/5; 0.85: TP 2 FP 1 FN 1 → 4/6; 0.80: TP 3 FP 1 FN 0 → 6/7 (best).
    /// At 0.8: P 3/4, R 1. AP: points (R, P) = (1/3, 1), (1/3, 1/2), (2/3, 2/3), (1, 3/4); interpolated
    /// P = 1, 3/4, 3/4, 3/4 → AP = 1/3·1 + 0 + 1/3·3/4 + 1/3·3/4 = 5/6.
    @Test func theBestF1CanBeAtALowerThreshold() throws {
        let images = [
            TestImage(photo: "1.jpg", groundTruth: [truth("あんぱん", a)], predictions: [guess("あんぱん", 95, a), guess("あんぱん", 90, far)]),
            TestImage(photo: "2.jpg", groundTruth: [truth("あんぱん", b)], predictions: [guess("あんぱん", 85, b)]),
            TestImage(photo: "3.jpg", groundTruth: [truth("あんぱん", c)], predictions: [guess("あんぱん", 80, c)]),
        ]
        let evaluation = Evaluation.evaluate(testImages: images, labels: ["あんぱん"])
        let anpan = try label(evaluation, "あんぱん")
        #expect(anpan.threshold == 0.8)
        #expect(anpan.precision == 0.75 && anpan.recall == 1 && anpan.f1Score == 6.0 / 7.0)
        #expect(abs((anpan.averagePrecision ?? 0) - 5.0 / 6.0) < 1e-12)
        #expect(anpan.highestRecall == 1)
        #expect(anpan.testingImages == 3)
    }

    /// No predictions at all: threshold 1.0, TP 0, FN 2 → P 0 (nothing predicted), R 0, F1 0; both
    /// breads are false negatives without a confidence; AP 0, AR 0.
    @Test func emptyPredictions() throws {
        let images = [TestImage(photo: "1.jpg", groundTruth: [truth("あんぱん", a), truth("あんぱん", b)], predictions: [])]
        let evaluation = Evaluation.evaluate(testImages: images, labels: ["あんぱん"])
        let anpan = try label(evaluation, "あんぱん")
        #expect(anpan.threshold == AssumedThreshold.withoutPredictions)
        #expect(anpan.counts == DetectionCounts(truePositives: 0, falsePositives: 0, falseNegatives: 2))
        #expect(anpan.precision == 0 && anpan.recall == 0 && anpan.f1Score == 0)
        #expect(anpan.averagePrecision == 0 && anpan.highestRecall == 0)
        #expect(outcomes(evaluation) == [["FALSE_NEGATIVE あんぱん -", "FALSE_NEGATIVE あんぱん -"]])
        #expect(evaluation.aggregated.averagePrecision == 0 && evaluation.aggregated.f1Score == 0)
    }

    /// An empty test set: nothing to find, nothing predicted → every figure 0, threshold 1.0.
    @Test func anEmptyTestSet() {
        let evaluation = Evaluation.evaluate(testImages: [], labels: ["あんぱん"])
        #expect(evaluation.labels.map(\.threshold) == [1.0])
        #expect(evaluation.aggregated == Evaluation.Aggregated(counts: DetectionCounts(), averagePrecision: 0, averageRecall: 0))
        #expect(evaluation.testingImages == 0)
    }

    /// A bread found below its threshold is a false negative that keeps the confidence it was found at.
    /// Two あんぱん: 90 on bread 1, 40 on bread 2; 85, 50 and 45 on nothing.
    /// 0.90: TP 1 FP 0 FN 1 → 2/3 (best); 0.85: 2/4; 0.50: 2/5; 0.45: 2/6; 0.40: TP 2 FP 3 FN 0 → 4/7.
    @Test func aBreadFoundBelowTheThresholdKeepsItsConfidence() throws {
        let images = [TestImage(photo: "1.jpg", groundTruth: [truth("あんぱん", a), truth("あんぱん", b)],
                                predictions: [guess("あんぱん", 90, a), guess("あんぱん", 85, far), guess("あんぱん", 50, c),
                                              guess("あんぱん", 45, box(0.4, 0.4)), guess("あんぱん", 40, b)])]
        let evaluation = Evaluation.evaluate(testImages: images, labels: ["あんぱん"])
        #expect(try label(evaluation, "あんぱん").threshold == 0.9)
        #expect(outcomes(evaluation) == [["TRUE_POSITIVE あんぱん 90.0", "FALSE_NEGATIVE あんぱん 40.0"]])
    }

    /// IoU at the edge: the ground truth is 0.5 × 0.5; a prediction 0.5 wide inside it covers
    /// IoU = h·0.5 / 0.25 (union is the ground truth): h = 0.25 gives exactly 0.5 (a match),
    /// one ulp less is under 0.5 (FP + FN), one ulp more is over (a match).
    @Test(arguments: [(0.25, true), (0.25.nextDown, false), (0.25.nextUp, true)])
    func iouAtTheEdge(height: Double, matches: Bool) throws {
        let groundTruth = BoundingBox(width: 0.5, height: 0.5, left: 0, top: 0)
        let prediction = BoundingBox(width: 0.5, height: height, left: 0, top: 0)
        let iou = prediction.intersectionOverUnion(groundTruth)
        #expect(matches ? iou >= 0.5 : iou < 0.5)
        let images = [TestImage(photo: "1.jpg", groundTruth: [truth("あんぱん", groundTruth)], predictions: [guess("あんぱん", 90, prediction)])]
        let evaluation = Evaluation.evaluate(testImages: images, labels: ["あんぱん"])
        let expected = matches ? [["TRUE_POSITIVE あんぱん 90.0"]] : [["FALSE_POSITIVE あんぱん 90.0", "FALSE_NEGATIVE あんぱん -"]]
        #expect(outcomes(evaluation) == expected)
    }

    /// A prediction only matches a box of its own label, and each drawn box is found once.
    @Test func matchingIsPerLabelAndGreedyByConfidence() {
        let image = TestImage(photo: "1.jpg", groundTruth: [truth("メロンパン", a), truth("あんぱん", a)],
                              predictions: [guess("あんぱん", 70, a), guess("あんぱん", 95, a), guess("メロンパン", 60, a)])
        let matched = BoxMatching.match(image)
        #expect(matched.map(\.groundTruthIndex) == [nil, 1, 0])
    }

    /// Two touching breads: a prediction takes the unmatched box it overlaps most, so the second
    /// prediction still finds the other bread. Boxes 0.2 wide at left 0.1 and 0.3; a prediction at
    /// 0.28 overlaps the second by 0.18/0.22 (IoU 0.82) and the first by 0.02/0.38 (IoU 0.05).
    @Test func aPredictionTakesTheBoxItOverlapsMost() {
        let first = box(0.1, 0.1), second = box(0.3, 0.1)
        let image = TestImage(photo: "1.jpg", groundTruth: [truth("あんぱん", first), truth("あんぱん", second)],
                              predictions: [guess("あんぱん", 95, box(0.28, 0.1)), guess("あんぱん", 90, box(0.11, 0.1))])
        #expect(BoxMatching.match(image).map(\.groundTruthIndex) == [1, 0])
    }

    /// Labels met only in the data come after the project's, in the order met.
    @Test func labelsMetInTheDataComeAfterTheProjects() {
        let images = [TestImage(photo: "1.jpg", groundTruth: [truth("おにぎり", a)], predictions: [guess("カレーパン", 50, b)])]
        #expect(Evaluation.evaluate(testImages: images, labels: ["あんぱん"]).labels.map(\.label) == ["あんぱん", "おにぎり", "カレーパン"])
    }

    @Test(arguments: [(81.7, 0.817), (86.2, 0.862), (90.7, 0.907), (90.44999694824219, 0.904499), (100.0, 1.0), (0.0, 0.0),
                      (77.53700256347656, 0.775370), (81.69999999999999, 0.816999), (-3.0, 0.0), (130.0, 1.0)])
    func aConfidenceBecomesAThresholdItReaches(confidence: Double, threshold: Double) {
        #expect(AssumedThreshold.threshold(forConfidence: confidence) == threshold)
        #expect(AssumedThreshold.passes(min(100, max(0, confidence)), threshold: threshold))
    }

    @Test func ratiosWithNothingToCountAreZero() {
        #expect(DetectionCounts().precision == 0 && DetectionCounts().recall == 0 && DetectionCounts().f1Score == 0)
        let onlyMisses = DetectionCounts(truePositives: 0, falsePositives: 0, falseNegatives: 3)
        #expect(onlyMisses.precision == 0 && onlyMisses.recall == 0 && onlyMisses.f1Score == 0)
    }
}
