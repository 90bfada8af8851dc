import CustomLabels
import Foundation
import PanyaLanguage
import PanyaStore
import PanyaSupport
import Schedules
import Session

/// `schedule` (+ `add`, `next`, `enable`, `disable`, `remove`, `retarget`, `history`, `export`,
/// `apply`): EventBridge Scheduler schedules that start and stop the model, on the simulated
/// clock (mock) or in the account (aws, `schedule apply`).
struct ScheduleFamily: CommandFamily {
    unowned let context: any OperationsAccess

    var title: Message { Message(en: "Schedules", ja: "スケジュール") }

    var commands: [Command] {
        let nameArgument = ArgumentSpec.required("NAME", .text, Catalog.argScheduleName)
        return [
            Command("schedule", summary: Catalog.scheduleListSummary) { _ in
                if let service = context.backend.scheduleService {
                    return try service.listSchedules().map(ScheduleRow.init(remote:)).value
                }
                return try rows().value
            },
            Command("schedule add", summary: Catalog.scheduleAddSummary,
                    arguments: [nameArgument, .required("EXPRESSION", .text, Catalog.argScheduleExpression),
                                // The action is the last word: an unquoted `cron(30 6 * * ? *)` comes in pieces before it.
                                .repeated("ACTION", .text, Catalog.argScheduleAction)],
                    flags: [.value("timezone", "ZONE", .text, Catalog.flagTimeZone),
                            .value("units", "N", .wholeNumber(1...Catalog.maxInferenceUnits), Catalog.flagUnits),
                            .value("model", "NAME|ARN", .text, Catalog.flagScheduleModel)]) { call in
                let words = try call.positional.indices.dropFirst().map { try call.string(at: $0) }
                guard let action = words.last, words.count >= 2 else { throw OperationsError.badAction("") }
                if words.count > 2 {
                    throw OperationsError.unquotedExpression(name: try call.string(at: 0), expression: words.dropLast().joined(separator: " "), action: action)
                }
                return try add(name: call.string(at: 0), expression: words[0], action: action,
                        timeZone: call.string(flag: "timezone"), units: call.int(flag: "units") ?? 1, model: call.string(flag: "model")).value
            },
            Command("schedule next", summary: Catalog.scheduleNextSummary, arguments: [nameArgument],
                    flags: [.value("count", "N", .wholeNumber(1...1000), Catalog.flagNextCount)]) { call in
                let schedule = try context.scheduleBook.schedule(named: call.string(at: 0))
                let after = Int(try now().rounded(.down))
                let count = try call.int(flag: "count") ?? 5
                let times = schedule.expression.fireTimes(afterSeconds: after, count: count,
                                                          timeZone: schedule.timeZone, startSeconds: Int(schedule.createdAt))
                return ScheduleNextFires(schedule: schedule.name, timeZone: schedule.timeZone.identifier,
                                         times: times.map { ISO8601.format(seconds: Double($0), offsetSeconds: schedule.timeZone.offset(at: $0)) }).value
            },
            Command("schedule enable", summary: Catalog.scheduleEnableSummary, arguments: [nameArgument]) { call in
                try setEnabled(call.string(at: 0), true).value
            },
            Command("schedule disable", summary: Catalog.scheduleDisableSummary, arguments: [nameArgument]) { call in
                try setEnabled(call.string(at: 0), false).value
            },
            Command("schedule remove", summary: Catalog.scheduleRemoveSummary, arguments: [nameArgument]) { call in
                let schedule = try context.scheduleBook.schedule(named: call.string(at: 0))
                try ScheduleStore(context.database).remove(named: schedule.name)
                return .string(context.style.text(Catalog.scheduleRemoved(schedule.name)))
            },
            Command("schedule retarget", summary: Catalog.scheduleRetargetSummary,
                    arguments: [.optional("NAME", .text, Catalog.argScheduleName)],
                    flags: [.switch("all", Catalog.flagRetargetAll), .value("model", "NAME|ARN", .text, Catalog.flagScheduleModel)]) { call in
                try retarget(name: call.optionalString(at: 0), all: call.bool(flag: "all"), model: call.string(flag: "model")).value
            },
            Command("schedule history", summary: Catalog.scheduleHistorySummary,
                    arguments: [.optional("NAME", .text, Catalog.argScheduleName)],
                    flags: [.value("count", "N", .wholeNumber(1...10000), Catalog.flagHistoryCount)]) { call in
                let name = try call.optionalString(at: 0)
                if let name { _ = try context.scheduleBook.schedule(named: name) }
                let fires = try ScheduleStore(context.database).fires(schedule: name, limit: call.int(flag: "count") ?? 20)
                let offset = (try? context.backend.simulatedTime?.clock().offsetSeconds) ?? 0
                return fires.map { ScheduleFireResult(event: FireEvent(fire: $0, offsetSeconds: offset)) }.value
            },
            Command("schedule export", summary: Catalog.scheduleExportSummary,
                    flags: [.value("format", "cli|json", .choice(["cli", "json"]), Catalog.flagExportFormat),
                            .value("role-arn", "ARN", .text, Catalog.flagRoleArn)]) { call in
                let schedules = try exportable(roleArn: call.string(flag: "role-arn"))
                let text = try call.string(flag: "format") == "json" ? ScheduleExport.json(schedules) : ScheduleExport.commands(schedules)
                return .string(text.hasSuffix("\n") ? String(text.dropLast()) : text)
            },
            Command("schedule apply", summary: Catalog.scheduleApplySummary,
                    flags: [.value("role-arn", "ARN", .text, Catalog.flagRoleArn)]) { call in
                guard let service = context.backend.scheduleService else {
                    throw OperationsError.notOnBackend(command: "schedule apply", backend: context.backend.kind.rawValue)
                }
                guard let role = try call.string(flag: "role-arn") else { throw OperationsError.noRoleArn }
                var lines: [String] = []
                for schedule in try exportable(roleArn: role) {
                    let outcome = try service.applySchedule(ScheduleDefinition(
                        name: schedule.name, expression: schedule.expression.description, timeZone: schedule.timeZone,
                        state: schedule.enabled ? "ENABLED" : "DISABLED", targetArn: schedule.action.targetArn, roleArn: role,
                        input: ScheduleExport.inline(schedule.input)))
                    lines.append(context.style.text(Catalog.scheduleApplied(schedule.name, arn: outcome.arn, created: outcome.created)))
                }
                return .string(lines.isEmpty ? context.style.text(Catalog.noSchedules) : lines.joined(separator: "\n"))
            },
        ]
    }

