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
        max(1, Int((max(0, seconds) / 60).rounded(.up)))
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
        Int((usd * jpyPerUSD).rounded())
    }

    /// `2,880.00` (two decimals, thousands separated).
    public static func formatUSD(_ usd: Double) -> String {
        let cents = Int64((usd * 100).rounded())
        let whole = grouped(abs(cents) / 100)
        let fraction = ISO8601.pad(Int(abs(cents) % 100), 2)
        return (cents < 0 ? "-" : "") + whole + "." + fraction
    }

    /// `403,200`.
    public static func formatJPY(_ yen: Int) -> String {
        (yen < 0 ? "-" : "") + grouped(Int64(abs(yen)))
    }

    /// Hours with up to 2 decimals (`3`, `0.5`, `13.02`).
    public static func formatHours(seconds: Double) -> String {
        Inspection.format(seconds / 3600)
    }

    static func grouped(_ value: Int64) -> String {
        let digits = Array(String(value))
        var text = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { text += "," }
            text.append(d)
        }
        return text
    }
}
