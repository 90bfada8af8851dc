import CustomLabels
import Foundation
import Photos
import PanyaSupport
import Schedules
import Session

/// A simulated period's cost per day as a chart: bars in the terminal, or a PNG drawn with
/// the project's own canvas and encoder.
enum SimulationChart {
    /// The widest terminal bar, in cells.
    static let barCells = 40
    /// Partial cells, in eighths.
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// `value` of `most` as a bar of up to `cells` cells (eighths of a cell).
    static func bar(_ value: Double, of most: Double, cells: Int) -> String {
        let units = most > 0 ? Int((max(0, min(value, most)) / most * Double(cells * 8)).rounded()) : 0
        return String(repeating: "█", count: units / 8) + eighths[units % 8]
    }

    /// The month in the terminal: a bar per day as long as the hours the model ran (a full bar
    /// is 24 h), then always-on against the schedules' month side by side, the saving, and how
    /// always-on was computed.
    static func terminal(_ report: SimulationReport, _ style: RenderStyle) -> String {
        let days = report.days
        let cells = max(10, min(barCells, style.terminal.columns - 24))
        let fullDay = max(24, days.map(\.runningHours).max() ?? 0)
        var lines = [style.text(Catalog.chartHoursHeading(fullDay: NumberText.short(fullDay)))]
        for day in days {
            let label = String(day.date.dropFirst(5))
            let hours = DisplayWidth.padLeft(NumberText.fixed(day.runningHours, decimals: 2), to: 5)
            lines.append("\(label) \(DisplayWidth.padRight(bar(day.runningHours, of: fullDay, cells: cells), to: cells)) \(hours) h")
        }
        // Without a schedule there is nothing to compare: the bars are the month.
        guard let comparison = report.comparison else { return trimmed(lines) }
        let alwaysOn = comparison.alwaysOnUSD
        let scheduled = comparison.scheduledUSD
        let rows = [(style.text(Catalog.chartAlwaysOn), alwaysOn), (style.text(Catalog.chartScheduled), scheduled)]
        let labelWidth = (rows.map { DisplayWidth.of($0.0) } + [DisplayWidth.of(style.text(Catalog.chartSaved))]).max() ?? 0
        let most = max(alwaysOn, scheduled)
        let amountWidth = max(DisplayWidth.of(NumberText.money(most)), DisplayWidth.of(NumberText.money(alwaysOn - scheduled)))
        // The two bars share one scale and leave room for the label, the amount and the share.
        let compared = max(10, min(barCells, style.terminal.columns - 1 - (labelWidth + 2) - (2 + amountWidth + " USD (100 %)".count)))
        lines.append("")
        for (label, usd) in rows {
            lines.append(DisplayWidth.padRight(label, to: labelWidth) + "  " + DisplayWidth.padRight(bar(usd, of: most, cells: compared), to: compared)
                         + "  " + DisplayWidth.padLeft(NumberText.money(usd), to: amountWidth) + " USD")
        }
        let saved = alwaysOn - scheduled
        let share = alwaysOn > 0 ? NumberText.fixed(saved / alwaysOn * 100, decimals: 0) : "0"
        lines.append(DisplayWidth.padRight(style.text(Catalog.chartSaved), to: labelWidth) + "  " + String(repeating: " ", count: compared)
                     + "  " + DisplayWidth.padLeft(NumberText.money(saved), to: amountWidth) + " USD (\(share) %)")
        lines.append(style.wrappedText(Catalog.chartAlwaysOnFormula(report.alwaysOnFormula(style), usd: NumberText.money(alwaysOn))))
        return trimmed(lines)
    }

    /// The chart's lines joined, none ending in spaces.
    private static func trimmed(_ lines: [String]) -> String {
        lines.map { line in
            var line = line
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// A PNG: a bar per day (height = USD), the day's date under every seventh bar, the most
    /// expensive day's cost at the top.
    static func png(_ days: [DailyCost], title: String) throws -> [UInt8] {
        let barWidth = days.count > 62 ? 3 : 16
        let gap = days.count > 62 ? 1 : 4
        let left = 60, top = 40, plotHeight = 240, bottom = 40
        let width = max(320, left + days.count * (barWidth + gap) + 20)
        var canvas = Canvas(width: width, height: top + plotHeight + bottom)
        let ink = RGB(40, 40, 40)
        canvas.drawText(title, x: 10, y: 10, scale: 2, color: ink)
        let most = days.map(\.usd).max() ?? 0
        canvas.drawLine(x0: Double(left - 2), y0: Double(top), x1: Double(left - 2), y1: Double(top + plotHeight), thickness: 1, color: ink)
        canvas.drawLine(x0: Double(left - 2), y0: Double(top + plotHeight), x1: Double(width - 10), y1: Double(top + plotHeight), thickness: 1, color: ink)
        canvas.drawText(NumberText.money(most), x: 4, y: top, color: ink)
        canvas.drawText("0", x: left - 12, y: top + plotHeight - 7, color: ink)
        for (index, day) in days.enumerated() {
            let height = most > 0 ? Double(plotHeight) * day.usd / most : 0
            let x = Double(left + index * (barWidth + gap))
            canvas.fillRect(x: x, y: Double(top + plotHeight) - height, width: Double(barWidth), height: height, color: RGB(214, 136, 46))
            if index % 7 == 0 { canvas.drawText(String(day.date.dropFirst(5)), x: Int(x), y: top + plotHeight + 8, color: ink) }
        }
        return try canvas.photo.encodePNG()
    }

    /// Writes the PNG to `path` (replacing an existing file only with `force`).
    static func write(_ days: [DailyCost], title: String, to path: String, force: Bool) throws {
        try OutputFile.checkWritable(path, input: "", force: force)
        let bytes = try png(days, title: title)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { throw OperationsError.cannotWriteFile(path) }
    }
}