    /// The simulated time now (the wall clock on a backend without one).
    private func now() throws -> Double {
        if let simulator = context.backend.simulatedTime { return try simulator.clock().seconds }
        return Date().timeIntervalSince1970
    }

    /// Every schedule in the store as `schedule` lists it.
    func rows() throws -> [ScheduleRow] {
        let book = context.scheduleBook
        let schedules = try book.schedules()
        guard !schedules.isEmpty else { return [] }
        let stale = try book.staleTargets()
        let time = try now()
        return schedules.map { schedule in ScheduleRow(schedule, now: time, stale: stale.first { $0.schedule == schedule.name }) }
    }

    private func row(_ name: String) throws -> ScheduleRow {
        guard let row = try rows().first(where: { $0.name == name }) else { throw OperationsError.unknownSchedule(name, suggestion: nil) }
        return row
    }

    private func add(name: String, expression text: String, action: String, timeZone: String?, units: Int, model: String?) throws -> ScheduleRow {
        guard Self.isValidName(name) else { throw OperationsError.badScheduleName(name) }
        let store = ScheduleStore(context.database)
        guard try store.schedule(named: name) == nil else { throw OperationsError.scheduleExists(name) }
        guard let action = ScheduleExport.Action(rawValue: action) else { throw OperationsError.badAction(action) }
        let expression: ScheduleExpression
        do {
            expression = try ScheduleExpression.parse(text)
        } catch {
            throw ScheduleInputError(error)
        }
        let zone = try ScheduleTimeZone.named(timeZone ?? ScheduleTimeZone.defaultIdentifier)
        let arn = try context.scheduleBook.resolveVersion(model)
        try store.save(Schedule(name: name, expression: expression, timeZone: zone, action: action, versionArn: arn, units: units,
                                createdAt: try now()))
        return try row(name)
    }

    private func setEnabled(_ name: String, _ enabled: Bool) throws -> ScheduleRow {
        var schedule = try context.scheduleBook.schedule(named: name)
        schedule.enabled = enabled
        try ScheduleStore(context.database).save(schedule)
        return try row(schedule.name)
    }

    private func retarget(name: String?, all: Bool, model: String?) throws -> [ScheduleRow] {
        let book = context.scheduleBook
        let targets: [Schedule]
        if all {
            targets = try book.schedules()
        } else if let name {
            targets = [try book.schedule(named: name)]
        } else {
            throw OperationsError.noScheduleNamed
        }
        let arn = try book.resolveVersion(model)
        let store = ScheduleStore(context.database)
        for var schedule in targets {
            schedule.versionArn = arn
            try store.save(schedule)
        }
        let names = Set(targets.map(\.name))
        return try rows().filter { names.contains($0.name) }
    }

    /// The stored schedules as the service takes them (`--role-arn`, else a placeholder role).
    private func exportable(roleArn: String?) throws -> [ScheduleExport.Schedule] {
        let role = roleArn ?? "arn:aws:iam::\(ArnSyntax.placeholderAccount):role/panya-scheduler"
        return try context.scheduleBook.schedules().map { $0.exported(roleArn: role) }
    }

