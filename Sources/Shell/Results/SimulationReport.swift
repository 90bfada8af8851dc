import CustomLabels
import PanyaLanguage
import PanyaSupport
import Schedules
import Session

/// `simulate DURATION`: the period the clock ran through, every fire, the hours and the cost
/// per day and in total (the same figures `bill` grew by).
struct SimulationReport: ShellResult {
    static let kind = "simulation"
    var from: ISO8601.Timestamp
    var to: ISO8601.Timestamp
    var events: [FireEvent]
    var days: [DailyCost]
    var inferenceUSD: Double
    var trainingUSD: Double
    var pricing: Pricing
    /// Stale schedules at the end of the period.
    var stale: [StaleTarget]
    /// The schedules' target model: scheduled against always on (nil without a schedule).
    var comparison: ScheduledComparison? = nil
    /// Draw a bar per day under the table.
    var chart = false

    var totalUSD: Double { inferenceUSD + trainingUSD }
    var totalJPY: Int { pricing.jpy(totalUSD) }
    var billedMinutes: Int { days.reduce(0) { $0 + $1.billedMinutes } }
    var runningHours: Double { Double(billedMinutes) / 60 }
    /// Starts that succeeded: each spent its STARTING minutes unbilled.
    var successfulStarts: Int { events.filter { $0.succeeded && $0.action == .start }.reduce(0) { $0 + $1.repeats } }
    /// Fires that failed (a run of identical ones counts each).
    var failedFires: Int { events.filter { !$0.succeeded }.reduce(0) { $0 + $1.repeats } }
    var unbilledStartingMinutes: Int { successfulStarts * Int(VersionLifecycle.startingSeconds / 60) }
    /// The simulated seconds.
    var periodSeconds: Double { max(0, to.seconds - from.seconds) }
    /// The inference units the schedules' model would run always on (the units its starts ask for).
    var alwaysOnUnits: Int { comparison?.targets.reduce(0) { $0 + $1.units } ?? 0 }

    /// How the comparison's always-on cost is made: `24 h × 30 days × 1 unit × 4.00 USD/h` (whole days) or `36 h × …`.
    func alwaysOnFormula(_ style: RenderStyle) -> String {
        let price = NumberText.money(pricing.inferenceUSDPerUnitHour)
        let seconds = Int(periodSeconds.rounded())
        if seconds > 0, seconds % 86400 == 0 {
            return style.text(Catalog.alwaysOnDays(seconds / 86400, units: alwaysOnUnits, price: price))
        }
        let hours = periodSeconds > 0 ? Double(Pricing.billedMinutes(seconds: periodSeconds)) / 60 : 0
        return style.text(Catalog.alwaysOnHours(NumberText.short(hours), units: alwaysOnUnits, price: price))
    }

    var fields: [(String, Value)] {
        [("from", .string(from.text)), ("to", .string(to.text)),
         ("events", .list(events.map { ScheduleFireResult(event: $0).value })),
         ("running_hours", .number(runningHours)), ("inference_usd", .number(inferenceUSD)),
         ("training_usd", .number(trainingUSD)), ("total_usd", .number(totalUSD)), ("total_jpy", .number(Double(totalJPY))),
         ("days", .list(days.map { SimulationDay(day: $0).value })),
         ("unbilled_starting_minutes", .number(Double(unbilledStartingMinutes))),
         ("failed_fires", .number(Double(failedFires))),
         ("warnings", .list(stale.map { .string($0.message.en) })),
         ("always_on_usd", comparison.map { .number($0.alwaysOnUSD) } ?? .null),
         ("scheduled", comparison.map { ScheduledComparisonResult(comparison: $0, pricing: pricing).value } ?? .null)]
    }

