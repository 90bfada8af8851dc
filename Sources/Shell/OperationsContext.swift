import CustomLabels
import PanyaStore

/// Schedules, the simulated scheduler and the files policy checks read (the schedule,
/// simulate and policy families; `clock advance`, `model wait` and `model use` pass through it).
protocol OperationsAccess: ServiceAccess {
    /// The store the schedules and their history are kept in.
    var database: PanyaDatabase { get }
}

extension OperationsAccess {
    /// The schedules in the store, checked against the current backend.
    var scheduleBook: ScheduleBook { ScheduleBook(store: ScheduleStore(database), models: models) }

    /// The scheduler on the simulated clock, when the backend has one.
    var scheduleRunner: ScheduleRunner? {
        (backend as? any SimulatedTime).map { ScheduleRunner(store: ScheduleStore(database), simulator: $0) }
    }
}
