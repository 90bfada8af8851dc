import CustomLabels
import PanyaLanguage
import PanyaSupport

/// A model version: `name, arn, status, units, labels, f1, created` (`model`, `models`).
struct ModelSummary: ShellResult {
    static let kind = "model"
    var version: ProjectVersionDescription
    /// The status to show: the backend's, as the service and the console say it (a version just
    /// trained is TRAINING_COMPLETED until it is first started).
    var status: VersionStatus { version.status }

    /// The version as `model` shows it.
    init(_ version: ProjectVersionDescription) {
        self.version = version
    }

    var fields: [(String, Value)] {
        [("name", .string(version.versionName)), ("arn", .string(version.projectVersionArn)),
         ("status", .string(status.rawValue)), ("units", version.minInferenceUnits.map { .number(Double($0)) } ?? .null),
         ("labels", version.labels.map(ThresholdRow.init).value), ("f1", version.f1Score.map { .number($0) } ?? .null),
         ("created", version.creationTimestamp.map { .string(ISO8601.format(seconds: $0, offsetSeconds: 0)) } ?? .null)]
    }

    func render(_ style: RenderStyle) -> String {
        let rows: [(Message, String)] = [
            (Catalog.headerVersion, version.versionName),
            (Catalog.headerStatus, status.rawValue),
            (Catalog.headerUnits, version.minInferenceUnits.map(String.init) ?? "-"),
            (Message.verbatim("F1"), version.f1Score.map { NumberText.fixed($0, decimals: 3) } ?? "-"),
            (Message.verbatim("ARN"), version.projectVersionArn),
        ]
        let width = rows.map { DisplayWidth.of(style.text($0.0)) }.max() ?? 0
        var lines = rows.map { DisplayWidth.padRight(style.text($0.0), to: width) + "  " + $0.1 }
        if !version.labels.isEmpty {
            lines.append(style.text(Catalog.headerLabels) + ":")
            let w = version.labels.map { DisplayWidth.of($0.label) }.max() ?? 0
            for label in version.labels {
                lines.append("  " + DisplayWidth.padRight(label.label, to: w) + "  " + style.text(Catalog.thresholdWord) + " " + NumberText.fixed(label.threshold, decimals: 3))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func renderList(_ items: [ModelSummary], _ style: RenderStyle) -> String? {
        var table = TextTable(headers: [style.text(Catalog.headerVersion), style.text(Catalog.headerStatus), style.text(Catalog.headerCreated), "F1"],
                              alignments: [.left, .left, .left, .right])
        for item in items {
            table.add([item.version.versionName, item.status.rawValue,
                       item.version.creationTimestamp.map { ISO8601.format(seconds: $0, offsetSeconds: 0) } ?? "",
                       item.version.f1Score.map { NumberText.fixed($0, decimals: 3) } ?? ""])
        }
        return table.render(width: style.terminal.columns)
    }
}

/// A label and its assumed threshold: `{name, threshold}` (`thresholds`, `model.labels`).
struct ThresholdRow: ShellResult {
    static let kind = "threshold"
    var label: LabelEvaluation

    init(_ label: LabelEvaluation) { self.label = label }

    var fields: [(String, Value)] { [("name", .string(label.label)), ("threshold", .number(label.threshold))] }

    func render(_ style: RenderStyle) -> String { label.label + "  " + NumberText.fixed(label.threshold, decimals: 3) }

    static func renderList(_ items: [ThresholdRow], _ style: RenderStyle) -> String? {
        var table = TextTable(headers: [style.text(Catalog.headerLabel), style.text(Catalog.headerAssumedThreshold), style.text(Catalog.headerAsConfidence)],
                              alignments: [.left, .right, .right])
        for item in items {
            table.add([item.label.label, NumberText.fixed(item.label.threshold, decimals: 3), NumberText.short(DetectionRules.thresholdPercent(item.label.threshold))])
        }
        return table.render(width: style.terminal.columns)
    }
}

/// A project: `{name, arn, created, status}` (`projects`).
struct ProjectSummary: ShellResult {
    static let kind = "project"
    var project: ProjectDescription

    var fields: [(String, Value)] {
        [("name", .string(project.projectName)), ("arn", .string(project.projectArn)),
         ("created", project.creationTimestamp.map { .string(ISO8601.format(seconds: $0, offsetSeconds: 0)) } ?? .null),
         ("status", project.status.map { .string($0) } ?? .null)]
    }

    func render(_ style: RenderStyle) -> String { project.projectName + "  " + project.projectArn }

    static func renderList(_ items: [ProjectSummary], _ style: RenderStyle) -> String? {
        var table = TextTable(headers: [style.text(Catalog.headerProject), style.text(Catalog.headerCreated), "ARN"])
        for item in items {
            table.add([item.project.projectName, item.project.creationTimestamp.map { ISO8601.format(seconds: $0, offsetSeconds: 0) } ?? "",
                       item.project.projectArn])
        }
        return table.render(width: style.terminal.columns)
    }
}

/// `evaluation`: per label F1, precision, recall, assumed threshold, test images; the overall F1.
struct EvaluationReport: ShellResult {
    static let kind = "evaluation"
    var version: ProjectVersionDescription

    var fields: [(String, Value)] {
        [("model", .string(version.versionName)), ("f1", version.f1Score.map { .number($0) } ?? .null),
         ("labels", version.labels.map(LabelEvaluationRow.init).value)]
    }

    func render(_ style: RenderStyle) -> String {
        var table = TextTable(headers: [style.text(Catalog.headerLabel), "F1", style.text(Catalog.headerPrecision), style.text(Catalog.headerRecall),
                                        style.text(Catalog.headerAssumedThreshold), style.text(Catalog.headerTestImages)],
                              alignments: [.left, .right, .right, .right, .right, .right])
        for l in version.labels {
            func num(_ value: Double?) -> String { value.map { NumberText.fixed($0, decimals: 3) } ?? "-" }
            table.add([l.label, num(l.f1Score), num(l.precision), num(l.recall), num(l.threshold), l.testingImages.map(String.init) ?? "-"])
        }
        let overall = version.f1Score.map { NumberText.fixed($0, decimals: 3) } ?? "-"
        return style.text(Catalog.evaluationHeading(model: version.versionName, f1: overall)) + "\n" + table.render(width: style.terminal.columns)
    }
}

/// One label of an evaluation: `{name, f1, precision, recall, threshold, test_images}`.
struct LabelEvaluationRow: ShellResult {
    static let kind = "label_evaluation"
    var label: LabelEvaluation

    init(_ label: LabelEvaluation) { self.label = label }

    var fields: [(String, Value)] {
        [("name", .string(label.label)), ("f1", label.f1Score.map { .number($0) } ?? .null),
         ("precision", label.precision.map { .number($0) } ?? .null), ("recall", label.recall.map { .number($0) } ?? .null),
         ("threshold", .number(label.threshold)), ("test_images", label.testingImages.map { .number(Double($0)) } ?? .null)]
    }

    func render(_ style: RenderStyle) -> String { label.label + "  F1 " + (label.f1Score.map { NumberText.fixed($0, decimals: 3) } ?? "-") }
}
