import Testing
@testable import CustomLabels

let seedThresholds: [String: Double] = ["あんぱん": 0.817, "メロンパン": 0.862, "焼きそばパン": 0.907]

func names(_ labels: [CustomLabel]) -> [String] { labels.map(\.name) }

@Test func noMinConfidenceUsesThresholds() throws {
    let shown = DetectionRules.apply(candidates: breads3Candidates.reversed(), thresholds: seedThresholds, minConfidence: nil, maxResults: nil)
    #expect(names(shown) == ["メロンパン"])
}

@Test(arguments: [
    (80.0, ["焼きそばパン", "メロンパン"]),
    (75.0, ["焼きそばパン", "メロンパン", "あんぱん"]),
    (90.44999694824219, ["焼きそばパン"]),
    (90.45, []),
    (0.0, ["焼きそばパン", "メロンパン", "あんぱん"]),
])
func minConfidenceIgnoresThresholds(minConfidence: Double, expected: [String]) throws {
    let shown = DetectionRules.apply(candidates: breads3Candidates, thresholds: seedThresholds, minConfidence: minConfidence, maxResults: nil)
    #expect(names(shown) == expected)
}

@Test func maxResultsKeepsTheFirst() throws {
    let one = DetectionRules.apply(candidates: breads3Candidates, thresholds: seedThresholds, minConfidence: 75, maxResults: 1)
    #expect(names(one) == ["焼きそばパン"])
    let zero = DetectionRules.apply(candidates: breads3Candidates, thresholds: seedThresholds, minConfidence: 75, maxResults: 0)
    #expect(zero.isEmpty)
}

@Test(arguments: [("あんぱん", 81.7), ("メロンパン", 86.2), ("焼きそばパン", 90.7)])
func aConfidenceEqualToTheThresholdIsKept(name: String, confidence: Double) throws {
    let label = CustomLabel(name: name, confidence: confidence, boundingBox: nil)
    #expect(DetectionRules.apply(candidates: [label], thresholds: seedThresholds, minConfidence: nil, maxResults: nil) == [label])
    let below = CustomLabel(name: name, confidence: confidence.nextDown, boundingBox: nil)
    #expect(DetectionRules.apply(candidates: [below], thresholds: seedThresholds, minConfidence: nil, maxResults: nil).isEmpty)
}

@Test func thresholdPercentRemovesBinaryNoise() {
    #expect(0.817 * 100 != 81.7)
    #expect(DetectionRules.thresholdPercent(0.817) == 81.7)
    #expect(DetectionRules.thresholdPercent(0.862) == 86.2)
    #expect(DetectionRules.thresholdPercent(0.907) == 90.7)
}

@Test(arguments: [(-0.1, nil), (100.5, nil), (Double.nan, nil), (50.0, -1)] as [(Double, Int?)])
func invalidParameters(minConfidence: Double, maxResults: Int?) throws {
    let error = try #require(throws: ServiceError.self) {
        try DetectionRules.validate(minConfidence: minConfidence, maxResults: maxResults)
    }
    #expect(error.kind == .invalidParameter)
}

@Test func inspectionExplainsEveryVerdict() throws {
    let rows = DetectionRules.inspect(candidates: breads3Candidates, thresholds: seedThresholds, minConfidence: nil, maxResults: nil)
    #expect(rows.map(\.reason.en) == ["hidden: 90.45 < threshold 90.7", "shown", "hidden: 77.54 < threshold 81.7"])
    #expect(rows.map(\.reason.ja) == ["非表示: 90.45 < しきい値 90.7", "表示", "非表示: 77.54 < しきい値 81.7"])
    let withMin = DetectionRules.inspect(candidates: breads3Candidates, thresholds: seedThresholds, minConfidence: 80, maxResults: 1)
    #expect(withMin.map(\.reason.en) == ["shown", "hidden: number 2 > max-results 1", "hidden: 77.54 < min-confidence 80"])
    #expect(withMin[2].threshold == 0.817)
}

@Test func nearlyEqualNumbersGetMoreDecimals() {
    let label = CustomLabel(name: "焼きそばパン", confidence: 90.699, boundingBox: nil)
    let row = Inspection(label: label, threshold: 0.907, minConfidence: nil, verdict: .belowThreshold(90.7))
    #expect(row.reason.en == "hidden: 90.699 < threshold 90.7")
}
