import PanyaSupport

/// What training and running a model cost (the walkthrough's figures, configurable):
/// billed per started minute, at least one minute; inference per hour per inference unit.
public struct Pricing: Sendable, Equatable {
    /// Training, USD per hour (1.37).
    public var trainingUSDPerHour: Double
    /// Inference, USD per hour per inference unit (4.00).
    public var inferenceUSDPerUnitHour: Double
    /// Conversion for display, JPY per USD (140).
    public var jpyPerUSD: Double

    /// The walkthrough's prices.
    public static let walkthrough = Pricing(trainingUSDPerHour: 1.37, inferenceUSDPerUnitHour: 4.00, jpyPerUSD: 140)

    public init(trainingUSDPerHour: Double, inferenceUSDPerUnitHour: Double, jpyPerUSD: Double) {
        self.trainingUSDPerHour = trainingUSDPerHour
        self.inferenceUSDPerUnitHour = inferenceUSDPerUnitHour
        self.jpyPerUSD = jpyPerUSD
    }

    /// Minutes billed for a span: every started minute, at least one (a span of 0 s is 1 minute).
    public static func billedMinutes(seconds: Double) -> Int {
        max(1, wholeNumber((max(0, seconds) / 60).rounded(.up)))
    }

    /// The largest whole number the bill computes with (2^53, where a `Double` still counts every
    /// integer): spans and units are bounded at the door (the clock's range, `--units` 1–100), so
    /// nothing real comes near it; a value past it (or not a number) is held at it instead of trapping.
    public static let largestWholeNumber: Double = 9_007_199_254_740_992

    /// `value` as an `Int`, held within ±``largestWholeNumber`` (NaN counts as 0).
    static func wholeNumber(_ value: Double) -> Int {
        guard !value.isNaN else { return 0 }
        return Int(min(max(value, -largestWholeNumber), largestWholeNumber))
    }

    /// USD for running `units` inference units for `seconds` (billed per started minute).
    public func inferenceUSD(seconds: Double, units: Int) -> Double {
        Double(Self.billedMinutes(seconds: seconds)) * Double(units) * inferenceUSDPerUnitHour / 60
    }

    /// USD for `seconds` of billable training (per started minute; 0 s costs nothing).
    public func trainingUSD(seconds: Double) -> Double {
        seconds <= 0 ? 0 : Double(Self.billedMinutes(seconds: seconds)) * trainingUSDPerHour / 60
    }

    /// USD converted to yen, rounded to the nearest yen.
    public func jpy(_ usd: Double) -> Int {
        Self.wholeNumber((usd * jpyPerUSD).rounded())
    }
}
