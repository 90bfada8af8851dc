import CustomLabels
import PanyaLanguage
import PanyaSupport
import Session

/// One fire of a schedule: `{time, schedule, action, model, result}` (in `simulate`'s events,
/// and the lines `clock advance` and `model wait` print as they pass fires).
struct ScheduleFireResult: ShellResult {
    static let kind = "schedule_fire"
    var event: FireEvent

    var fields: [(String, Value)] {
        [("time", .string(event.time.text)), ("schedule", .string(event.schedule)), ("action", .string(event.action.rawValue)),
         ("model", .string(event.versionName)), ("result", .string(event.result)), ("ok", .bool(event.succeeded)),
         ("repeats", .number(Double(event.repeats))), ("last_time", .string((event.lastTime ?? event.time).text))]
    }

    func render(_ style: RenderStyle) -> String {
        let mark = event.succeeded ? "→" : "✗"
        let line = "\(event.time.text)  \(event.schedule)  \(event.action.rawValue) \(event.versionName)  \(mark) \(event.result)"
        guard event.repeats > 1 else { return line }
        return line + "  " + style.text(Catalog.fireRepeats(event.repeats, until: (event.lastTime ?? event.time).text))
    }

    static func renderList(_ items: [ScheduleFireResult], _ style: RenderStyle) -> String? {
        items.map { $0.render(style) }.joined(separator: "\n")
    }
}

extension Catalog {
    /// A run of identical fires shown on one line.
    static func fireRepeats(_ count: Int, until time: String) -> Message {
        Message(en: "×\(NumberText.grouped(count)) until \(time)", ja: "×\(NumberText.grouped(count)) (\(time) まで)")
    }
}
