import CustomLabels
import PanyaLanguage
import PanyaSupport

/// `train`: the new version, its status and, when training failed, what to fix.
struct TrainingOutcome: ShellResult {
    static let kind = "training"
    var version: ProjectVersionDescription
    /// Why training failed, in both languages (nil when it did not).
    var failure: Message?
    /// The simulated training time, in seconds (nil on the live service, which does not say).
    var trainingSeconds: Int?

    var fields: [(String, Value)] {
        [("name", .string(version.versionName)), ("arn", .string(version.projectVersionArn)), ("status", .string(version.status.rawValue)),
         ("status_message", failure.map { .string($0.en) } ?? .null), ("f1", version.f1Score.map { .number($0) } ?? .null),
         ("training_seconds", trainingSeconds.map { .number(Double($0)) } ?? .null)]
    }

    func render(_ style: RenderStyle) -> String {
        var lines = [version.versionName + "  " + version.status.rawValue, "ARN  " + version.projectVersionArn]
        if let failure {
            lines.append(style.text(Catalog.trainingFailedBecause) + " " + style.text(failure))
        } else if let trainingSeconds {
            lines.append(style.text(Catalog.trainingUnderway(time: ClockDuration.format(trainingSeconds))))
        } else {
            lines.append(style.text(Catalog.trainingUnderwayLive))
        }
        return lines.joined(separator: "\n")
    }
}

/// `evaluation --images`: each test photo with each box marked True Positive, False Positive or
/// False Negative at the assumed thresholds, with its confidence.
struct TestResultsReport: ShellResult {
    static let kind = "test_results"
    var model: String
    var images: [Evaluation.TestImageResult]
    var shortPath: (String) -> String

    static func outcomeWord(_ outcome: Evaluation.Outcome) -> Message {
        switch outcome {
        case .truePositive: return Message(en: "True Positive", ja: "True Positive (正しく検出)")
        case .falsePositive: return Message(en: "False Positive", ja: "False Positive (誤検出)")
        case .falseNegative: return Message(en: "False Negative", ja: "False Negative (見逃し)")
        }
    }

    var fields: [(String, Value)] {
        [("model", .string(model)),
         ("images", .list(images.map { image in
             .map(OrderedMap([("photo", .string(shortPath(image.photo))),
                              ("boxes", .list(image.boxes.map { box in
                                  .map(OrderedMap([("label", .string(box.label)), ("outcome", .string(box.outcome.rawValue)),
                                                   ("confidence", box.confidence.map { .number($0) } ?? .null),
                                                   ("box", .map(OrderedMap([("left", .number(box.box.left)), ("top", .number(box.box.top)),
                                                                            ("width", .number(box.box.width)), ("height", .number(box.box.height))])))]))
                              }))]))
         }))]
    }

    func render(_ style: RenderStyle) -> String {
        var table = TextTable(headers: [style.text(Catalog.headerPhoto), style.text(Catalog.headerLabel), style.text(Catalog.headerResult),
                                        style.text(Catalog.headerConfidence)],
                              alignments: [.left, .left, .left, .right])
        for image in images {
            for box in image.boxes {
                table.add([shortPath(image.photo), box.label, style.text(Self.outcomeWord(box.outcome)),
                           box.confidence.map { NumberText.fixed($0, decimals: 3) } ?? "-"])
            }
            if image.boxes.isEmpty { table.add([shortPath(image.photo), "-", "-", "-"]) }
        }
        return style.text(Catalog.testResultsHeading(model)) + "\n" + table.render(width: style.terminal.columns)
    }
}

extension Catalog {
    static let trainingFailedBecause = Message(en: "Training failed:", ja: "トレーニングに失敗しました:")
    static func trainingUnderway(time: String) -> Message {
        Message(en: "Training takes \(time) on the simulated clock: `model wait` waits for TRAINING_COMPLETED, then `evaluation`.",
                ja: "シミュレーションの時計でトレーニングに \(time) かかります。`model wait` で TRAINING_COMPLETED まで待ち、`evaluation` で評価を見ます。")
    }
    static let trainingUnderwayLive = Message(
        en: "Training runs on AWS (often an hour or more, billed by the hour): `model wait` waits for TRAINING_COMPLETED, then `evaluation`.",
        ja: "AWS でトレーニングしています (1時間以上かかることも多く、時間単位で課金されます)。`model wait` で TRAINING_COMPLETED まで待ち、`evaluation` で評価を見ます。")
    static let headerResult = Message(en: "result", ja: "結果")
    static func testResultsHeading(_ model: String) -> Message {
        Message(en: "test results of \(model) (at the assumed thresholds)", ja: "\(model) のテスト結果 (想定しきい値で判定)")
    }
}
