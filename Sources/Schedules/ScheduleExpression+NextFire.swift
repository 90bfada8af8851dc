import Foundation

// When a schedule fires: 60-second precision, in a named time zone; a local time that does not
// exist (a daylight-saving gap) is skipped and a repeated one fires once, the first time.
extension ScheduleExpression {
    /// The first fire strictly after `after`, or nil when there is none (an `at` in the past, a
    /// cron whose years are over). A `rate` fires at `start`, `start` + N, … (`start` rounded
    /// down to the minute; by default `after`, so the first fire is one period later).
    public func nextFire(after: Date, timeZone: ScheduleTimeZone, start: Date? = nil) -> Date? {
        let seconds = nextFire(afterSeconds: Self.wholeSeconds(after), timeZone: timeZone, startSeconds: start.map(Self.wholeSeconds))
        return seconds.map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// The next `count` fires after `after`, in order (fewer when the schedule ends).
    public func fireTimes(after: Date, count: Int, timeZone: ScheduleTimeZone, start: Date? = nil) -> [Date] {
        fireTimes(afterSeconds: Self.wholeSeconds(after), count: count, timeZone: timeZone,
                  startSeconds: start.map(Self.wholeSeconds)).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// ``nextFire(after:timeZone:start:)`` on whole seconds since 1970 (UTC).
    public func nextFire(afterSeconds after: Int, timeZone: ScheduleTimeZone, startSeconds: Int? = nil) -> Int? {
        switch self {
        case .cron(let cron):
            var local = CivilTime.floorDiv(timeZone.localSeconds(at: after), 60) * 60 + 60
            while let match = cron.nextMatch(atOrAfter: local) {
                if let instant = timeZone.firstInstant(local: match), instant > after { return instant }
                local = match + 60
            }
            return nil
        case .rate(let rate):
            let start = CivilTime.floorDiv(startSeconds ?? after, 60) * 60
            let period = rate.seconds
            guard after >= start else { return start }
            return start + (CivilTime.floorDiv(after - start, period) + 1) * period
        case .at(let at):
            guard let instant = timeZone.firstInstant(local: at.localSeconds), instant > after else { return nil }
            return instant
        }
    }

    /// ``fireTimes(after:count:timeZone:start:)`` on whole seconds since 1970 (UTC).
    public func fireTimes(afterSeconds after: Int, count: Int, timeZone: ScheduleTimeZone, startSeconds: Int? = nil) -> [Int] {
        var result: [Int] = []
        var cursor = after
        while result.count < count, let next = nextFire(afterSeconds: cursor, timeZone: timeZone, startSeconds: startSeconds) {
            result.append(next)
            cursor = next
        }
        return result
    }

    static func wholeSeconds(_ date: Date) -> Int { Int(date.timeIntervalSince1970.rounded(.down)) }
}
