import CustomLabels
import PanyaLanguage
import PanyaSupport

/// One fire of a schedule: `{time, schedule, action, model, result}` (in `simulate`'s events,
/// and the lines `clock advance` and `model wait` print as they pass fires).
struct ScheduleFireResult: ShellResult {
    static let kind = "schedule_fire"
    var event: FireEvent

    var fields: [(String, Value)] {
        [("time", .string(event.time.text)), ("schedule", .string(event.schedule)), ("action", .string(event.action.rawValue)),
         ("model", .string(event.versionName)), ("result", .string(event.result)), ("ok", .bool(event.succeeded))]
    }

    func render(_ style: RenderStyle) -> String {
        let mark = event.succeeded ? "→" : "✗"
        return "\(event.time.text)  \(event.schedule)  \(event.action.rawValue) \(event.versionName)  \(mark) \(event.result)"
    }

    static func renderList(_ items: [ScheduleFireResult], _ style: RenderStyle) -> String? {
        items.map { $0.render(style) }.joined(separator: "\n")
    }
}
