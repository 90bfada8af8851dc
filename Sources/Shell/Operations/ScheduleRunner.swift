import CustomLabels
import PanyaStore
import PanyaSupport
import Schedules

/// One fire as it happened on the simulated clock: when, which schedule, what it did to which
/// version, and the outcome (the new status, or the service's error code).
struct FireEvent: Equatable {
    /// The fire time, in the clock's offset.
    var time: ISO8601.Timestamp
    /// The schedule.
    var schedule: String
    /// Start or stop.
    var action: ScheduleExport.Action
    /// The version acted on.
    var versionArn: String
    /// `STARTING`, `STOPPING`, or the error code (`ResourceInUseException` …).
    var result: String
    /// Whether the call succeeded.
    var succeeded: Bool
    /// The version's name (read from the ARN once).
    var versionName: String

    /// A fire's outcome.
    init(time: ISO8601.Timestamp, schedule: String, action: ScheduleExport.Action, versionArn: String, result: String, succeeded: Bool,
         versionName: String? = nil) {
        self.time = time
        self.schedule = schedule
        self.action = action
        self.versionArn = versionArn
        self.result = result
        self.succeeded = succeeded
        self.versionName = versionName ?? ProjectVersionArn(versionArn)?.versionName ?? versionArn
    }
}

/// The scheduler on the simulated clock: moves the clock to a target time, stopping at every
/// fire on the way to call StartProjectVersion / StopProjectVersion exactly as a student's
/// command would. A failed fire is logged with its error code and the clock moves on.
struct ScheduleRunner {
    let store: ScheduleStore
    let simulator: any SimulatedTime

    /// Moves the clock forward by `seconds`, making the enabled schedules' fires on the way in
    /// time order. With no fire on the way it is one atomic step of the clock (two shells
    /// advancing one database never lose a minute).
    @discardableResult
    func advance(by seconds: Int) throws -> [FireEvent] {
        let start = try simulator.clock()
        let target = start.seconds + Double(max(0, seconds))
        let plan = try fires(after: start.seconds, through: target)
        guard !plan.fires.isEmpty else {
            _ = try simulator.advance(seconds: max(0, seconds))
            return []
        }
        return try run(plan, from: start, to: target)
    }

    /// Moves the clock to `target` (seconds since 1970) through every enabled schedule's fires
    /// after the clock and at or before `target`; returns them in order (also kept in the history).
    @discardableResult
    func advance(to target: Double) throws -> [FireEvent] {
        let start = try simulator.clock()
        guard target > start.seconds else { return [] }
        return try run(try fires(after: start.seconds, through: target), from: start, to: target)
    }

    /// The enabled schedules and their fires after `start` and at or before `target`, in time order.
    private func fires(after start: Double, through target: Double) throws -> (entries: [ScheduleEntry], fires: [PlannedFire]) {
        let entries = try store.all().filter(\.enabled).map(ScheduleBook.entry)
        let fires = FirePlanner.fires(entries.map(\.planned), after: Int(start.rounded(.down)), through: Int(target.rounded(.down)))
        return (entries, fires.filter { Double($0.time) > start })
    }

    /// Steps the clock to each planned fire, makes it, and ends at `target`.
    private func run(_ plan: (entries: [ScheduleEntry], fires: [PlannedFire]), from start: ISO8601.Timestamp, to target: Double) throws -> [FireEvent] {
        var events: [FireEvent] = []
        defer { try? store.record(events.map(Self.record)) }
        for fire in plan.fires {
            try InterruptSignal.ctrlC.check()
            let time = ISO8601.Timestamp(seconds: Double(fire.time), offsetSeconds: start.offsetSeconds)
            _ = try simulator.setClock(time.text)
            events.append(execute(plan.entries[fire.position], at: time))
        }
        _ = try simulator.setClock(ISO8601.Timestamp(seconds: target, offsetSeconds: start.offsetSeconds).text)
        return events
    }

    /// The next enabled fire after the clock, if any (seconds since 1970).
    func nextFire() throws -> Int? {
        let now = try simulator.clock().seconds
        let entries = try store.all().filter(\.enabled).map(ScheduleBook.entry)
        return FirePlanner.firstFire(entries.map(\.planned), after: Int(now.rounded(.down)))?.time
    }

    /// Calls the service as the schedule's target would; an error is the outcome, not a throw.
    private func execute(_ entry: ScheduleEntry, at time: ISO8601.Timestamp) -> FireEvent {
        let arn = entry.stored.versionArn
        var event = FireEvent(time: time, schedule: entry.stored.name, action: entry.action, versionArn: arn, result: "", succeeded: true,
                              versionName: entry.versionName)
        do {
            switch entry.action {
            case .start:
                event.result = try simulator.startProjectVersion(arn: arn, minInferenceUnits: entry.stored.units, maxInferenceUnits: nil).rawValue
            case .stop:
                event.result = try simulator.stopProjectVersion(arn: arn).rawValue
            }
        } catch {
            event.succeeded = false
            event.result = (error as? any UserFacingError)?.code ?? "InternalServerError"
        }
        return event
    }

    private static func record(_ event: FireEvent) -> ScheduleFireRecord {
        ScheduleFireRecord(schedule: event.schedule, time: event.time.seconds, action: event.action.rawValue,
                           versionArn: event.versionArn, result: event.result, succeeded: event.succeeded)
    }
}
