import PanyaSupport

/// The evaluation summary file the service writes after training,
/// `EvaluationSummary-<project>-<version>.json`, in full (``EvaluationSummary`` is the lenient
/// reader of the parts `detect` needs).
///
/// Keys in the service's order: `Version`, `EvaluationDetails` {`ProjectVersionArn`,
/// `EvaluationEndTimestamp`, `Labels`, `NumberOfTrainingImages`, `NumberOfTestingImages`},
/// `AggregatedEvaluationResults` {`Precision`, `Recall`, `F1Score`, `AveragePrecision`,
/// `AverageRecall`}, `LabelEvaluationResults` [{`Label`, `NumberOfTestingImages`, `Metrics`
/// {`Threshold`, `Precision`, `Recall`, `F1Score`}}] sorted by F1, best first (then by label).
/// Reading ignores keys it does not know (the service adds `ConfusionMatrix` for classification).
public struct EvaluationSummaryFile: Sendable, Equatable {
    /// The file format's version (1).
    public var version: Int
    /// The evaluated model version.
    public var projectVersionArn: String
    /// When evaluation ended, as the service writes it: `2019-11-21T07:30:23.910943` (UTC, no offset).
    public var evaluationEndTimestamp: String
    /// The labels the model knows.
    public var labels: [String]
    /// Photos in the training dataset.
    public var numberOfTrainingImages: Int
    /// Photos in the test dataset.
    public var numberOfTestingImages: Int
    /// Aggregated precision.
    public var precision: Double
    /// Aggregated recall.
    public var recall: Double
    /// Aggregated F1 (DescribeProjectVersions' `EvaluationResult.F1Score`).
    public var f1Score: Double
    /// mAP, for object detection.
    public var averagePrecision: Double?
    /// mAR, for object detection.
    public var averageRecall: Double?
    /// Per label: threshold, precision, recall, F1, test images; sorted by F1, best first.
    public var labelResults: [LabelEvaluation]

    /// A summary file from its parts.
    public init(version: Int = 1, projectVersionArn: String, evaluationEndTimestamp: String, labels: [String],
                numberOfTrainingImages: Int, numberOfTestingImages: Int, precision: Double, recall: Double, f1Score: Double,
                averagePrecision: Double?, averageRecall: Double?, labelResults: [LabelEvaluation]) {
        self.version = version
        self.projectVersionArn = projectVersionArn
        self.evaluationEndTimestamp = evaluationEndTimestamp
        self.labels = labels
        self.numberOfTrainingImages = numberOfTrainingImages
        self.numberOfTestingImages = numberOfTestingImages
        self.precision = precision
        self.recall = recall
        self.f1Score = f1Score
        self.averagePrecision = averagePrecision
        self.averageRecall = averageRecall
        self.labelResults = labelResults
    }

    /// `EvaluationSummary-<project>-<version>.json`.
    public static func fileName(project: String, version: String) -> String {
        "EvaluationSummary-\(project)-\(version).json"
    }

    /// A moment as the service writes `EvaluationEndTimestamp` (Python's `isoformat()` of a UTC
    /// time): `2023-08-01T10:30:00`, with `.ffffff` microseconds when they are not 0.
    public static func timestamp(seconds: Double) -> String {
        var whole = seconds.rounded(.down)
        var micros = Int(((seconds - whole) * 1_000_000).rounded())
        if micros >= 1_000_000 {
            whole += 1
            micros -= 1_000_000
        }
        let text = String(ISO8601.format(seconds: whole, offsetSeconds: 0).dropLast())  // drop the Z
        return micros == 0 ? text : text + "." + ISO8601.pad(micros, 6)
    }

    /// Sorts label results as the service does: F1 highest first, then by label.
    public static func sorted(_ results: [LabelEvaluation]) -> [LabelEvaluation] {
        results.sorted { a, b in
            let fa = a.f1Score ?? -1, fb = b.f1Score ?? -1
            return fa != fb ? fa > fb : a.label < b.label
        }
    }

