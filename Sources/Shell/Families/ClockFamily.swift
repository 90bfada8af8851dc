import CustomLabels
import PanyaLanguage
import PanyaSupport
import Session

/// `clock`, `clock advance DURATION`, `clock set ISO8601`, `bill`: the simulator's time and costs.
struct ClockFamily: CommandFamily {
    unowned let context: any OperationsAccess

    var title: Message { Message(en: "Clock and cost", ja: "時刻と料金") }

    var commands: [Command] {
        [
            Command("clock", summary: Catalog.clockSummary) { _ in
                ClockReading(time: try simulator("clock").clock()).value
            },
            Command("clock advance", summary: Catalog.clockAdvanceSummary,
                    arguments: [.required("DURATION", .duration, Catalog.argDuration)]) { call in
                try advanceThroughSchedules(call.string(at: 0))
            },
            Command("clock set", summary: Catalog.clockSetSummary,
                    arguments: [.required("ISO8601", .timestamp, Catalog.argTimestamp)]) { call in
                ClockReading(time: try simulator("clock set").setClock(call.string(at: 0))).value
            },
            Command("bill", summary: Catalog.billSummary) { _ in
                BillSummary(report: try simulator("bill").bill()).value
            },
        ]
    }

    /// `clock advance`: the schedules' fires on the way are made and shown, one line each.
    private func advanceThroughSchedules(_ duration: String) throws -> Value {
        let clock = try simulator("clock advance")
        guard let runner = context.scheduleRunner else { return ClockReading(time: try clock.advance(duration)).value }
        let events = try runner.advance(by: ClockDuration.parse(duration))
        for event in events { context.write(ScheduleFireResult(event: event).render(context.style) + "\n") }
        return ClockReading(time: try clock.clock()).value
    }

    /// The backend's simulated time, or an error naming the command on a backend without one.
    private func simulator(_ command: String) throws -> any SimulatedTime {
        guard let simulator = context.backend.simulatedTime else {
            throw SessionError.notAvailableOnBackend(command: command, backend: context.backend.kind.rawValue)
        }
        return simulator
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
    static let argTimestamp = Message(en: "a time in ISO 8601, e.g. 2026-04-01T06:00:00+09:00", ja: "ISO 8601 の時刻 (例: 2026-04-01T06:00:00+09:00)")
}
