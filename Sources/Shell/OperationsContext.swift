import CustomLabels
import PanyaStore
import Session

/// Schedules, the simulated scheduler and the files policy checks read (the schedule,
/// simulate and policy families; `clock advance`, `model wait` and `model use` pass through it).
protocol OperationsAccess: ServiceAccess {
    /// The store the schedules and their history are kept in.
    var database: PanyaDatabase { get }
    /// The schedules in the store, checked against the current backend.
    var scheduleBook: ScheduleBook { get }
    /// The scheduler on the simulated clock, when the backend has one.
    var scheduleRunner: ScheduleRunner? { get }
}
