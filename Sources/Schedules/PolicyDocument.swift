import CustomLabels
import PanyaSupport

/// An IAM policy document (a permission policy or a role's trust policy), read with the
/// project's JSON parser so that mistakes name their line and column.
public struct PolicyDocument: Sendable, Equatable {
    /// `2012-10-17` (or the older `2008-10-17`); nil when absent.
    public var version: String?
    /// The statements, in order.
    public var statements: [PolicyStatement]

    public init(version: String? = "2012-10-17", statements: [PolicyStatement]) {
        self.version = version
        self.statements = statements
    }

    static let documentKeys = ["Version", "Id", "Statement"]
    static let statementKeys = ["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal",
                                "NotPrincipal", "Condition"]

    /// Reads a policy; throws ``JSONError`` with the line, column and key of the mistake.
    public static func parse(_ text: String) throws -> PolicyDocument {
        let document = try JSONParser.parse(text)
        let root = document.cursor
        try root.rejectUnknownKeys(documentKeys)
        var version: String? = nil
        if let versionCursor = try root.optionalMember("Version") {
            let text = try versionCursor.string()
            guard text == "2012-10-17" || text == "2008-10-17" else {
                throw versionCursor.invalid(Catalog.policyBadVersion(text))
            }
            version = text
        }
        let statementCursor = try root.member("Statement")
        let cursors: [JSONCursor]
        if case .array = statementCursor.value { cursors = try statementCursor.elements() } else { cursors = [statementCursor] }
        var statements: [PolicyStatement] = []
        for (index, cursor) in cursors.enumerated() {
            statements.append(try PolicyStatement(cursor: cursor, index: index))
        }
        return PolicyDocument(version: version, statements: statements)
    }
}

/// One statement of a policy.
public struct PolicyStatement: Sendable, Equatable {
    /// Allow or Deny.
    public enum Effect: String, Sendable, Equatable { case allow = "Allow", deny = "Deny" }

    /// Its position in the Statement list, from 0.
    public var index: Int
    /// The statement id, when it has one.
    public var sid: String?
    /// Allow or Deny.
    public var effect: Effect
    /// `Action` patterns, or nil when the statement uses `NotAction` (or neither).
    public var actions: [String]?
    /// `NotAction` patterns (not evaluated: reported as unsupported).
    public var notActions: [String]?
    /// `Resource` patterns (case-sensitive, `*` and `?`).
    public var resources: [String]?
    /// `NotResource` patterns (not evaluated: reported as unsupported).
    public var notResources: [String]?
    /// `Principal`: `*`, or principals by type (`Service`, `AWS`, `Federated`).
    public var principal: PolicyPrincipal?
    /// Whether the statement has `NotPrincipal` (not evaluated).
    public var hasNotPrincipal: Bool
    /// `Condition` blocks, flattened: operator, key, values.
    public var conditions: [PolicyCondition]
    /// Where the statement starts in the file.
    public var location: JSONLocation?

    public init(index: Int, sid: String? = nil, effect: Effect, actions: [String]? = nil, notActions: [String]? = nil,
                resources: [String]? = nil, notResources: [String]? = nil, principal: PolicyPrincipal? = nil,
                hasNotPrincipal: Bool = false, conditions: [PolicyCondition] = [], location: JSONLocation? = nil) {
        self.index = index
        self.sid = sid
        self.effect = effect
        self.actions = actions
        self.notActions = notActions
        self.resources = resources
        self.notResources = notResources
        self.principal = principal
        self.hasNotPrincipal = hasNotPrincipal
        self.conditions = conditions
        self.location = location
    }

    init(cursor: JSONCursor, index: Int) throws {
        try cursor.rejectUnknownKeys(PolicyDocument.statementKeys)
        self.index = index
        self.location = cursor.location
        sid = try cursor.optionalMember("Sid").map { try $0.string() }
        let effectCursor = try cursor.member("Effect")
        let effectText = try effectCursor.string()
        guard let effect = Effect(rawValue: effectText) else {
            throw effectCursor.invalid(Catalog.policyBadEffect(effectText))
        }
        self.effect = effect
        actions = try cursor.optionalMember("Action").map(Self.strings)
        notActions = try cursor.optionalMember("NotAction").map(Self.strings)
        if actions != nil && notActions != nil {
            throw cursor.invalid(Catalog.policyBothElements("Action", "NotAction"))
        }
        if actions == nil && notActions == nil {
            throw cursor.error(.missingKey("Action"))
        }
        resources = try cursor.optionalMember("Resource").map(Self.strings)
        notResources = try cursor.optionalMember("NotResource").map(Self.strings)
        if resources != nil && notResources != nil {
            throw cursor.invalid(Catalog.policyBothElements("Resource", "NotResource"))
        }
        principal = try cursor.optionalMember("Principal").map(PolicyPrincipal.init(cursor:))
        hasNotPrincipal = try cursor.optionalMember("NotPrincipal") != nil
        var conditions: [PolicyCondition] = []
        if let conditionCursor = try cursor.optionalMember("Condition") {
            for member in try conditionCursor.object().members {
                let operatorCursor = try conditionCursor.member(member.key)
                for entry in try operatorCursor.object().members {
                    let values = try Self.strings(try operatorCursor.member(entry.key))
                    conditions.append(PolicyCondition(operator: member.key, key: entry.key, values: values))
                }
            }
        }
        self.conditions = conditions
    }

    /// A string or a list of strings.
    static func strings(_ cursor: JSONCursor) throws -> [String] {
        if case .array = cursor.value { return try cursor.elements().map { try $0.string() } }
        return [try cursor.string()]
    }

    /// "statement 1 (Sid SchedulerStartStop)" / "ステートメント 1 (Sid SchedulerStartStop)".
    public var label: Message { Catalog.policyStatementLabel(index: index, sid: sid) }
}

/// A statement's `Principal`.
public enum PolicyPrincipal: Sendable, Equatable {
    /// `"Principal": "*"`: anyone.
    case anyone
    /// `{"Service": "scheduler.amazonaws.com"}` and the like, by type, in file order.
    case named([PolicyPrincipalEntry])

    init(cursor: JSONCursor) throws {
        if case .string(let text) = cursor.value {
            guard text == "*" else { throw cursor.invalid(Catalog.policyBadPrincipal(text)) }
            self = .anyone
            return
        }
        var entries: [PolicyPrincipalEntry] = []
        for member in try cursor.object().members {
            entries.append(PolicyPrincipalEntry(type: member.key, values: try PolicyStatement.strings(try cursor.member(member.key))))
        }
        self = .named(entries)
    }

    /// Whether a service principal (`scheduler.amazonaws.com`) is named (or anyone is).
    public func includesService(_ service: String) -> Bool {
        switch self {
        case .anyone: return true
        case .named(let entries):
            return entries.contains { $0.type == "Service" && $0.values.contains(service) }
                || entries.contains { $0.type == "AWS" && $0.values.contains("*") }
        }
    }
}

/// One principal type and its values.
public struct PolicyPrincipalEntry: Sendable, Equatable {
    /// `Service`, `AWS` or `Federated`.
    public var type: String
    /// The values, in file order.
    public var values: [String]
}

/// One condition test: `StringEquals` `aws:SourceAccount` [`123456789012`].
public struct PolicyCondition: Sendable, Equatable {
    /// The condition operator (`StringEquals`).
    public var `operator`: String
    /// The condition key (`aws:SourceAccount`).
    public var key: String
    /// The values, in file order.
    public var values: [String]
}