    /// The file's JSON, keys in the service's order.
    public var json: JSONValue {
        var details = JSONObject()
        details["ProjectVersionArn"] = .string(projectVersionArn)
        details["EvaluationEndTimestamp"] = .string(evaluationEndTimestamp)
        details["Labels"] = .array(labels.map(JSONValue.string))
        details["NumberOfTrainingImages"] = .int(numberOfTrainingImages)
        details["NumberOfTestingImages"] = .int(numberOfTestingImages)
        var aggregated = JSONObject()
        aggregated["Precision"] = .double(precision)
        aggregated["Recall"] = .double(recall)
        aggregated["F1Score"] = .double(f1Score)
        aggregated.append("AveragePrecision", averagePrecision.map(JSONValue.double))
        aggregated.append("AverageRecall", averageRecall.map(JSONValue.double))
        let results: [JSONValue] = labelResults.map { result in
            var metrics = JSONObject()
            metrics["Threshold"] = .double(result.threshold)
            metrics.append("Precision", result.precision.map(JSONValue.double))
            metrics.append("Recall", result.recall.map(JSONValue.double))
            metrics.append("F1Score", result.f1Score.map(JSONValue.double))
            var entry = JSONObject()
            entry["Label"] = .string(result.label)
            entry.append("NumberOfTestingImages", result.testingImages.map(JSONValue.int))
            entry["Metrics"] = .object(metrics)
            return .object(entry)
        }
        var root = JSONObject()
        root["Version"] = .int(version)
        root["EvaluationDetails"] = .object(details)
        root["AggregatedEvaluationResults"] = .object(aggregated)
        root["LabelEvaluationResults"] = .array(results)
        return .object(root)
    }

    /// The file's text: indented by 4 spaces, non-ASCII kept, a newline at the end.
    public var text: String { json.awsCLIText }

    /// Reads the file; errors name the line, column and key.
    public init(json: JSONCursor) throws {
        let details = try json.member("EvaluationDetails")
        let aggregated = try json.member("AggregatedEvaluationResults")
        var results: [LabelEvaluation] = []
        for entry in try json.member("LabelEvaluationResults").elements() {
            let metrics = try entry.member("Metrics")
            results.append(LabelEvaluation(label: try entry.member("Label").string(), threshold: try metrics.member("Threshold").double(),
                                           f1Score: try metrics.optionalMember("F1Score")?.double(),
                                           precision: try metrics.optionalMember("Precision")?.double(),
                                           recall: try metrics.optionalMember("Recall")?.double(),
                                           testingImages: try entry.optionalMember("NumberOfTestingImages")?.int()))
        }
        self.init(version: try json.member("Version").int(),
                  projectVersionArn: try details.member("ProjectVersionArn").string(),
                  evaluationEndTimestamp: try details.member("EvaluationEndTimestamp").string(),
                  labels: try details.member("Labels").elements().map { try $0.string() },
                  numberOfTrainingImages: try details.member("NumberOfTrainingImages").int(),
                  numberOfTestingImages: try details.member("NumberOfTestingImages").int(),
                  precision: try aggregated.member("Precision").double(),
                  recall: try aggregated.member("Recall").double(),
                  f1Score: try aggregated.member("F1Score").double(),
                  averagePrecision: try aggregated.optionalMember("AveragePrecision")?.double(),
                  averageRecall: try aggregated.optionalMember("AverageRecall")?.double(),
                  labelResults: results)
    }

    /// Reads the file's text.
    public init(text: String) throws {
        try self.init(json: JSONParser.parse(text).cursor)
    }

    /// The parts `detect` and `evaluation` read (``EvaluationSummary``).
    public var summary: EvaluationSummary {
        EvaluationSummary(f1Score: f1Score, precision: precision, recall: recall, trainingImages: numberOfTrainingImages,
                          testingImages: numberOfTestingImages, labels: labelResults)
    }
}

extension Evaluation {
    /// The summary file for this evaluation.
    /// - Parameters:
    ///   - endedAt: when evaluation ended, seconds since 1970 (the simulated clock).
    ///   - trainingImages: how many photos the training dataset has.
    public func summaryFile(projectVersionArn: String, endedAt seconds: Double, trainingImages: Int) -> EvaluationSummaryFile {
        let results = labels.map {
            LabelEvaluation(label: $0.label, threshold: $0.threshold, f1Score: $0.f1Score, precision: $0.precision, recall: $0.recall,
                            testingImages: $0.testingImages)
        }
        return EvaluationSummaryFile(projectVersionArn: projectVersionArn, evaluationEndTimestamp: EvaluationSummaryFile.timestamp(seconds: seconds),
                                     labels: labels.map(\.label), numberOfTrainingImages: trainingImages,
                                     numberOfTestingImages: testingImages, precision: aggregated.precision, recall: aggregated.recall,
                                     f1Score: aggregated.f1Score, averagePrecision: aggregated.averagePrecision,
                                     averageRecall: aggregated.averageRecall, labelResults: EvaluationSummaryFile.sorted(results))
    }
}
