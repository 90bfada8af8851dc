import Session

/// The session gives the operations families its store, backend and schedules (the core's).
extension ShellSession: OperationsAccess {
    var scheduleBook: ScheduleBook { core.scheduleBook }
    var scheduleRunner: ScheduleRunner? { core.scheduleRunner }
}
