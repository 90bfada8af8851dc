import CustomLabels
import MockBackend
import PanyaLanguage
import PanyaSupport

extension ShellSession {
    /// `clock`, `clock advance DURATION`, `clock set ISO8601`, `bill` (the mock's simulated time and costs).
    func registerClockCommands() {
        register(Command(name: "clock", summary: Catalog.clockSummary, usage: "clock") { [unowned self] _ in
            Self.clockValue(try self.requireMock("clock").clock())
        })
        register(Command(name: "clock advance", summary: Catalog.clockAdvanceSummary, usage: "clock advance DURATION (90s, 30m, 3h, 2d)") { [unowned self] call in
            Self.clockValue(try self.requireMock("clock advance").advance(call.string(at: 0)))
        })
        register(Command(name: "clock set", summary: Catalog.clockSetSummary, usage: "clock set ISO8601") { [unowned self] call in
            Self.clockValue(try self.requireMock("clock set").setClock(call.string(at: 0)))
        })
        register(Command(name: "bill", summary: Catalog.billSummary, usage: "bill") { [unowned self] _ in
            self.billValue(try self.requireMock("bill").bill())
        })
        registerRenderer(kind: RecordKind.clock) { r in r["time"]?.printed ?? "" }
        registerRenderer(kind: RecordKind.bill) { [unowned self] r in self.renderBill(r) }
    }

    static func clockValue(_ time: ISO8601.Timestamp) -> Value {
        .record(Record(kind: RecordKind.clock, fields: [("time", .string(time.text)), ("epoch", .number(time.seconds))]))
    }

    private func billValue(_ report: BillingReport) -> Value {
        let lines: [Value] = report.lines.map { line in
            .record(Record(kind: RecordKind.billLine, fields: [
                ("model", .string(line.versionName)), ("arn", .string(line.versionArn)),
                ("running", .bool(line.isRunning)), ("units", .number(Double(line.units))),
                ("inference_hours", .number(line.inferenceHours)), ("billed_minutes", .number(Double(line.billedMinutes))),
                ("inference_usd", .number(line.inferenceUSD)),
                ("training_hours", .number(line.trainingHours)), ("training_usd", .number(line.trainingUSD)),
                ("total_usd", .number(line.totalUSD)), ("total_jpy", .number(Double(report.jpy(line)))),
            ]))
        }
        return .record(Record(kind: RecordKind.bill, fields: [
            ("time", .string(report.at.text)), ("versions", .list(lines)),
            ("total_usd", .number(report.totalUSD)), ("total_jpy", .number(Double(report.totalJPY))),
            ("jpy_per_usd", .number(report.pricing.jpyPerUSD)),
        ]))
    }

    private func renderBill(_ r: Record) -> String {
        var table = TextTable(headers: [Catalog.headerVersion.text(language), Catalog.headerStatus.text(language),
                                        Catalog.headerInferenceHours.text(language), Catalog.headerInferenceUSD.text(language),
                                        Catalog.headerTrainingHours.text(language), Catalog.headerTrainingUSD.text(language),
                                        "USD", "JPY"],
                              alignments: [.left, .left, .right, .right, .right, .right, .right, .right])
        for item in r["versions"]?.asList ?? [] {
            guard let l = item.asRecord else { continue }
            let running = l["running"]?.asBool == true
            table.add([l["model"]?.printed ?? "", running ? Catalog.billRunning.text(language) : "",
                       Self.fixed(l["inference_hours"]?.asNumber ?? 0, 2), Pricing.formatUSD(l["inference_usd"]?.asNumber ?? 0),
                       Self.fixed(l["training_hours"]?.asNumber ?? 0, 2), Pricing.formatUSD(l["training_usd"]?.asNumber ?? 0),
                       Pricing.formatUSD(l["total_usd"]?.asNumber ?? 0), Pricing.formatJPY(Int(l["total_jpy"]?.asNumber ?? 0))])
        }
        let total = Catalog.billTotal(time: r["time"]?.printed ?? "", usd: Pricing.formatUSD(r["total_usd"]?.asNumber ?? 0),
                                      jpy: Pricing.formatJPY(Int(r["total_jpy"]?.asNumber ?? 0)),
                                      rate: Inspection.format(r["jpy_per_usd"]?.asNumber ?? 140))
        var out = table.render() + "\n" + total.text(language)
        if (r["versions"]?.asList ?? []).contains(where: { $0.asRecord?["running"]?.asBool == true }) {
            out += "\n" + Catalog.billStillRunning.text(language)
        }
        return out
    }
}

extension Catalog {
    static let clockSummary = Message(en: "the simulated time (mock)", ja: "シミュレーション上の時刻 (モック)")
    static let clockAdvanceSummary = Message(en: "move the simulated time forward (90s, 30m, 3h, 2d)", ja: "シミュレーション上の時刻を進める (90s, 30m, 3h, 2d)")
    static let clockSetSummary = Message(en: "set the simulated time (ISO 8601, e.g. 2026-04-01T06:00:00+09:00)", ja: "シミュレーション上の時刻を設定 (ISO 8601、例 2026-04-01T06:00:00+09:00)")
    static let billSummary = Message(en: "inference and training hours and their cost in USD and JPY, per model version", ja: "モデルバージョンごとの推論・学習時間と料金 (ドルと円)")
    static let headerInferenceHours = Message(en: "inference h", ja: "推論 時間")
    static let headerInferenceUSD = Message(en: "inference", ja: "推論 料金")
    static let headerTrainingHours = Message(en: "training h", ja: "学習 時間")
    static let headerTrainingUSD = Message(en: "training", ja: "学習 料金")
    static let billRunning = Message(en: "RUNNING", ja: "稼働中")
    static let billStillRunning = Message(en: "⚠ A model is still running: it keeps billing until `model stop`.",
                                          ja: "⚠ 動いているモデルがあります。`model stop` するまで課金が続きます。")
    static func billTotal(time: String, usd: String, jpy: String, rate: String) -> Message {
        Message(en: "total at \(time): \(usd) (\(jpy) at \(rate) JPY/USD)", ja: "\(time) までの合計: \(usd) (1 ドル \(rate) 円で \(jpy))")
    }
}
