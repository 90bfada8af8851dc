import CustomLabels
import PanyaLanguage
import PanyaSupport
import Schedules
import Session

/// `simulate DURATION [--chart] [--out FILE.png] [--json]`: runs the simulated clock through every
/// schedule's fires and reports the period's hours and cost, per day and in total, and the
/// schedules' model on its schedules against always on.
struct SimulateFamily: CommandFamily {
    unowned let context: any OperationsAccess

    var title: Message { Message(en: "Simulation", ja: "シミュレーション") }

    var commands: [Command] {
        [
            Command("simulate", summary: Catalog.simulateSummary,
                    arguments: [.required("DURATION", .duration, Catalog.argSimulateDuration)],
                    flags: [.switch("chart", Catalog.flagChart), .value("out", "FILE.png", .path, Catalog.flagChartOut),
                            .switch("force", Catalog.flagChartForce), .switch("json", Catalog.flagSimulateJSON)]) { call in
                let out = try call.string(flag: "out").map { try context.photoArguments.outputPath($0) }
                let force = try call.bool(flag: "force")
                if let out {
                    _ = try OutputFile.imageFormat(out, among: [.png])
                    try OutputFile.checkWritable(out, input: "", force: force)
                }
                var report = try simulate(seconds: ClockDuration.parse(call.string(at: 0)))
                report.chart = try call.bool(flag: "chart")
                if let out {
                    try SimulationChart.write(report.days, title: "USD per day  \(report.days.first?.date ?? "") - \(report.days.last?.date ?? "")", to: out, force: force)
                    context.write(context.style.text(Catalog.chartWritten(out)) + "\n")
                }
                if try call.bool(flag: "json") { return .string(ValueJSON.text(report.value)) }
                return report.value
            },
        ]
    }

    /// Runs the clock `seconds` forward through the schedules and measures the bill's growth.
    func simulate(seconds: Int) throws -> SimulationReport {
        guard let simulator = context.backend.simulatedTime, let runner = context.scheduleRunner else {
            throw OperationsError.notOnBackend(command: "simulate", backend: context.backend.kind.rawValue)
        }
        let from = try simulator.clock()
        let before = try simulator.bill()
        let events = try runner.advance(to: from.seconds + Double(seconds))
        let to = try simulator.clock()
        let after = try simulator.bill()
        let stretches = try simulator.billedStretches()
        let days = DailyCost.days(stretches, from: from.seconds, to: to.seconds, offsetSeconds: from.offsetSeconds, pricing: after.pricing)
        let inference = after.lines.reduce(0) { $0 + $1.inferenceUSD } - before.lines.reduce(0) { $0 + $1.inferenceUSD }
        let training = after.lines.reduce(0) { $0 + $1.trainingUSD } - before.lines.reduce(0) { $0 + $1.trainingUSD }
        let stale = (try? context.scheduleBook.staleTargets()) ?? []
        let schedules = try ScheduleStore(context.database).all().filter(\.enabled)
        let targets = ScheduledComparison.targets(schedules.map { ($0.versionArn, $0.action == .start, $0.units) })
        let comparison = ScheduledComparison.compute(stretches, targets: targets, from: from.seconds, to: to.seconds,
                                                     offsetSeconds: from.offsetSeconds, pricing: after.pricing)
        return SimulationReport(from: from, to: to, events: events, days: days, inferenceUSD: inference, trainingUSD: training,
                                pricing: after.pricing, stale: stale, comparison: comparison)
    }
}

extension Catalog {
    static let simulateSummary = Message(en: "run the simulated clock (30d, 365d): schedules fire, and the cost per day and in total",
                                         ja: "シミュレーション上の時計を進める (30d、365d): スケジュールが実行され、日ごとと合計の料金を表示")
    static let argSimulateDuration = Message(en: "how long to simulate (90m, 12h, 30d, 365d)", ja: "シミュレーションする長さ (90m、12h、30d、365d)")
    static let flagChart = Message(en: "draw a bar per day in the terminal", ja: "日ごとの棒グラフを端末に描く")
    static let flagChartOut = Message(en: "write the chart as a PNG (an existing file only with --force)", ja: "グラフを PNG に書き出す (既存のファイルは --force のときだけ置き換えます)")
    static let flagSimulateJSON = Message(en: "print the simulated period as JSON (per day, events, totals, always on for comparison)",
                                          ja: "シミュレーションの結果を JSON で表示 (日ごと・イベント・合計・比較用のつけっぱなしの料金)")
    static let flagChartForce = Message(en: "replace an existing --out file", ja: "--out のファイルが既にあれば置き換える")
    static func chartWritten(_ path: String) -> Message {
        Message(en: "wrote the chart to \(path)", ja: "グラフを \(path) に書き出しました")
    }
}
