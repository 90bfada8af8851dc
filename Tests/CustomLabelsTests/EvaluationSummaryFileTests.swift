import Foundation
import Testing
@testable import CustomLabels

private let seedArn = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690851600000"

/// The seed's evaluation: three photos, one bread each, at 81.7 / 86.2 / 90.7.
private func seedEvaluation() -> Evaluation {
    let breads: [(String, Double, BoundingBox)] = [
        ("焼きそばパン", 90.7, BoundingBox(width: 0.4, height: 0.3, left: 0.2, top: 0.1)),
        ("あんぱん", 81.7, BoundingBox(width: 0.3, height: 0.4, left: 0.2, top: 0.5)),
        ("メロンパン", 86.2, BoundingBox(width: 0.3, height: 0.5, left: 0.6, top: 0.3)),
    ]
    let images = breads.map { name, confidence, box in
        TestImage(photo: "\(name).jpg", groundTruth: [LabelledBox(label: name, box: box)],
                  predictions: [CustomLabel(name: name, confidence: confidence, boundingBox: box)])
    }
    return Evaluation.evaluate(testImages: images, labels: ["焼きそばパン", "あんぱん", "メロンパン"])
}

private let seedSummaryText = """
{
    "Version": 1,
    "EvaluationDetails": {
        "ProjectVersionArn": "\(seedArn)",
        "EvaluationEndTimestamp": "2023-08-01T10:30:00.500000",
        "Labels": [
            "焼きそばパン",
            "あんぱん",
            "メロンパン"
        ],
        "NumberOfTrainingImages": 30,
        "NumberOfTestingImages": 3
    },
    "AggregatedEvaluationResults": {
        "Precision": 1.0,
        "Recall": 1.0,
        "F1Score": 1.0,
        "AveragePrecision": 1.0,
        "AverageRecall": 1.0
    },
    "LabelEvaluationResults": [
        {
            "Label": "あんぱん",
            "NumberOfTestingImages": 1,
            "Metrics": {
                "Threshold": 0.817,
                "Precision": 1.0,
                "Recall": 1.0,
                "F1Score": 1.0
            }
        },
        {
            "Label": "メロンパン",
            "NumberOfTestingImages": 1,
            "Metrics": {
                "Threshold": 0.862,
                "Precision": 1.0,
                "Recall": 1.0,
                "F1Score": 1.0
            }
        },
        {
            "Label": "焼きそばパン",
            "NumberOfTestingImages": 1,
            "Metrics": {
                "Threshold": 0.907,
                "Precision": 1.0,
                "Recall": 1.0,
                "F1Score": 1.0
            }
        }
    ]
}

"""

@Suite struct EvaluationSummaryFileTests {
    @Test func theSeedsSummaryInTheServicesForm() {
        let file = seedEvaluation().summaryFile(projectVersionArn: seedArn, endedAt: 1_690_885_800.5, trainingImages: 30)
        #expect(file.text == seedSummaryText)
    }

    @Test func roundTrip() throws {
        let file = seedEvaluation().summaryFile(projectVersionArn: seedArn, endedAt: 1_690_885_800, trainingImages: 30)
        let read = try EvaluationSummaryFile(text: file.text)
        #expect(read == file)
        #expect(read.text == file.text)
        #expect(try EvaluationSummaryFile(text: file.json.compactText) == file)
        #expect(read.summary.labels.map(\.threshold) == [0.817, 0.862, 0.907])
        #expect(read.summary.trainingImages == 30 && read.summary.testingImages == 3 && read.summary.f1Score == 1)
    }

    @Test func roundTripWithoutDetectionFigures() throws {
        let file = EvaluationSummaryFile(projectVersionArn: seedArn, evaluationEndTimestamp: "2019-11-21T07:30:23.910943", labels: ["CAP"],
                                         numberOfTrainingImages: 12, numberOfTestingImages: 4, precision: 0.75, recall: 0.6,
                                         f1Score: 2.0 / 3.0, averagePrecision: nil, averageRecall: nil,
                                         labelResults: [LabelEvaluation(label: "CAP", threshold: 0.9879502058029175, f1Score: 2.0 / 3.0,
                                                                        precision: 0.75, recall: 0.6, testingImages: 4)])
        #expect(!file.text.contains("AveragePrecision"))
        #expect(try EvaluationSummaryFile(text: file.text) == file)
    }

    /// Results are sorted by F1, best first; equal F1s by label.
    @Test func labelResultsAreSortedByF1ThenLabel() {
        let results = [
            LabelEvaluation(label: "メロンパン", threshold: 0.5, f1Score: 0.5),
            LabelEvaluation(label: "焼きそばパン", threshold: 0.5, f1Score: 0.9),
            LabelEvaluation(label: "あんぱん", threshold: 0.5, f1Score: 0.5),
        ]
        #expect(EvaluationSummaryFile.sorted(results).map(\.label) == ["焼きそばパン", "あんぱん", "メロンパン"])
    }

    /// A file as the service writes it: keys in alphabetical order, a confusion matrix panya does not use.
    @Test func readsTheServicesKeyOrderAndIgnoresWhatItDoesNotUse() throws {
        let text = """
        {"AggregatedEvaluationResults": {"ConfusionMatrix": [], "F1Score": 0.5, "Precision": 0.25, "Recall": 1.0},
         "EvaluationDetails": {"EvaluationEndTimestamp": "2019-11-21T07:30:23.910943", "Labels": ["CAP"], "NumberOfTestingImages": 4,
                               "NumberOfTrainingImages": 12, "ProjectVersionArn": "\(seedArn)"},
         "LabelEvaluationResults": [{"Label": "CAP", "Metrics": {"F1Score": 0.5, "Precision": 0.25, "Recall": 1.0, "Threshold": 0.25},
                                     "NumberOfTestingImages": 4}],
         "Version": 1}
        """
        let file = try EvaluationSummaryFile(text: text)
        #expect(file.f1Score == 0.5 && file.averagePrecision == nil && file.numberOfTrainingImages == 12)
        #expect(file.labelResults == [LabelEvaluation(label: "CAP", threshold: 0.25, f1Score: 0.5, precision: 0.25, recall: 1, testingImages: 4)])
    }

    @Test func aMissingKeyIsNamedWithItsPlace() throws {
        let text = seedSummaryText.replacingFirst("                \"Threshold\": 0.817,\n", with: "")
        let error = try #require(throws: JSONError.self) { try EvaluationSummaryFile(text: text) }
        #expect(error.problem == .missingKey("Threshold"))
        #expect(error.path.description == "LabelEvaluationResults[0].Metrics")
        #expect(error.location?.line == 25)
    }

    @Test func fileNameAndTimestamps() {
        #expect(EvaluationSummaryFile.fileName(project: "verification001", version: "verification001.2023-08-01T10.00.00")
            == "EvaluationSummary-verification001-verification001.2023-08-01T10.00.00.json")
        #expect(EvaluationSummaryFile.timestamp(seconds: 1_690_885_800) == "2023-08-01T10:30:00")
        #expect(EvaluationSummaryFile.timestamp(seconds: 1_574_321_423.910943) == "2019-11-21T07:30:23.910943")
        #expect(EvaluationSummaryFile.timestamp(seconds: 1_690_885_799.9999996) == "2023-08-01T10:30:00")
    }
}

extension String {
    /// The text with the first `target` replaced (tests only).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
