import CustomLabels
import PanyaLanguage
import PanyaSupport
import Schedules

/// `policy check`: the answer per action and for the trust policy, and whether all pass.
struct PolicyCheckResult: ShellResult {
    static let kind = "policy_check"
    var check: SchedulerPermissionCheck

    var fields: [(String, Value)] {
        var fields: [(String, Value)] = [
            ("model", .string(check.versionArn.versionName)), ("arn", .string(check.versionArn.description)),
            ("passes", .bool(check.passes)),
            ("actions", .list(check.actions.map { action in
                .record(Record(kind: "policy_action", fields: [
                    ("action", .string(action.action)), ("decision", .string(action.answer.decision.rawValue)),
                    ("allowed", .bool(action.answer.decision == .allowed)), ("reason", .string(action.reason.en)),
                ]))
            })),
        ]
        fields.append(("trust", check.trust.map { trust in
            .record(Record(kind: "policy_trust", fields: [
                ("decision", .string(trust.answer.decision.rawValue)), ("allowed", .bool(trust.answer.decision == .allowed)),
                ("reason", .string(trust.reason.en)),
            ]))
        } ?? .null))
        return fields
    }

    func render(_ style: RenderStyle) -> String { check.rendered(style.language) }
}
