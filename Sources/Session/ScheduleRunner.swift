import CustomLabels
import PanyaStore
import PanyaSupport
import Schedules

/// One fire as it happened on the simulated clock: when, which schedule, what it did to which
/// version, and the outcome (the new status, or the service's error code).
public struct FireEvent: Equatable {
    /// The fire time, in the clock's offset.
    public var time: ISO8601.Timestamp
    /// The schedule.
    public var schedule: String
    /// Start or stop.
    public var action: ScheduleExport.Action
    /// The version acted on.
    public var versionArn: String
    /// `STARTING`, `STOPPING`, or the error code (`ResourceInUseException` …).
    public var result: String
    /// Whether the call succeeded.
    public var succeeded: Bool
    /// The version's name (read from the ARN once).
    public var versionName: String
    /// How many fires this stands for: a run of fires that changed nothing (each failed the same way).
    public var repeats = 1
    /// The last fire of such a run.
    public var lastTime: ISO8601.Timestamp?

    /// A fire's outcome.
    public init(time: ISO8601.Timestamp, schedule: String, action: ScheduleExport.Action, versionArn: String, result: String, succeeded: Bool,
         versionName: String? = nil, repeats: Int = 1, lastTime: ISO8601.Timestamp? = nil) {
        self.repeats = repeats
        self.lastTime = lastTime
        self.time = time
        self.schedule = schedule
        self.action = action
        self.versionArn = versionArn
        self.result = result
        self.succeeded = succeeded
        self.versionName = versionName ?? ProjectVersionArn(versionArn)?.versionName ?? versionArn
    }

    /// A fire from the history, its times shown in `offsetSeconds`.
    public init(fire: ScheduleFire, offsetSeconds: Int) {
        self.init(time: ISO8601.Timestamp(seconds: fire.time, offsetSeconds: offsetSeconds), schedule: fire.schedule, action: fire.action,
                  versionArn: fire.versionArn, result: fire.result, succeeded: fire.succeeded, repeats: fire.repeats,
                  lastTime: fire.lastTime.map { ISO8601.Timestamp(seconds: $0, offsetSeconds: offsetSeconds) })
    }

    /// The fire as the history keeps it (not recorded yet: no id).
    public var fire: ScheduleFire {
        ScheduleFire(schedule: schedule, time: time.seconds, action: action, versionArn: versionArn, result: result, succeeded: succeeded,
                     repeats: repeats, lastTime: lastTime?.seconds)
    }
}

/// The scheduler on the simulated clock: moves the clock to a target time, stopping at every
/// fire on the way to call StartProjectVersion / StopProjectVersion exactly as a student's
/// command would. A failed fire is logged with its error code and the clock moves on.
///
/// Time goes with the fires that matter: a fire that failed is not called again while nothing
/// could change its answer (no fire succeeded since, and the version's status does not change by
/// itself before it), so a year of `rate(1 minute)` is a handful of calls and one history row
/// per run of identical failures. Each fire is claimed in one transaction with the clock's move
/// (another shell simulating at the same time never records it twice) and written as it
/// happens, so a run that is stopped keeps the history of the time it passed.
public struct ScheduleRunner {
    /// Where the schedules and their history are kept.
    public let store: ScheduleStore
    /// The simulated clock and the service the fires call.
    public let simulator: any SimulatedTime

    /// The scheduler over `store` on `simulator`'s clock.
    public init(store: ScheduleStore, simulator: any SimulatedTime) {
        self.store = store
        self.simulator = simulator
    }

    /// The scheduler over the schedules in `database` on `simulator`'s clock.
    public init(database: PanyaDatabase, simulator: any SimulatedTime) {
        self.init(store: ScheduleStore(database), simulator: simulator)
    }

