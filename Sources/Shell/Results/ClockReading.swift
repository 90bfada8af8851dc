import CustomLabels
import PanyaLanguage

/// The simulated time: `{time, epoch}` (`clock`).
struct ClockReading: ShellResult {
    static let kind = "clock"
    var time: ISO8601.Timestamp

    var fields: [(String, Value)] { [("time", .string(time.text)), ("epoch", .number(time.seconds))] }

    func render(_ style: RenderStyle) -> String { time.text }
}
