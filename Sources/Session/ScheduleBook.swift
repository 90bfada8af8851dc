import CustomLabels
import PanyaSupport
import Schedules

/// Why a schedule's target is stale: an older version than the current one, a version the
/// service does not know (deleted), or one that cannot run.
public enum StaleReason: Equatable {
    case older(current: String)
    case unknown(current: String?)
    case cannotRun(VersionStatus)
}

/// A schedule whose target needs `schedule retarget`.
public struct StaleTarget: Equatable {
    /// The schedule's name.
    public var schedule: String
    /// Start or stop.
    public var action: ScheduleExport.Action
    /// The version it targets.
    public var versionName: String
    /// Why it is stale.
    public var reason: StaleReason

    /// The warning with the fix, in both languages.
    public var message: Message { Catalog.staleSchedule(self) }
}

/// The schedules in the store, read and checked against the service: where `schedule`,
/// `simulate`, `clock advance` and `model use` get them.
public struct ScheduleBook {
    /// Where the schedules are kept.
    public let store: ScheduleStore
    /// The model in use, and the service that knows the versions.
    public let models: ModelSelection

    /// The schedules in `store`, checked against `models`.
    public init(store: ScheduleStore, models: ModelSelection) {
        self.store = store
        self.models = models
    }

    /// Every schedule, in the order added.
    public func schedules() throws -> [Schedule] {
        try store.all()
    }

    /// The schedule named `name`, or an error suggesting the closest name.
    public func schedule(named name: String) throws -> Schedule {
        guard let schedule = try store.schedule(named: name) else {
            throw OperationsError.unknownSchedule(name, suggestion: Suggestions.closest(to: name, in: try store.all().map(\.name)))
        }
        return schedule
    }

    /// A version by name or ARN, without changing the current one: an ARN as given (it may name
    /// a deleted version; `schedule` flags it), a name looked up in the service.
    public func resolveVersion(_ nameOrArn: String?) throws -> String {
        guard let nameOrArn else { return try models.currentVersionArn() }
        if nameOrArn.hasPrefix("arn:") { return try ProjectVersionArn.parse(nameOrArn).description }
        for project in try models.backend.describeProjects() {
            for version in try models.backend.describeProjectVersions(projectArn: project.projectArn, versionNames: nil)
            where version.versionName == nameOrArn {
                return version.projectVersionArn
            }
        }
        throw SessionError.unknownVersion(nameOrArn)
    }

    /// Why `schedule`'s target is stale, or nil when it is the current version (or a newer one).
    public func staleReason(_ schedule: Schedule, currentArn: String?) -> StaleReason? {
        let target = schedule.versionArn
        let currentName = currentArn.map { ProjectVersionArn($0)?.versionName ?? $0 }
        guard let version = try? models.describeVersion(arn: target) else { return .unknown(current: currentName) }
        if [.trainingFailed, .failed, .deprecated, .expired, .deleting, .copyingFailed].contains(version.status) {
            return .cannotRun(version.status)
        }
        guard let currentArn, currentArn != target, let currentName,
              let mine = ProjectVersionArn(target), let current = ProjectVersionArn(currentArn),
              mine.projectName == current.projectName, mine.creationMillis < current.creationMillis else { return nil }
        return .older(current: currentName)
    }

    /// Every stale schedule, in order.
    public func staleTargets() throws -> [StaleTarget] {
        let schedules = try schedules()
        guard !schedules.isEmpty else { return [] }
        let current = try? models.currentVersionArn()
        return schedules.compactMap { schedule in
            staleReason(schedule, currentArn: current).map {
                StaleTarget(schedule: schedule.name, action: schedule.action, versionName: schedule.versionName, reason: $0)
            }
        }
    }
}

extension Catalog {
    static func staleSchedule(_ stale: StaleTarget) -> Message {
        let verbEn = stale.action == .start ? "starts" : "stops"
        let verbJa = stale.action == .start ? "開始" : "停止"
        let fix = Message(en: " Fix: schedule retarget --all", ja: " 直し方: schedule retarget --all")
        switch stale.reason {
        case .older(let current):
            return Message(en: "⚠ the schedule \(stale.schedule) still \(verbEn) \(stale.versionName); the current model is \(current).\(fix.en)",
                           ja: "⚠ スケジュール \(stale.schedule) はまだ \(stale.versionName) を\(verbJa)します。現在のモデルは \(current) です。\(fix.ja)")
        case .unknown(let current):
            let nowEn = current.map { "; the current model is \($0)." } ?? "."
            let nowJa = current.map { "現在のモデルは \($0) です。" } ?? ""
            return Message(en: "⚠ the schedule \(stale.schedule) \(verbEn) \(stale.versionName), which the service does not know (deleted?)\(nowEn)\(fix.en)",
                           ja: "⚠ スケジュール \(stale.schedule) が\(verbJa)する \(stale.versionName) はサービスにありません (削除された?)。\(nowJa)\(fix.ja)")
        case .cannotRun(let status):
            return Message(en: "⚠ the schedule \(stale.schedule) \(verbEn) \(stale.versionName), which is \(status.rawValue) and cannot run.\(fix.en)",
                           ja: "⚠ スケジュール \(stale.schedule) が\(verbJa)する \(stale.versionName) は \(status.rawValue) で、動かせません。\(fix.ja)")
        }
    }
}