    func render(_ style: RenderStyle) -> String {
        var lines = [style.text(Catalog.simulationHeading(from: from.text, to: to.text, duration: ClockDuration.format(Int(to.seconds - from.seconds))))]
        lines += eventSummary(style)
        var table = TextTable(headers: [style.text(Catalog.headerDate), style.text(Catalog.headerInferenceHours), "USD", "JPY"],
                              alignments: [.left, .right, .right, .right])
        for day in days {
            table.add([day.date, NumberText.fixed(day.runningHours, decimals: 2), NumberText.money(day.usd), NumberText.grouped(pricing.jpy(day.usd))])
        }
        lines.append(table.render(width: style.terminal.columns))
        if chart { lines.append(SimulationChart.terminal(self, style)) }
        lines.append(style.wrappedText(Catalog.simulationTotals(hours: NumberText.fixed(runningHours, decimals: 2), inference: NumberText.money(inferenceUSD),
                                                          training: NumberText.money(trainingUSD), total: NumberText.money(totalUSD),
                                                          jpy: NumberText.grouped(totalJPY), rate: NumberText.short(pricing.jpyPerUSD))))
        if let comparison {
            lines.append(ScheduledComparisonResult(comparison: comparison, pricing: pricing).render(style))
            if comparison.otherModelsUSD > 0 {
                lines.append(style.text(Catalog.simulationOtherModels(NumberText.money(comparison.otherModelsUSD))))
            }
        }
        if successfulStarts > 0 {
            let minutes = unbilledStartingMinutes
            lines.append(style.wrappedText(Catalog.simulationStartingNote(starts: successfulStarts, minutes: minutes,
                                                                    usd: NumberText.money(Double(minutes) * pricing.inferenceUSDPerUnitHour / 60))))
        }
        lines += stale.map { style.wrappedText($0.message) }
        return lines.joined(separator: "\n")
    }

    /// One line per schedule and action (`open start ×30: 30 ok`), then each failed fire (at most 10).
    private func eventSummary(_ style: RenderStyle) -> [String] {
        guard !events.isEmpty else { return [style.text(Catalog.simulationNoFires)] }
        var order: [String] = []
        var counts: [String: (ok: Int, failed: Int)] = [:]
        for event in events {
            let key = "\(event.schedule) \(event.action.rawValue) \(event.versionName)"
            if counts[key] == nil { order.append(key) }
            var count = counts[key] ?? (0, 0)
            if event.succeeded { count.ok += event.repeats } else { count.failed += event.repeats }
            counts[key] = count
        }
        var lines = order.map { key -> String in
            let count = counts[key] ?? (0, 0)
            return "  " + style.text(Catalog.simulationFireCount(key, ok: count.ok, failed: count.failed))
        }
        let failed = events.filter { !$0.succeeded }
        for event in failed.prefix(10) { lines.append("  " + ScheduleFireResult(event: event).render(style)) }
        if failed.count > 10 { lines.append("  " + style.text(Catalog.simulationMoreFailures(failed.dropFirst(10).reduce(0) { $0 + $1.repeats }))) }
        return lines
    }
}

/// One day of a simulation: `{date, running_hours, usd}`.
struct SimulationDay: ShellResult {
    static let kind = "simulation_day"
    var day: DailyCost

    var fields: [(String, Value)] {
        [("date", .string(day.date)), ("running_hours", .number(day.runningHours)), ("usd", .number(day.usd))]
    }

    func render(_ style: RenderStyle) -> String { "\(day.date)  \(NumberText.fixed(day.runningHours, decimals: 2)) h  \(NumberText.money(day.usd)) USD" }
}

/// The schedules' target over the period: `{models, arns, units, running_hours, scheduled_usd,
/// always_on_hours, always_on_usd, saved_usd, other_models_usd, days}`.
struct ScheduledComparisonResult: ShellResult {
    static let kind = "scheduled_comparison"
    var comparison: ScheduledComparison
    var pricing: Pricing

    var fields: [(String, Value)] {
        [("models", .list(comparison.targets.map { .string(ProjectVersionArn($0.versionArn)?.versionName ?? $0.versionArn) })),
         ("arns", .list(comparison.targets.map { .string($0.versionArn) })),
         ("units", .list(comparison.targets.map { .number(Double($0.units)) })),
         ("running_hours", .number(comparison.scheduledHours)), ("scheduled_usd", .number(comparison.scheduledUSD)),
         ("always_on_hours", .number(comparison.alwaysOnHours)), ("always_on_usd", .number(comparison.alwaysOnUSD)),
         ("saved_usd", .number(comparison.savedUSD)), ("other_models_usd", .number(comparison.otherModelsUSD)),
         ("scheduled_jpy", .number(Double(pricing.jpy(comparison.scheduledUSD)))),
         ("always_on_jpy", .number(Double(pricing.jpy(comparison.alwaysOnUSD)))),
         ("days", .list(comparison.days.map { SimulationDay(day: $0).value }))]
    }

