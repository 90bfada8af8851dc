import CustomLabels
import PanyaSupport
import Session

/// `model wait` when schedules are set: moves the simulated clock to each automatic
/// transition (STARTING → RUNNING, STOPPING → STOPPED) through the scheduler, so a fire on
/// the way happens at its time. Statuses it does not know are left to the backend's own wait.
struct ScheduledWait {
    unowned let context: any OperationsAccess
    let runner: ScheduleRunner

    /// Waits until the version is stable; prints each fire and each transition.
    func wait(arn: String) throws -> VersionStatus {
        let style = context.style
        while true {
            try InterruptSignal.ctrlC.check()
            let now = try runner.simulator.clock()
            guard let stored = try runner.simulator.lifecycleState(versionArn: arn) else {
                return try waitAsTheBackendDoes(arn)
            }
            let current = stored.current(at: now.seconds)
            guard let next = VersionLifecycle.automaticTransition(from: current.status) else {
                return VersionLifecycle.isStable(current.status) ? current.status : try waitAsTheBackendDoes(arn)
            }
            let target = current.since + next.afterSeconds
            let events = try runner.advance(to: target)
            for event in events { context.write(ScheduleFireResult(event: event).render(style) + "\n") }
            let moved = try runner.simulator.clock()
            if events.isEmpty {
                context.write(style.text(Catalog.scheduledWaitStep(from: current.status, to: next.to, at: moved.text,
                                                                   advanced: ClockDuration.format(Int((target - now.seconds).rounded(.up))))) + "\n")
            }
        }
    }

    private func waitAsTheBackendDoes(_ arn: String) throws -> VersionStatus {
        try context.backend.waitUntilStable(arn: arn) { line in context.write(context.style.text(line) + "\n") }
    }
}

extension Catalog {
    static func scheduledWaitStep(from: VersionStatus, to: VersionStatus, at time: String, advanced: String) -> Message {
        Message(en: "\(from.rawValue) → \(to.rawValue) at \(time) (clock +\(advanced))",
                ja: "\(from.rawValue) → \(to.rawValue) (\(time)、時計を \(advanced) 進めました)")
    }
}
