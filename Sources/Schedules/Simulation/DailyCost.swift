import CustomLabels

/// One calendar day of a simulated period: its date, the hours billed and the cost.
public struct DailyCost: Sendable, Equatable {
    /// `2026-04-01` in the period's offset.
    public var date: String
    /// Billed inference minutes that day (unit-minutes are in `usd`).
    public var billedMinutes: Int
    /// Inference USD that day.
    public var usd: Double

    /// Billed hours (minutes / 60).
    public var runningHours: Double { Double(billedMinutes) / 60 }

    /// A day.
    public init(date: String, billedMinutes: Int, usd: Double) {
        self.date = date
        self.billedMinutes = billedMinutes
        self.usd = usd
    }

    /// The cost of `stretches` between `from` and `to`, day by day in the fixed `offsetSeconds`.
    /// Each stretch's bill is split at midnights so that the days add up to exactly what the
    /// bill grew by over the period.
    public static func days(_ stretches: [RunningStretch], from: Double, to: Double, offsetSeconds: Int, pricing: Pricing) -> [DailyCost] {
        guard to > from else { return [] }
        var result: [DailyCost] = []
        let offset = Double(offsetSeconds)
        var dayStart = from
        while dayStart < to {
            let localDay = ((dayStart + offset) / 86400).rounded(.down)
            let dayEnd = min(to, localDay * 86400 + 86400 - offset)
            var usd = 0.0, minutes = 0
            for stretch in stretches {
                usd += stretch.billedUSD(at: dayEnd, pricing: pricing) - stretch.billedUSD(at: dayStart, pricing: pricing)
                minutes += stretch.billedMinutes(at: dayEnd) - stretch.billedMinutes(at: dayStart)
            }
            let date = String(ISO8601.format(seconds: dayStart, offsetSeconds: offsetSeconds).prefix(10))
            result.append(DailyCost(date: date, billedMinutes: minutes, usd: usd))
            dayStart = dayEnd
        }
        return result
    }
}
