import PanyaSupport

/// What a policy says about one request.
public enum PolicyDecision: String, Sendable, Equatable {
    /// An Allow statement matches and no Deny does.
    case allowed
    /// A Deny statement matches (an explicit Deny wins over every Allow).
    case denied
    /// No statement matches (IAM denies by default).
    case notAllowed
    /// The answer depends on an element panya does not evaluate (see `unsupported`).
    case undetermined
}

/// An element of a statement panya does not evaluate, in a statement that could apply.
public struct UnsupportedElement: Sendable, Equatable {
    /// The statement's position, from 0.
    public var statementIndex: Int
    /// The statement's Sid, when it has one.
    public var sid: String?
    /// `NotAction`, `NotResource`, `NotPrincipal`, `Principal`, or `Condition StringLike aws:SourceArn`.
    public var element: String
    /// The statement's effect.
    public var effect: PolicyStatement.Effect
}

/// The answer for one request: the decision, the deciding statement, and what was not evaluated.
public struct PolicyAnswer: Sendable, Equatable {
    /// Allowed, denied, not allowed, or undetermined.
    public var decision: PolicyDecision
    /// The statement that decided (a Deny for `denied`, an Allow for `allowed`).
    public var statement: PolicyStatement?
    /// Elements of statements that could apply and that panya did not evaluate.
    public var unsupported: [UnsupportedElement]
}

extension PolicyStatement {
    /// Whether the `Action` list matches `action` (case-insensitive, `*` and `?`); nil with `NotAction`.
    func actionMatches(_ action: String) -> Bool? {
        guard let actions else { return nil }
        return actions.contains { WildcardPattern.matches($0, action, caseInsensitive: true) }
    }

    /// Whether the `Resource` list matches `resource` (case-sensitive); nil with `NotResource`.
    func resourceMatches(_ resource: String) -> Bool? {
        if let resources { return resources.contains { WildcardPattern.matches($0, resource) } }
        return notResources == nil ? false : nil
    }
}

extension PolicyDocument {
    /// Evaluates a permission policy for `action` on `resource`: explicit Deny wins, then
    /// Allow, else not allowed. Statements using NotAction, NotResource, NotPrincipal,
    /// Principal or Condition are not evaluated: they are listed in the answer, and when one of
    /// them could change the decision the decision is ``PolicyDecision/undetermined``.
    public func evaluate(action: String, resource: String) -> PolicyAnswer {
        var deny: PolicyStatement?, allow: PolicyStatement?
        var unsupported: [UnsupportedElement] = []
        for statement in statements {
            if statement.actionMatches(action) == false || statement.resourceMatches(resource) == false { continue }
            var elements: [String] = []
            if statement.notActions != nil { elements.append("NotAction") }
            if statement.notResources != nil { elements.append("NotResource") }
            if statement.principal != nil { elements.append("Principal") }
            if statement.hasNotPrincipal { elements.append("NotPrincipal") }
            elements += statement.conditions.map { "Condition \($0.operator) \($0.key)" }
            if !elements.isEmpty {
                unsupported += elements.map {
                    UnsupportedElement(statementIndex: statement.index, sid: statement.sid, element: $0, effect: statement.effect)
                }
                continue
            }
            switch statement.effect {
            case .deny: if deny == nil { deny = statement }
            case .allow: if allow == nil { allow = statement }
            }
        }
        return Self.decide(deny: deny, allow: allow, unsupported: unsupported)
    }

    /// Evaluates a trust policy: may `service` call `sts:AssumeRole` for a role in `account`?
    /// `StringEquals`/`StringLike` on `aws:SourceAccount` are evaluated; other conditions are unsupported.
    public func allowsAssumeRole(service: String, account: String) -> PolicyAnswer {
        var deny: PolicyStatement?, allow: PolicyStatement?
        var unsupported: [UnsupportedElement] = []
        statementLoop: for statement in statements {
            guard statement.principal?.includesService(service) ?? false, statement.actionMatches("sts:AssumeRole") != false else { continue }
            var elements: [String] = []
            if statement.notActions != nil { elements.append("NotAction") }
            if statement.hasNotPrincipal { elements.append("NotPrincipal") }
            for condition in statement.conditions {
                let sourceAccount = condition.key.lowercased() == "aws:sourceaccount"
                switch (condition.operator, sourceAccount) {
                case ("StringEquals", true):
                    if !condition.values.contains(account) { continue statementLoop }
                case ("StringLike", true):
                    if !condition.values.contains(where: { WildcardPattern.matches($0, account) }) { continue statementLoop }
                default:
                    elements.append("Condition \(condition.operator) \(condition.key)")
                }
            }
            if !elements.isEmpty {
                unsupported += elements.map {
                    UnsupportedElement(statementIndex: statement.index, sid: statement.sid, element: $0, effect: statement.effect)
                }
                continue
            }
            switch statement.effect {
            case .deny: if deny == nil { deny = statement }
            case .allow: if allow == nil { allow = statement }
            }
        }
        return Self.decide(deny: deny, allow: allow, unsupported: unsupported)
    }

    static func decide(deny: PolicyStatement?, allow: PolicyStatement?, unsupported: [UnsupportedElement]) -> PolicyAnswer {
        if let deny { return PolicyAnswer(decision: .denied, statement: deny, unsupported: unsupported) }
        if unsupported.contains(where: { $0.effect == .deny }) {
            return PolicyAnswer(decision: .undetermined, statement: allow, unsupported: unsupported)
        }
        if let allow { return PolicyAnswer(decision: .allowed, statement: allow, unsupported: unsupported) }
        if !unsupported.isEmpty { return PolicyAnswer(decision: .undetermined, statement: nil, unsupported: unsupported) }
        return PolicyAnswer(decision: .notAllowed, statement: nil, unsupported: unsupported)
    }
}