    /// Moves the clock forward by `seconds`, making the enabled schedules' fires on the way in
    /// time order. With no fire on the way it is one atomic step of the clock (two shells
    /// advancing one database never lose a minute).
    @discardableResult
    public func advance(by seconds: Int) throws -> [FireEvent] {
        let start = try simulator.clock()
        let target = start.seconds + Double(max(0, seconds))
        let schedules = try enabledSchedules()
        let first = FirePlanner.firstFire(schedules.map(\.planned), after: Self.whole(start.seconds))
        guard let first, Double(first.time) <= target else {
            _ = try simulator.advance(seconds: max(0, seconds))
            return []
        }
        return try run(schedules, from: start, to: target)
    }

    /// Moves the clock to `target` (seconds since 1970) through every enabled schedule's fires
    /// after the clock and at or before `target`; returns them in order (also kept in the history).
    @discardableResult
    public func advance(to target: Double) throws -> [FireEvent] {
        let start = try simulator.clock()
        guard target > start.seconds else { return [] }
        return try run(try enabledSchedules(), from: start, to: target)
    }

    private func enabledSchedules() throws -> [Schedule] {
        try store.all().filter(\.enabled)
    }

    /// Whole seconds of a clock reading (stored times are bounded, so this never traps).
    private static func whole(_ seconds: Double) -> Int { Int(seconds.rounded(.down)) }

    /// A schedule's known answer: the failure its last call gave, good while `until` is ahead and no fire succeeded.
    private struct KnownAnswer {
        var result: String
        var until: Double
    }

    /// A run of identical failed fires not written yet.
    private struct PendingRun {
        var position: Int
        var event: FireEvent
        var lastSeconds: Int
    }

    /// Goes through the fires from `start` to `target`, in time order (ties in the schedules' order).
    private func run(_ schedules: [Schedule], from start: ISO8601.Timestamp, to target: Double) throws -> [FireEvent] {
        let offset = start.offsetSeconds
        let planned = schedules.map(\.planned)
        // Fires past the clock's last second cannot happen (the clock refuses to go there): the
        // run stops at it, and the final move to `target` says why.
        let clockEnd = ISO8601.parse("\(SimulatedClockStore.clockYears.upperBound)-12-31T23:59:59", defaultOffsetSeconds: offset)?.seconds ?? target
        let last = Self.whole(min(target, clockEnd))
        var events: [FireEvent] = []
        var known: [Int: KnownAnswer] = [:]
        var pending: PendingRun?
        // The next fire of each schedule after the cursor (nil: none left before the target).
        var next: [Int?] = []
        func plan(after cursor: Double) {
            next = planned.map { schedule in
                var after = Self.whole(cursor)
                while let time = schedule.expression.nextFire(afterSeconds: after, timeZone: schedule.timeZone, startSeconds: schedule.startSeconds),
                      time <= last {
                    if Double(time) > cursor { return time }
                    after = time
                }
                return nil
            }
        }
        plan(after: start.seconds)
        /// Writes the pending run (and moves the clock to its end); false when another shell passed it.
        func flush() throws -> Bool {
            guard let run = pending else { return true }
            pending = nil
            var event = run.event
            if event.repeats > 1 { event.lastTime = ISO8601.Timestamp(seconds: Double(run.lastSeconds), offsetSeconds: offset) }
            let claimed = try claim(event, movingTo: Double(run.lastSeconds), offset: offset)
            if claimed != nil { events.append(event) }
            return claimed != nil
        }
        var steps = 0
        while true {
            steps += 1
            if steps & 1023 == 0 { try InterruptSignal.ctrlC.check() }
            guard let (position, time) = Self.earliest(next) else { break }
            next[position] = planned[position].expression.nextFire(afterSeconds: time, timeZone: planned[position].timeZone,
                                                                  startSeconds: planned[position].startSeconds).flatMap { $0 <= last ? $0 : nil }
            let schedule = schedules[position]
            if let answer = known[position], Double(time) < answer.until {
                // Nothing can have changed this fire's answer: counted, not called.
                if var run = pending, run.position == position, run.event.result == answer.result {
                    run.event.repeats += 1
                    run.lastSeconds = time
                    pending = run
                } else {
                    guard try flush() else { known = [:]; plan(after: try simulator.clock().seconds); continue }
                    let at = ISO8601.Timestamp(seconds: Double(time), offsetSeconds: offset)
                    pending = PendingRun(position: position, event: FireEvent(time: at, schedule: schedule.name, action: schedule.action,
                                                                              versionArn: schedule.versionArn, result: answer.result,
                                                                              succeeded: false, versionName: schedule.versionName),
                                         lastSeconds: time)
                }
                continue
            }
            try InterruptSignal.ctrlC.check()
            guard try flush() else { known = [:]; plan(after: try simulator.clock().seconds); continue }
            let at = ISO8601.Timestamp(seconds: Double(time), offsetSeconds: offset)
            var event = FireEvent(time: at, schedule: schedule.name, action: schedule.action, versionArn: schedule.versionArn,
                                  result: Self.interrupted, succeeded: false, versionName: schedule.versionName)
            guard let claimed = try claim(event, movingTo: Double(time), offset: offset), let id = claimed.id else {
                // Another shell is ahead of this one: go on from where it left the clock.
                known = [:]
                plan(after: try simulator.clock().seconds)
                continue
            }
            event = execute(schedule, at: at)
            try store.setOutcome(id: id, result: event.result, succeeded: event.succeeded)
            events.append(event)
            if event.succeeded {
                known = [:]
            } else {
                let change = (try? simulator.nextStatusChange(versionArn: schedule.versionArn, after: Double(time))) ?? nil
                known[position] = KnownAnswer(result: event.result, until: change ?? .infinity)
            }
        }
        _ = try flush()
        let now = try simulator.clock()
        if now.seconds < target {
            do {
                _ = try simulator.setClock(ISO8601.Timestamp(seconds: target, offsetSeconds: offset).text)
            } catch {
                // Another shell moved the clock past the target meanwhile: the time is passed either way.
                if try simulator.clock().seconds < target { throw error }
            }
        }
        return events
    }

