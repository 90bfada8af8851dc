import CustomLabels
import PanyaLanguage
import PanyaSupport

/// What `detect` returns: `photo, model, min_confidence, labels` (+ `model_arn`).
struct DetectResult: ShellResult {
    static let kind = "detect_result"
    /// The photo as the user named it.
    var photo: String
    /// The version's ARN.
    var modelArn: String
    /// MinConfidence as given (nil: each label's assumed threshold applied).
    var minConfidence: Double?
    /// The labels that came back, in the service's order.
    var labels: [CustomLabel]

    /// The version's name (the ARN when it does not parse).
    var modelName: String { ProjectVersionArn(modelArn)?.versionName ?? modelArn }

    var fields: [(String, Value)] {
        [("photo", .string(photo)), ("model", .string(modelName)),
         ("min_confidence", minConfidence.map { .number($0) } ?? .null),
         ("labels", labels.map { Detection(label: $0) }.value), ("model_arn", .string(modelArn))]
    }

    /// `photo · model · MinConfidence rule`, the first line of detect and inspect.
    static func headline(photo: String, model: String, minConfidence: Double?, _ style: RenderStyle) -> String {
        let rule = minConfidence.map { Catalog.minConfidenceGiven(NumberText.short($0)) } ?? Catalog.minConfidenceAbsent
        return photo + " · " + model + " · " + style.text(rule)
    }

    func render(_ style: RenderStyle) -> String {
        var out = Self.headline(photo: photo, model: modelName, minConfidence: minConfidence, style) + "\n"
        if labels.isEmpty { return out + style.text(Catalog.noLabelsCameBack(photo)) }
        var table = TextTable(headers: [style.text(Catalog.headerLabel), style.text(Catalog.headerConfidence),
                                        style.text(Catalog.headerLeft), style.text(Catalog.headerTop),
                                        style.text(Catalog.headerWidth), style.text(Catalog.headerHeight)],
                              alignments: [.left, .right, .right, .right, .right, .right])
        for label in labels {
            let box = label.boundingBox
            table.add([label.name, NumberText.fixed(label.confidence, decimals: 2), (box.map { NumberText.percent($0.left) } ?? ""), (box.map { NumberText.percent($0.top) } ?? ""),
                       (box.map { NumberText.percent($0.width) } ?? ""), (box.map { NumberText.percent($0.height) } ?? "")])
        }
        out += table.render(width: style.terminal.columns)
        return out
    }
}
