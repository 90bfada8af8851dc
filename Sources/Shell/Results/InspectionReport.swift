import CustomLabels
import PanyaLanguage
import PanyaSupport

/// What `inspect` returns: every candidate with its threshold and verdict.
struct InspectionReport: ShellResult {
    static let kind = "inspection"
    var photo: String
    var modelArn: String
    var minConfidence: Double?
    var rows: [Inspection]
    /// The language the reasons are written in (scripts read them as text).
    var language: UILanguage

    var modelName: String { ProjectVersionArn(modelArn)?.versionName ?? modelArn }

    /// Every candidate as a wire label (for `show`).
    var labels: [CustomLabel] { rows.map(\.label) }

    var fields: [(String, Value)] {
        [("photo", .string(photo)), ("model", .string(modelName)),
         ("min_confidence", minConfidence.map { .number($0) } ?? .null),
         ("candidates", .list(rows.map { InspectionRow(row: $0, language: language).value }))]
    }

    func render(_ style: RenderStyle) -> String {
        var table = TextTable(headers: [style.text(Catalog.headerLabel), style.text(Catalog.headerConfidence),
                                        style.text(Catalog.headerThresholdPercent), style.text(Catalog.headerVerdict)],
                              alignments: [.left, .right, .right, .left])
        for row in rows {
            let threshold = row.threshold.map { NumberText.short(DetectionRules.thresholdPercent($0)) } ?? "-"
            table.add([row.label.name, NumberText.fixed(row.label.confidence, decimals: 2), threshold,
                       (row.isShown ? "✔ " : "· ") + style.text(row.reason)])
        }
        let shown = rows.filter(\.isShown).count
        return DetectResult.headline(photo: photo, model: modelName, minConfidence: minConfidence, style) + "\n" + table.render(width: style.terminal.columns) + "\n"
            + style.text(Catalog.inspectionTally(shown: shown, total: rows.count))
    }
}

/// One candidate of an inspection: `{name, confidence, threshold, verdict, reason, box}`.
struct InspectionRow: ShellResult {
    static let kind = "inspection_row"
    var row: Inspection
    var language: UILanguage

    var fields: [(String, Value)] {
        [("name", .string(row.label.name)), ("confidence", .number(row.label.confidence)),
         ("threshold", row.threshold.map { .number($0) } ?? .null),
         ("verdict", .string(row.isShown ? "shown" : "hidden")), ("reason", .string(row.reason.text(language))),
         ("box", Detection.boxValue(row.label.boundingBox))]
    }

    func render(_ style: RenderStyle) -> String {
        row.label.name + "  " + NumberText.fixed(row.label.confidence, decimals: 2) + "  " + style.text(row.reason)
    }
}
