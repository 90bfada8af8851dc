import CustomLabels
import PanyaLanguage
import PanyaSupport
import Schedules
import Session

/// One schedule as `schedule` lists it: what, when, on which version, its state, its next
/// run, and a warning when its target is stale.
struct ScheduleRow: ShellResult {
    static let kind = "schedule"
    var name: String
    var expression: String
    var summary: Message
    var timeZone: String
    var action: String
    var versionArn: String
    var units: Int
    var enabled: Bool
    /// The next fire in the schedule's zone (nil: none, or disabled).
    var next: String?
    /// Why the target needs `schedule retarget`, if it does.
    var stale: StaleTarget?

    /// The version's name.
    var versionName: String { ProjectVersionArn(versionArn)?.versionName ?? versionArn }

    /// A row for `schedule`, its next fire after `now` (seconds since 1970).
    init(_ schedule: Schedule, now: Double, stale: StaleTarget?) {
        name = schedule.name
        expression = schedule.expression.description
        summary = schedule.expression.summary(timeZone: schedule.timeZone.identifier)
        timeZone = schedule.timeZone.identifier
        action = schedule.action.rawValue
        versionArn = schedule.versionArn
        units = schedule.units
        enabled = schedule.enabled
        next = schedule.enabled ? schedule.expression.nextFire(afterSeconds: Int(now.rounded(.down)), timeZone: schedule.timeZone,
                                                               startSeconds: Int(schedule.createdAt))
            .map { ISO8601.format(seconds: Double($0), offsetSeconds: schedule.timeZone.offset(at: $0)) } : nil
        self.stale = stale
    }

    /// A row for a schedule the live service lists.
    init(remote: RemoteSchedule) {
        name = remote.name
        expression = remote.expression
        summary = (try? ScheduleExpression.parse(remote.expression))?.summary(timeZone: remote.timeZone ?? "UTC")
            ?? Message(en: remote.expression, ja: remote.expression)
        timeZone = remote.timeZone ?? "UTC"
        action = remote.action ?? ""
        versionArn = remote.versionArn ?? ""
        units = remote.units ?? 1
        enabled = remote.enabled
        next = nil
        stale = nil
    }

    var state: String { enabled ? "ENABLED" : "DISABLED" }

    var fields: [(String, Value)] {
        [("name", .string(name)), ("expression", .string(expression)), ("summary", .string(summary.en)),
         ("time_zone", .string(timeZone)), ("action", .string(action)), ("model", .string(versionName)),
         ("arn", .string(versionArn)), ("units", .number(Double(units))), ("state", .string(state)),
         ("next", next.map(Value.string) ?? .null), ("stale", .bool(stale != nil)),
         ("warning", stale.map { .string($0.message.en) } ?? .null)]
    }

    func render(_ style: RenderStyle) -> String { Self.renderList([self], style) ?? name }

    static func renderList(_ items: [ScheduleRow], _ style: RenderStyle) -> String? {
        guard !items.isEmpty else { return style.text(Catalog.noSchedules) }
        var table = TextTable(headers: [style.text(Catalog.headerSchedule), style.text(Catalog.headerExpression), style.text(Catalog.headerWhen),
                                        style.text(Catalog.headerAction), style.text(Catalog.headerVersion), style.text(Catalog.headerState),
                                        style.text(Catalog.headerNextRun)])
        // "when" says in words what "expression" says: the first to go on a narrow terminal.
        table.droppable = [2]
        for row in items {
            table.add([row.name, row.expression, style.text(row.summary), row.action + (row.action == "start" && row.units != 1 ? " ×\(row.units)" : ""),
                       row.versionName + (row.stale == nil ? "" : " ⚠"), row.state, row.next ?? "-"])
        }
        let warnings = items.compactMap(\.stale).map { style.wrappedText($0.message) }
        return ([table.render(width: style.terminal.columns)] + warnings).joined(separator: "\n")
    }
}

extension Catalog {
    static let noSchedules = Message(en: "No schedules yet. Add one: schedule add open \"cron(30 6 * * ? *)\" start",
                                     ja: "スケジュールはまだありません。追加するには: schedule add open \"cron(30 6 * * ? *)\" start")
    static let headerSchedule = Message(en: "schedule", ja: "スケジュール")
    static let headerExpression = Message(en: "expression", ja: "式")
    static let headerWhen = Message(en: "when", ja: "いつ")
    static let headerAction = Message(en: "action", ja: "動作")
    static let headerState = Message(en: "state", ja: "状態")
    static let headerNextRun = Message(en: "next run", ja: "次の実行")
}