    /// EventBridge Scheduler's rule: 1–64 of letters, digits, `-`, `_`, `.`.
    static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
        }
    }
}

/// A bad expression as the person reads it: the expression, a caret under the mistake, the
/// reason and a corrected example (`ScheduleExpressionError.rendered`).
struct ScheduleInputError: UserFacingError, CustomStringConvertible {
    let underlying: any Error

    init(_ underlying: any Error) { self.underlying = underlying }

    var code: String? { (underlying as? any UserFacingError)?.code }

    var message: Message {
        if let error = underlying as? ScheduleExpressionError {
            return Message(en: "the schedule expression is not valid:\n" + error.rendered(.en), ja: "スケジュールの式が正しくありません:\n" + error.rendered(.ja))
        }
        if let error = underlying as? any UserFacingError { return error.message }
        return Message(en: "\(underlying)", ja: "\(underlying)")
    }

    var description: String { message.en }
}

extension Catalog {
    static let scheduleListSummary = Message(en: "the schedules: expression, action, target version, state, next run (stale ones flagged)",
                                             ja: "スケジュール一覧: 式・動作・対象バージョン・状態・次の実行 (古い対象には警告)")
    static let scheduleAddSummary = Message(en: "add a schedule that starts or stops the model (cron/rate/at, default zone Asia/Tokyo)",
                                            ja: "モデルを開始・停止するスケジュールを追加 (cron/rate/at、既定のタイムゾーン Asia/Tokyo)")
    static let scheduleNextSummary = Message(en: "the next fire times of a schedule, in its time zone", ja: "スケジュールの次の実行時刻 (そのタイムゾーンで)")
    static let scheduleEnableSummary = Message(en: "enable a schedule", ja: "スケジュールを有効にする")
    static let scheduleDisableSummary = Message(en: "disable a schedule (it stays, but does not fire)", ja: "スケジュールを無効にする (残りますが実行されません)")
    static let scheduleRemoveSummary = Message(en: "remove a schedule (its fire history stays)", ja: "スケジュールを削除 (実行履歴は残ります)")
    static let scheduleRetargetSummary = Message(en: "point a schedule (or --all) at the current version, or --model NAME|ARN",
                                                 ja: "スケジュール (または --all) の対象を現在のバージョン、または --model のバージョンに切り替える")
    static let scheduleHistorySummary = Message(en: "the schedules' fire history (latest 20, or --count N)", ja: "スケジュールの実行履歴 (最新 20 件、または --count N)")
    static let scheduleExportSummary = Message(en: "the schedules as `aws scheduler create-schedule` commands (or --format json)",
                                               ja: "スケジュールを `aws scheduler create-schedule` コマンドとして出力 (--format json も可)")
    static let scheduleApplySummary = Message(en: "create or update the schedules in EventBridge Scheduler (aws)", ja: "スケジュールを EventBridge Scheduler に作成・更新 (aws)")
    static let argScheduleName = Message(en: "a schedule name (letters, digits, - _ .)", ja: "スケジュール名 (英数字と - _ .)")
    static let argScheduleExpression = Message(en: "cron(30 6 * * ? *), rate(1 hour) or at(2026-04-01T06:30:00), in quotes",
                                               ja: "cron(30 6 * * ? *)、rate(1 hour)、at(2026-04-01T06:30:00) のいずれか (引用符で囲む)")
    static let argScheduleAction = Message(en: "start or stop", ja: "start (開始) か stop (停止)")
    static let flagTimeZone = Message(en: "the IANA time zone the expression is read in (default Asia/Tokyo)", ja: "式を読むタイムゾーン (IANA 名、既定 Asia/Tokyo)")
    static let flagScheduleModel = Message(en: "the version to start or stop (default: the current one)", ja: "開始・停止するバージョン (既定: 現在のバージョン)")
    static let flagNextCount = Message(en: "how many fire times (default 5)", ja: "何回分の時刻を出すか (既定 5)")
    static let flagHistoryCount = Message(en: "how many fires (default 20)", ja: "何件出すか (既定 20)")
    static let flagRetargetAll = Message(en: "every schedule", ja: "すべてのスケジュール")
    static let flagExportFormat = Message(en: "cli (commands, default) or json", ja: "cli (コマンド、既定) か json")
    static let flagRoleArn = Message(en: "the IAM role the scheduler assumes", ja: "スケジューラーが引き受ける IAM ロール")
    static func scheduleRemoved(_ name: String) -> Message {
        Message(en: "removed the schedule \(name)", ja: "スケジュール \(name) を削除しました")
    }
    static func scheduleApplied(_ name: String, arn: String, created: Bool) -> Message {
        created ? Message(en: "created \(name): \(arn)", ja: "\(name) を作成しました: \(arn)")
            : Message(en: "updated \(name): \(arn)", ja: "\(name) を更新しました: \(arn)")
    }
}
