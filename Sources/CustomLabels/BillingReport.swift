
/// What the simulated account has cost so far, per model version (`bill`).
public struct BillingReport: Sendable, Equatable {
    /// One model version's share.
    public struct Line: Sendable, Equatable {
        public var versionName: String
        public var versionArn: String
        /// Seconds the version has been RUNNING (all stretches, up to the clock).
        public var inferenceSeconds: Double
        /// Minutes billed: per stretch, every started minute, at least one.
        public var billedMinutes: Int
        /// Inference-unit minutes billed (minutes × units, per stretch).
        public var billedUnitMinutes: Int
        /// The units of the latest stretch (0 when it never ran).
        public var units: Int
        /// True while a stretch is still open (forgetting to stop keeps billing).
        public var isRunning: Bool
        public var inferenceUSD: Double
        /// BillableTrainingTimeInSeconds from the recording.
        public var trainingSeconds: Int
        public var trainingUSD: Double

        /// Inference hours billed (billed minutes / 60).
        public var inferenceHours: Double { Double(billedMinutes) / 60 }
        /// Training hours.
        public var trainingHours: Double { Double(trainingSeconds) / 3600 }
        public var totalUSD: Double { inferenceUSD + trainingUSD }

        /// One version's share of the bill.
        public init(versionName: String, versionArn: String, inferenceSeconds: Double, billedMinutes: Int, billedUnitMinutes: Int,
                    units: Int, isRunning: Bool, inferenceUSD: Double, trainingSeconds: Int, trainingUSD: Double) {
            self.versionName = versionName
            self.versionArn = versionArn
            self.inferenceSeconds = inferenceSeconds
            self.billedMinutes = billedMinutes
            self.billedUnitMinutes = billedUnitMinutes
            self.units = units
            self.isRunning = isRunning
            self.inferenceUSD = inferenceUSD
            self.trainingSeconds = trainingSeconds
            self.trainingUSD = trainingUSD
        }
    }

    /// The simulated time of the report.
    public var at: ISO8601.Timestamp
    public var lines: [Line]
    public var pricing: Pricing

    /// A report at `at` with these lines.
    public init(at: ISO8601.Timestamp, lines: [Line], pricing: Pricing) {
        self.at = at
        self.lines = lines
        self.pricing = pricing
    }

    public var totalUSD: Double { lines.reduce(0) { $0 + $1.totalUSD } }
    public var totalJPY: Int { pricing.jpy(totalUSD) }

    /// Yen for one line.
    public func jpy(_ line: Line) -> Int { pricing.jpy(line.totalUSD) }
}
