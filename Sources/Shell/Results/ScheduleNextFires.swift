import CustomLabels
import PanyaLanguage
import PanyaSupport

/// `schedule next NAME`: the next fire times in the schedule's zone.
struct ScheduleNextFires: ShellResult {
    static let kind = "schedule_next"
    var schedule: String
    var timeZone: String
    /// Fire times, ISO 8601 with the zone's offset at each.
    var times: [String]

    var fields: [(String, Value)] {
        [("schedule", .string(schedule)), ("time_zone", .string(timeZone)), ("times", .list(times.map(Value.string)))]
    }

    func render(_ style: RenderStyle) -> String {
        guard !times.isEmpty else { return style.text(Catalog.noNextFires(schedule)) }
        return style.text(Catalog.nextFiresHeading(schedule, timeZone: timeZone)) + "\n" + times.map { "  " + $0 }.joined(separator: "\n")
    }
}

extension Catalog {
    static func noNextFires(_ schedule: String) -> Message {
        Message(en: "\(schedule) will not fire again.", ja: "\(schedule) はもう実行されません。")
    }
    static func nextFiresHeading(_ schedule: String, timeZone: String) -> Message {
        Message(en: "next runs of \(schedule) (\(timeZone)):", ja: "\(schedule) の次の実行 (\(timeZone)):")
    }
}
