import CustomLabels
import Foundation
import PanyaLanguage
import PanyaSupport
import Schedules
import Session

/// `policy check POLICY.json [--role-trust TRUST.json] [--model NAME|ARN]`: may the
/// scheduler start, stop and describe the version with this role?
struct PolicyFamily: CommandFamily {
    unowned let context: any OperationsAccess

    var title: Message { Message(en: "Permissions", ja: "権限") }

    var commands: [Command] {
        [
            Command("policy check", summary: Catalog.policyCheckSummary,
                    arguments: [.required("POLICY.json", .path, Catalog.argPolicyFile)],
                    flags: [.value("role-trust", "TRUST.json", .path, Catalog.flagRoleTrust),
                            .value("model", "NAME|ARN", .text, Catalog.flagPolicyModel)]) { call in
                let policy = try Self.read(call.string(at: 0))
                let trust = try call.string(flag: "role-trust").map(Self.read)
                let arn = try ProjectVersionArn.parse(context.scheduleBook.resolveVersion(call.string(flag: "model")))
                return PolicyCheckResult(check: SchedulerPermissionCheck(policy: policy, trustPolicy: trust, versionArn: arn, account: arn.account)).value
            },
            Command("policy template", summary: Catalog.policyTemplateSummary,
                    flags: [.switch("trust", Catalog.flagTemplateTrust), .value("model", "NAME|ARN", .text, Catalog.flagPolicyModel)]) { call in
                let arn = try ProjectVersionArn.parse(context.scheduleBook.resolveVersion(call.string(flag: "model")))
                let text = try call.bool(flag: "trust") ? SchedulerPolicyTemplate.trustPolicy(account: arn.account)
                    : SchedulerPolicyTemplate.permissionPolicy(partition: arn.partition, region: arn.region, account: arn.account, projectName: arn.projectName)
                return .string(text.hasSuffix("\n") ? String(text.dropLast()) : text)
            },
        ]
    }

    /// Reads and parses a policy file; mistakes name the file.
    static func read(_ path: String) throws -> PolicyDocument {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw OperationsError.cannotReadFile(path)
        }
        do {
            return try PolicyDocument.parse(text)
        } catch {
            throw PolicyFileError(path: path, underlying: error)
        }
    }
}

/// A policy file that does not parse: its path and the parser's message (line, column, key).
struct PolicyFileError: UserFacingError, CustomStringConvertible {
    let path: String
    let underlying: any Error

    var code: String? { (underlying as? any UserFacingError)?.code ?? "MalformedPolicyDocument" }

    var message: Message {
        let inner = (underlying as? any UserFacingError)?.message ?? Message(en: "\(underlying)", ja: "\(underlying)")
        return Message(en: "\(path): \(inner.en)", ja: "\(path): \(inner.ja)")
    }

    var description: String { message.en }
}

extension Catalog {
    static let policyCheckSummary = Message(en: "does an IAM policy (and trust policy) let the scheduler start, stop and describe the current version?",
                                            ja: "IAM ポリシー (と信頼ポリシー) でスケジューラーが現在のバージョンを開始・停止・参照できるか調べる")
    static let policyTemplateSummary = Message(en: "the role's policy for the schedules on the current project (every version), or --trust: its trust policy",
                                               ja: "スケジュール用ロールのポリシー (現在のプロジェクトの全バージョン)。--trust で信頼ポリシー")
    static let flagTemplateTrust = Message(en: "the trust policy letting the scheduler assume the role", ja: "スケジューラーがロールを引き受けるための信頼ポリシー")
    static let argPolicyFile = Message(en: "an IAM policy document (JSON)", ja: "IAM ポリシードキュメント (JSON)")
    static let flagRoleTrust = Message(en: "the role's trust policy (JSON)", ja: "ロールの信頼ポリシー (JSON)")
    static let flagPolicyModel = Message(en: "the version to check (default: the current one)", ja: "調べるバージョン (既定: 現在のバージョン)")
}