    /// The earliest fire among the schedules' next ones (ties: the first schedule).
    private static func earliest(_ next: [Int?]) -> (position: Int, time: Int)? {
        var best: (position: Int, time: Int)?
        for (position, time) in next.enumerated() {
            guard let time else { continue }
            if best.map({ time < $0.time }) ?? true { best = (position, time) }
        }
        return best
    }

    /// What a claimed fire says until its call returns (and stays if the process is stopped in between).
    public static let interrupted = "Interrupted"

    /// Records `event` and moves the clock to `seconds` in one transaction; nil when another shell was first.
    private func claim(_ event: FireEvent, movingTo seconds: Double, offset: Int) throws -> ScheduleFire? {
        let moved = ISO8601.Timestamp(seconds: seconds, offsetSeconds: offset).text
        return try store.claim(event.fire) { stored in
            guard let stored else { return moved }
            guard let now = ISO8601.parse(stored) else { return moved }
            return now.seconds <= event.time.seconds ? moved : nil
        }
    }

    /// The next enabled fire after the clock, if any (seconds since 1970).
    public func nextFire() throws -> Int? {
        let now = try simulator.clock().seconds
        return FirePlanner.firstFire(try enabledSchedules().map(\.planned), after: Self.whole(now))?.time
    }

    /// Calls the service as the schedule's target would; an error is the outcome, not a throw.
    private func execute(_ schedule: Schedule, at time: ISO8601.Timestamp) -> FireEvent {
        let arn = schedule.versionArn
        var event = FireEvent(time: time, schedule: schedule.name, action: schedule.action, versionArn: arn, result: "", succeeded: true,
                              versionName: schedule.versionName)
        do {
            switch schedule.action {
            case .start:
                event.result = try simulator.startProjectVersion(arn: arn, minInferenceUnits: schedule.units, maxInferenceUnits: nil).rawValue
            case .stop:
                event.result = try simulator.stopProjectVersion(arn: arn).rawValue
            }
        } catch {
            event.succeeded = false
            event.result = (error as? any UserFacingError)?.code ?? "InternalServerError"
        }
        return event
    }
}
