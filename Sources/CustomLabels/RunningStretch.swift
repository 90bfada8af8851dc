/// One billed stretch of a running version (the ledger's line): from when it ran, until when
/// (nil: still running), with how many units. Seconds since 1970.
public struct RunningStretch: Sendable, Equatable {
    /// The version that ran.
    public var versionArn: String
    /// How many inference units.
    public var units: Int
    /// When billing began (the moment it became RUNNING).
    public var from: Double
    /// When billing ended (nil: still open).
    public var until: Double?

    /// A stretch.
    public init(versionArn: String, units: Int, from: Double, until: Double?) {
        self.versionArn = versionArn
        self.units = units
        self.from = from
        self.until = until
    }

    /// What the stretch has billed by `time` (per started minute, at least one once it began).
    public func billedUSD(at time: Double, pricing: Pricing) -> Double {
        guard time >= from else { return 0 }
        return pricing.inferenceUSD(seconds: min(until ?? time, time) - from, units: units)
    }

    /// Minutes billed by `time`.
    public func billedMinutes(at time: Double) -> Int {
        guard time >= from else { return 0 }
        return Pricing.billedMinutes(seconds: min(until ?? time, time) - from)
    }
}
