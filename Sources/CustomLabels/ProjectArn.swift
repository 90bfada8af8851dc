/// A project ARN: `arn:aws:rekognition:<region>:<account>:project/<name>/<epoch-ms>`.
public struct ProjectArn: Sendable, Hashable, CustomStringConvertible {
    public var partition: String
    public var region: String
    public var account: String
    public var projectName: String
    /// When the project was created, in milliseconds since 1970.
    public var creationMillis: Int64

    /// Builds an ARN from its parts (they are not checked; use ``parse(_:)`` for text).
    public init(partition: String = "aws", region: String, account: String = ArnSyntax.placeholderAccount,
                projectName: String, creationMillis: Int64) {
        self.partition = partition
        self.region = region
        self.account = account
        self.projectName = projectName
        self.creationMillis = creationMillis
    }

    /// Reads a project ARN; nil when `text` is not one.
    public init?(_ text: String) {
        guard let head = ArnSyntax.head(text), head.resource.count == 3, head.resource[0] == "project",
              ArnSyntax.isName(head.resource[1]), let millis = ArnSyntax.millis(head.resource[2]) else { return nil }
        self.init(partition: head.partition, region: head.region, account: head.account,
                  projectName: String(head.resource[1]), creationMillis: millis)
    }

    /// Reads a project ARN or throws the service's `ValidationException` for `member`.
    public static func parse(_ text: String, member: String = "projectArn") throws -> ProjectArn {
        guard let arn = ProjectArn(text) else {
            throw ServiceError.validation(value: text, member: member, constraint: "Member must satisfy regular expression pattern: \(ArnSyntax.projectPattern)")
        }
        return arn
    }

    /// The ARN text.
    public var description: String {
        "arn:\(partition):rekognition:\(region):\(account):project/\(projectName)/\(creationMillis)"
    }

    /// The same ARN with another account (default: the placeholder `123456789012`).
    public func withAccount(_ account: String = ArnSyntax.placeholderAccount) -> ProjectArn {
        var copy = self
        copy.account = account
        return copy
    }

    /// The pattern an IAM policy uses for every version of this project: `…:project/<name>/*`.
    public var versionsResourcePattern: String {
        "arn:\(partition):rekognition:\(region):\(account):project/\(projectName)/*"
    }

    /// True when `version` belongs to this project (same partition, region, account and name).
    public func contains(_ version: ProjectVersionArn) -> Bool {
        version.partition == partition && version.region == region && version.account == account && version.projectName == projectName
    }
}
