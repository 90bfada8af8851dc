import CustomLabels
import PanyaSupport

/// Does a policy let EventBridge Scheduler do its job on a model version? Action by action
/// (start, stop, describe) on the version's ARN, and whether the role's trust policy lets
/// `scheduler.amazonaws.com` assume the role.
public struct SchedulerPermissionCheck: Sendable {
    /// The actions the two schedules need.
    public static let requiredActions = ["rekognition:StartProjectVersion", "rekognition:StopProjectVersion",
                                         "rekognition:DescribeProjectVersions"]
    /// The scheduler's service principal.
    public static let schedulerService = "scheduler.amazonaws.com"

    /// The answer for one action.
    public struct ActionCheck: Sendable, Equatable {
        /// The action checked (`rekognition:StartProjectVersion`).
        public var action: String
        /// The resource checked: the version ARN.
        public var resource: String
        /// The evaluator's answer.
        public var answer: PolicyAnswer
        /// Why, in a sentence (names the statement, or the old version the policy names).
        public var reason: Message
    }

    /// The answer for the trust policy.
    public struct TrustCheck: Sendable, Equatable {
        /// The evaluator's answer.
        public var answer: PolicyAnswer
        /// Why, in a sentence.
        public var reason: Message
    }

    /// The version the schedules target.
    public let versionArn: ProjectVersionArn
    /// The account the schedules live in (for aws:SourceAccount).
    public let account: String
    /// One answer per required action, in order.
    public let actions: [ActionCheck]
    /// Nil when no trust policy was given.
    public let trust: TrustCheck?

    /// Checks `policy` (and `trustPolicy`, when given) for the version `versionArn` in `account`.
    public init(policy: PolicyDocument, trustPolicy: PolicyDocument? = nil, versionArn: ProjectVersionArn, account: String) {
        self.versionArn = versionArn
        self.account = account
        let resource = versionArn.description
        actions = Self.requiredActions.map { action in
            let answer = policy.evaluate(action: action, resource: resource)
            return ActionCheck(action: action, resource: resource, answer: answer,
                               reason: Self.reason(answer, action: action, version: versionArn, policy: policy))
        }
        trust = trustPolicy.map { trustPolicy in
            let answer = trustPolicy.allowsAssumeRole(service: Self.schedulerService, account: account)
            return TrustCheck(answer: answer, reason: Self.trustReason(answer, policy: trustPolicy, account: account))
        }
    }

    /// True when every action is allowed and the trust policy (if given) lets the scheduler in.
    public var passes: Bool {
        actions.allSatisfy { $0.answer.decision == .allowed } && (trust.map { $0.answer.decision == .allowed } ?? true)
    }

    static func reason(_ answer: PolicyAnswer, action: String, version: ProjectVersionArn, policy: PolicyDocument) -> Message {
        switch answer.decision {
        case .allowed:
            guard let statement = answer.statement else { return .verbatim("") }
            let actionPattern = statement.actions?.first { WildcardPattern.matches($0, action, caseInsensitive: true) } ?? action
            let resourcePattern = statement.resources?.first { WildcardPattern.matches($0, version.description) } ?? ""
            return Catalog.policyAllowedBy(statement.label, action: actionPattern, resource: resourcePattern)
        case .denied:
            guard let statement = answer.statement else { return .verbatim("") }
            return Catalog.policyDeniedBy(statement.label)
        case .undetermined:
            return Catalog.policyUndetermined(answer.unsupported)
        case .notAllowed:
            // An Allow for this action on other resources: say which, and spot an older version.
            for statement in policy.statements where statement.effect == .allow && statement.actionMatches(action) == true {
                for resource in statement.resources ?? [] {
                    if let named = ProjectVersionArn(resource), named.projectName == version.projectName,
                       named.versionName != version.versionName {
                        return Catalog.policyNamesOtherVersion(statement.label, named: named, current: version)
                    }
                }
                if let first = statement.resources?.first {
                    return Catalog.policyOtherResource(statement.label, resource: first, wanted: version.description)
                }
            }
            return Catalog.policyNoStatement(action: action)
        }
    }

    static func trustReason(_ answer: PolicyAnswer, policy: PolicyDocument, account: String) -> Message {
        switch answer.decision {
        case .allowed:
            guard let statement = answer.statement else { return .verbatim("") }
            let checksAccount = statement.conditions.contains { $0.key.lowercased() == "aws:sourceaccount" }
            return Catalog.trustAllowedBy(statement.label, account: checksAccount ? account : nil)
        case .denied:
            guard let statement = answer.statement else { return .verbatim("") }
            return Catalog.trustDeniedBy(statement.label)
        case .undetermined:
            return Catalog.policyUndetermined(answer.unsupported)
        case .notAllowed:
            for statement in policy.statements where statement.effect == .allow
                && statement.principal?.includesService(schedulerService) == true && statement.actionMatches("sts:AssumeRole") == true {
                if let condition = statement.conditions.first(where: { $0.key.lowercased() == "aws:sourceaccount" }) {
                    return Catalog.trustWrongAccount(statement.label, accounts: condition.values, account: account)
                }
            }
            return Catalog.trustNoStatement
        }
    }

    /// The check as lines for the terminal:
    /// `✓ rekognition:StartProjectVersion: allowed — statement 1 …`, the trust line, notes on
    /// elements not evaluated, and a closing verdict.
    public func rendered(_ language: UILanguage) -> String {
        var lines: [String] = [Catalog.policyCheckHeading(version: versionArn).text(language)]
        var notes: [UnsupportedElement] = []
        func mark(_ decision: PolicyDecision) -> String {
            switch decision {
            case .allowed: return "✓"
            case .undetermined: return "?"
            case .denied, .notAllowed: return "✗"
            }
        }
        for check in actions {
            lines.append("  \(mark(check.answer.decision)) \(check.action): \(Catalog.policyDecisionName(check.answer.decision).text(language)) — \(check.reason.text(language))")
            notes += check.answer.unsupported.filter { !notes.contains($0) }
        }
        if let trust {
            let subject = "sts:AssumeRole (\(Self.schedulerService))"
            lines.append("  \(mark(trust.answer.decision)) \(subject): \(Catalog.policyDecisionName(trust.answer.decision).text(language)) — \(trust.reason.text(language))")
            notes += trust.answer.unsupported.filter { !notes.contains($0) }
        }
        for note in notes {
            lines.append("  " + Catalog.policyNotEvaluated(note).text(language))
        }
        lines.append(Catalog.policyVerdict(passes: passes, trustChecked: trust != nil).text(language))
        return lines.joined(separator: "\n")
    }
}
