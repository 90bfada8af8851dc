import CustomLabels
import PanyaLanguage
import PanyaSupport

/// `bill`: hours and cost per model version, and the total in USD and JPY.
struct BillSummary: ShellResult {
    static let kind = "bill"
    var report: BillingReport

    var fields: [(String, Value)] {
        [("time", .string(report.at.text)), ("versions", .list(report.lines.map { BillLine(line: $0, jpy: report.jpy($0)).value })),
         ("total_usd", .number(report.totalUSD)), ("total_jpy", .number(Double(report.totalJPY))),
         ("jpy_per_usd", .number(report.pricing.jpyPerUSD))]
    }

    func render(_ style: RenderStyle) -> String {
        var table = TextTable(headers: [style.text(Catalog.headerVersion), style.text(Catalog.headerStatus),
                                        style.text(Catalog.headerInferenceHours), style.text(Catalog.headerInferenceUSD),
                                        style.text(Catalog.headerTrainingHours), style.text(Catalog.headerTrainingUSD), "USD", "JPY"],
                              alignments: [.left, .left, .right, .right, .right, .right, .right, .right])
        for line in report.lines {
            table.add([line.versionName, line.isRunning ? style.text(Catalog.billRunning) : "",
                       NumberText.fixed(line.inferenceHours, decimals: 2), NumberText.money(line.inferenceUSD),
                       NumberText.fixed(line.trainingHours, decimals: 2), NumberText.money(line.trainingUSD),
                       NumberText.money(line.totalUSD), NumberText.grouped(report.jpy(line))])
        }
        let total = Catalog.billTotal(time: report.at.text, usd: NumberText.money(report.totalUSD), jpy: NumberText.grouped(report.totalJPY),
                                      rate: NumberText.short(report.pricing.jpyPerUSD))
        var out = table.render(width: style.terminal.columns) + "\n" + style.text(total)
        if report.lines.contains(where: \.isRunning) { out += "\n" + style.text(Catalog.billStillRunning) }
        return out
    }
}

/// One version's share of the bill.
struct BillLine: ShellResult {
    static let kind = "bill_line"
    var line: BillingReport.Line
    var jpy: Int

    var fields: [(String, Value)] {
        [("model", .string(line.versionName)), ("arn", .string(line.versionArn)),
         ("running", .bool(line.isRunning)), ("units", .number(Double(line.units))),
         ("inference_hours", .number(line.inferenceHours)), ("billed_minutes", .number(Double(line.billedMinutes))),
         ("inference_usd", .number(line.inferenceUSD)),
         ("training_hours", .number(line.trainingHours)), ("training_usd", .number(line.trainingUSD)),
         ("total_usd", .number(line.totalUSD)), ("total_jpy", .number(Double(jpy)))]
    }

    func render(_ style: RenderStyle) -> String { line.versionName + "  " + NumberText.money(line.totalUSD) }
}
