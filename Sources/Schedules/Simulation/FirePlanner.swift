/// One schedule as the planner sees it: when it fires and in which time zone.
public struct PlannedSchedule: Sendable, Equatable {
    /// The schedule's name (ties at the same minute fire in the order schedules are given).
    public var name: String
    /// When it fires.
    public var expression: ScheduleExpression
    /// The zone the expression is read in.
    public var timeZone: ScheduleTimeZone
    /// Where a `rate` counts from (seconds since 1970; usually when the schedule was added).
    public var startSeconds: Int?

    /// A schedule to plan.
    public init(name: String, expression: ScheduleExpression, timeZone: ScheduleTimeZone, startSeconds: Int? = nil) {
        self.name = name
        self.expression = expression
        self.timeZone = timeZone
        self.startSeconds = startSeconds
    }
}

/// One fire: which schedule, at which instant (seconds since 1970, UTC).
public struct PlannedFire: Sendable, Equatable {
    /// The instant it fires.
    public var time: Int
    /// The schedule's name.
    public var schedule: String
    /// The schedule's position in the planner's input (breaks ties at the same instant).
    public var position: Int

    /// A fire.
    public init(time: Int, schedule: String, position: Int) {
        self.time = time
        self.schedule = schedule
        self.position = position
    }
}

/// The fires of several schedules between two instants, in time order — the simulated
/// scheduler's plan; executing a fire is left to the caller.
public enum FirePlanner {
    /// Every fire strictly after `after` and at or before `through`, earliest first; fires at the
    /// same instant keep the schedules' order.
    public static func fires(_ schedules: [PlannedSchedule], after: Int, through: Int) -> [PlannedFire] {
        var result: [PlannedFire] = []
        guard through > after else { return result }
        for (position, schedule) in schedules.enumerated() {
            var cursor = after
            while let next = schedule.expression.nextFire(afterSeconds: cursor, timeZone: schedule.timeZone, startSeconds: schedule.startSeconds),
                  next <= through {
                result.append(PlannedFire(time: next, schedule: schedule.name, position: position))
                cursor = next
            }
        }
        result.sort { ($0.time, $0.position) < ($1.time, $1.position) }
        return result
    }

    /// The first fire strictly after `after` among `schedules`, if any.
    public static func firstFire(_ schedules: [PlannedSchedule], after: Int) -> PlannedFire? {
        var best: PlannedFire?
        for (position, schedule) in schedules.enumerated() {
            guard let next = schedule.expression.nextFire(afterSeconds: after, timeZone: schedule.timeZone, startSeconds: schedule.startSeconds) else { continue }
            if best.map({ next < $0.time }) ?? true { best = PlannedFire(time: next, schedule: schedule.name, position: position) }
        }
        return best
    }
}
