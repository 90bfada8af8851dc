import CustomLabels

/// The model the schedules start and stop, over a simulated period: what it billed on its
/// schedules, day by day, against what it would have billed left running the whole period
/// (always on) — the lesson's comparison (about 1,560 against 2,880 USD for 30 days at 1 unit),
/// kept apart from other models that ran meanwhile, which bill either way.
public struct ScheduledComparison: Sendable, Equatable {
    /// One version the schedules target, with the inference units its start asks for.
    public struct Target: Sendable, Equatable {
        /// The version's ARN.
        public var versionArn: String
        /// The units a start gives it (the most among its start schedules; 1 without one).
        public var units: Int

        /// A target.
        public init(versionArn: String, units: Int) {
            self.versionArn = versionArn
            self.units = units
        }
    }

    /// The versions the schedules target (in the schedules' order, each once).
    public var targets: [Target]
    /// The targets' own billed hours and cost per day (the other models left out).
    public var days: [DailyCost]
    /// The targets' inference cost on their schedules over the period.
    public var scheduledUSD: Double
    /// The targets' cost had they run the whole period at their units (billed as the service bills).
    public var alwaysOnUSD: Double
    /// The hours of the whole period (each target running all of it).
    public var alwaysOnHours: Double
    /// Inference billed by every other version over the period.
    public var otherModelsUSD: Double

    /// The targets' billed hours on their schedules.
    public var scheduledHours: Double { days.reduce(0) { $0 + $1.runningHours } }
    /// What the schedules saved against always on.
    public var savedUSD: Double { alwaysOnUSD - scheduledUSD }

    /// The comparison over `from`…`to` (seconds since 1970, days in `offsetSeconds`) from the
    /// ledger's `stretches` (every version's) and the schedules' `targets`; nil without a target.
    public static func compute(_ stretches: [RunningStretch], targets: [Target], from: Double, to: Double,
                               offsetSeconds: Int, pricing: Pricing) -> ScheduledComparison? {
        guard !targets.isEmpty, to > from else { return nil }
        let arns = Set(targets.map(\.versionArn))
        let mine = stretches.filter { arns.contains($0.versionArn) }
        let others = stretches.filter { !arns.contains($0.versionArn) }
        let days = DailyCost.days(mine, from: from, to: to, offsetSeconds: offsetSeconds, pricing: pricing)
        let scheduled = days.reduce(0) { $0 + $1.usd }
        let always = targets.reduce(0) { $0 + pricing.inferenceUSD(seconds: to - from, units: $1.units) }
        let other = others.reduce(0) { $0 + $1.billedUSD(at: to, pricing: pricing) - $1.billedUSD(at: from, pricing: pricing) }
        return ScheduledComparison(targets: targets, days: days, scheduledUSD: scheduled, alwaysOnUSD: always,
                                   alwaysOnHours: Double(Pricing.billedMinutes(seconds: to - from)) / 60, otherModelsUSD: other)
    }

    /// The targets of schedules given as (version ARN, action is start, units), in their order.
    public static func targets(_ schedules: [(versionArn: String, isStart: Bool, units: Int)]) -> [Target] {
        var result: [Target] = []
        for schedule in schedules {
            let units = schedule.isStart ? max(1, schedule.units) : 1
            if let index = result.firstIndex(where: { $0.versionArn == schedule.versionArn }) {
                if schedule.isStart { result[index].units = max(result[index].units, units) }
            } else {
                result.append(Target(versionArn: schedule.versionArn, units: units))
            }
        }
        return result
    }

    /// A comparison as given (for tests and other callers).
    public init(targets: [Target], days: [DailyCost], scheduledUSD: Double, alwaysOnUSD: Double, alwaysOnHours: Double, otherModelsUSD: Double) {
        self.targets = targets
        self.days = days
        self.scheduledUSD = scheduledUSD
        self.alwaysOnUSD = alwaysOnUSD
        self.alwaysOnHours = alwaysOnHours
        self.otherModelsUSD = otherModelsUSD
    }
}
