import PanyaSupport

// A schedule in words, for the `schedule` listing: "every day at 06:30 (Asia/Tokyo)".
extension ScheduleExpression {
    /// The expression in words in both languages; `timeZone` is named for cron and at.
    public func summary(timeZone: String) -> Message {
        switch self {
        case .rate(let rate):
            return Catalog.scheduleEvery(rate)
        case .at(let at):
            let seconds = at.localSeconds
            let text = CivilTime.isoText(seconds: seconds).replacingOccurrences("T", with: " ")
            return Catalog.scheduleOnce(at.second == 0 ? String(text.dropLast(3)) : text, timeZone: timeZone)
        case .cron(let cron):
            return cron.summary(timeZone: timeZone)
        }
    }
}

extension CronExpression {
    func summary(timeZone: String) -> Message {
        let fallback = Catalog.scheduleCronTimes(description, timeZone: timeZone)
        guard minutes.nonzeroBitCount == 1, hours.nonzeroBitCount == 1, fields[3] == "*", fields[5] == "*" else { return fallback }
        let time = CivilTime.pad(hours.trailingZeroBitCount) + ":" + CivilTime.pad(minutes.trailingZeroBitCount)
        if fields[2] == "*" || fields[4] == "*" {
            return Catalog.scheduleDaily(time: time, timeZone: timeZone)
        }
        switch (dayOfMonth, dayOfWeek) {
        case (.unspecified, .weekdays(let set)):
            return Catalog.scheduleWeekly(weekdays: (1...7).filter { set & (1 << UInt8($0)) != 0 }, time: time, timeZone: timeZone)
        case (.days(let mask), .unspecified) where mask.nonzeroBitCount == 1:
            return Catalog.scheduleMonthly(day: mask.trailingZeroBitCount, time: time, timeZone: timeZone)
        case (.last, .unspecified):
            return Catalog.scheduleMonthEnd(time: time, timeZone: timeZone)
        default:
            return fallback
        }
    }
}

extension Catalog {
    static func scheduleEvery(_ rate: RateExpression) -> Message {
        let (en, ja): (String, String)
        switch rate.unit {
        case .minute: (en, ja) = (rate.value == 1 ? "minute" : "\(rate.value) minutes", "\(rate.value) 分")
        case .hour: (en, ja) = (rate.value == 1 ? "hour" : "\(rate.value) hours", "\(rate.value) 時間")
        case .day: (en, ja) = (rate.value == 1 ? "day" : "\(rate.value) days", "\(rate.value) 日")
        }
        return Message(en: "every \(en)", ja: "\(ja)ごと")
    }

    static func scheduleOnce(_ time: String, timeZone: String) -> Message {
        Message(en: "once, at \(time) (\(timeZone))", ja: "\(time) に 1 回 (\(timeZone))")
    }

    static func scheduleCronTimes(_ cron: String, timeZone: String) -> Message {
        Message(en: "at the times of \(cron) (\(timeZone))", ja: "\(cron) の時刻 (\(timeZone))")
    }

    static func scheduleDaily(time: String, timeZone: String) -> Message {
        Message(en: "every day at \(time) (\(timeZone))", ja: "毎日 \(time) (\(timeZone))")
    }

    static func scheduleWeekly(weekdays: [Int], time: String, timeZone: String) -> Message {
        let english = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        let japanese = ["日", "月", "火", "水", "木", "金", "土"]
        if weekdays == [2, 3, 4, 5, 6] {
            return Message(en: "every weekday (Monday to Friday) at \(time) (\(timeZone))", ja: "平日 (月〜金) \(time) (\(timeZone))")
        }
        let en = weekdays.map { english[$0 - 1] }.joined(separator: ", ")
        let ja = weekdays.map { japanese[$0 - 1] }.joined(separator: "・")
        return Message(en: "every \(en) at \(time) (\(timeZone))", ja: "毎週 \(ja)曜日 \(time) (\(timeZone))")
    }

    static func scheduleMonthly(day: Int, time: String, timeZone: String) -> Message {
        Message(en: "on day \(day) of every month at \(time) (\(timeZone))", ja: "毎月 \(day) 日 \(time) (\(timeZone))")
    }

    static func scheduleMonthEnd(time: String, timeZone: String) -> Message {
        Message(en: "on the last day of every month at \(time) (\(timeZone))", ja: "毎月末日 \(time) (\(timeZone))")
    }
}
