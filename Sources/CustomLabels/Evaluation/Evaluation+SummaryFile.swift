extension Evaluation {
    /// What an evaluation summary file alone tells (the live service's case): each label's assumed
    /// threshold and test photos, and the aggregate mAP and mAR. The file holds ratios, not
    /// counts, so every `counts` is zero (read the ratios from the file), and it has no test
    /// results, so `images` is empty.
    public init(summaryFile file: EvaluationSummaryFile) {
        self.init(labels: file.labelResults.map {
                      LabelResult(label: $0.label, threshold: $0.threshold, counts: DetectionCounts(), testingImages: $0.testingImages ?? 0,
                                  groundTruthBoxes: 0, averagePrecision: nil, highestRecall: nil)
                  },
                  aggregated: Aggregated(counts: DetectionCounts(), averagePrecision: file.averagePrecision ?? 0,
                                         averageRecall: file.averageRecall ?? 0),
                  images: [])
    }
}