    func render(_ style: RenderStyle) -> String {
        style.text(Catalog.simulationComparison(models: comparison.targets.map { ProjectVersionArn($0.versionArn)?.versionName ?? $0.versionArn }.joined(separator: ", "),
                                                scheduled: NumberText.money(comparison.scheduledUSD), alwaysOn: NumberText.money(comparison.alwaysOnUSD),
                                                saved: NumberText.money(comparison.savedUSD)))
    }
}

extension Catalog {
    static func alwaysOnDays(_ days: Int, units: Int, price: String) -> Message {
        Message(en: "24 h × \(days) \(days == 1 ? "day" : "days") × \(units) \(units == 1 ? "unit" : "units") × \(price) USD/h",
                ja: "24 時間 × \(days) 日 × \(units) ユニット × \(price) ドル/時間")
    }
    static func alwaysOnHours(_ hours: String, units: Int, price: String) -> Message {
        Message(en: "\(hours) h × \(units) \(units == 1 ? "unit" : "units") × \(price) USD/h",
                ja: "\(hours) 時間 × \(units) ユニット × \(price) ドル/時間")
    }
    static func chartHoursHeading(fullDay: String) -> Message {
        Message(en: "running hours per day (a full bar is \(fullDay) h)", ja: "1 日の稼働時間 (棒いっぱいで \(fullDay) 時間)")
    }
    static let chartAlwaysOn = Message(en: "always on", ja: "動かしっぱなし")
    static let chartScheduled = Message(en: "as scheduled", ja: "スケジュールどおり")
    static let chartSaved = Message(en: "saved", ja: "節約")
    static func chartAlwaysOnFormula(_ formula: String, usd: String) -> Message {
        Message(en: "always on: \(formula) = \(usd) USD", ja: "動かしっぱなし: \(formula) = \(usd) ドル")
    }
    static func simulationComparison(models: String, scheduled: String, alwaysOn: String, saved: String) -> Message {
        Message(en: "the schedules' model \(models): \(scheduled) USD on the schedules, \(alwaysOn) USD always on (\(saved) USD saved)",
                ja: "スケジュールの対象 \(models): スケジュールで \(scheduled) ドル、つけっぱなしなら \(alwaysOn) ドル (\(saved) ドルの節約)")
    }
    static func simulationOtherModels(_ usd: String) -> Message {
        Message(en: "other models running meanwhile billed \(usd) USD (stop a model you do not use: model stop)",
                ja: "その間に動いていたほかのモデルの料金 \(usd) ドル (使わないモデルは model stop で止めましょう)")
    }
    static let headerDate = Message(en: "date", ja: "日付")
    static let simulationNoFires = Message(en: "  no schedule fired", ja: "  実行されたスケジュールはありません")
    static func simulationHeading(from: String, to: String, duration: String) -> Message {
        Message(en: "simulated \(duration): \(from) → \(to)", ja: "\(duration) をシミュレーション: \(from) → \(to)")
    }
    static func simulationFireCount(_ what: String, ok: Int, failed: Int) -> Message {
        let failedEn = failed > 0 ? ", \(failed) failed" : ""
        let failedJa = failed > 0 ? "、失敗 \(failed)" : ""
        return Message(en: "\(what) ×\(ok + failed): \(ok) ok\(failedEn)", ja: "\(what) ×\(ok + failed): 成功 \(ok)\(failedJa)")
    }
    static func simulationMoreFailures(_ count: Int) -> Message {
        Message(en: "… and \(count) more failed fires (see the record's events)", ja: "… ほかに失敗 \(count) 件 (記録の events を参照)")
    }
    static func simulationTotals(hours: String, inference: String, training: String, total: String, jpy: String, rate: String) -> Message {
        Message(en: "running \(hours) h · inference \(inference) USD · training \(training) USD · total \(total) USD (\(jpy) JPY at \(rate) JPY/USD)",
                ja: "稼働 \(hours) 時間 · 推論 \(inference) ドル · 学習 \(training) ドル · 合計 \(total) ドル (1 ドル \(rate) 円で \(jpy) 円)")
    }
    static func simulationStartingNote(starts: Int, minutes: Int, usd: String) -> Message {
        Message(en: "note: each of the \(starts) starts spent 5 minutes STARTING, which is not billed (\(minutes) minutes, \(usd) USD less than the round hours)",
                ja: "注: \(starts) 回の開始はそれぞれ 5 分間 STARTING で、その間は課金されません (\(minutes) 分、ちょうどの時間数より \(usd) ドル少なくなります)")
    }
}
