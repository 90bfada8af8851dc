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

    /// One line per day: the date, a bar as long as the day's cost (eighths of a cell), the
    /// hours and the USD.
    static func terminal(_ days: [DailyCost], _ style: RenderStyle) -> String {
        let most = days.map(\.usd).max() ?? 0
        let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return days.map { day in
            let units = most > 0 ? Int((day.usd / most * Double(barCells * 8)).rounded()) : 0
            let bar = String(repeating: "█", count: units / 8) + eighths[units % 8]
            let label = String(day.date.dropFirst(5))
            let hours = NumberText.fixed(day.runningHours, decimals: 1)
            let usd = NumberText.money(day.usd)
            return "\(label) \(DisplayWidth.padRight(bar, to: barCells)) \(hours) h  \(usd)"
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
