/// A model version ARN:
/// `arn:aws:rekognition:<region>:<account>:project/<name>/version/<version-name>/<epoch-ms>`.
public struct ProjectVersionArn: Sendable, Hashable, CustomStringConvertible {
    public var partition: String
    public var region: String
    public var account: String
    public var projectName: String
    /// `verification001.2023-08-01T10.00.00`.
    public var versionName: String
    /// When the version was created, in milliseconds since 1970.
    public var creationMillis: Int64

    /// Builds an ARN from its parts (they are not checked; use ``parse(_:)`` for text).
    public init(partition: String = "aws", region: String, account: String = ArnSyntax.placeholderAccount,
                projectName: String, versionName: String, creationMillis: Int64) {
        self.partition = partition
        self.region = region
        self.account = account
        self.projectName = projectName
        self.versionName = versionName
        self.creationMillis = creationMillis
    }

    /// Reads a version ARN; nil when `text` is not one.
    public init?(_ text: String) {
        guard let head = ArnSyntax.head(text), head.resource.count == 5, head.resource[0] == "project",
              ArnSyntax.isName(head.resource[1]), head.resource[2] == "version", ArnSyntax.isName(head.resource[3]),
              let millis = ArnSyntax.millis(head.resource[4]) else { return nil }
        self.init(partition: head.partition, region: head.region, account: head.account, projectName: String(head.resource[1]),
                  versionName: String(head.resource[3]), creationMillis: millis)
    }

    /// Reads a version ARN or throws the service's `ValidationException` for `member`.
    public static func parse(_ text: String, member: String = "projectVersionArn") throws -> ProjectVersionArn {
        guard let arn = ProjectVersionArn(text) else {
            throw ServiceError.validation(value: text, member: member, constraint: "Member must satisfy regular expression pattern: \(ArnSyntax.versionPattern)")
        }
        return arn
    }

    /// The ARN text.
    public var description: String {
        "arn:\(partition):rekognition:\(region):\(account):project/\(projectName)/version/\(versionName)/\(creationMillis)"
    }

    /// The same ARN with another account (default: the placeholder `123456789012`).
    public func withAccount(_ account: String = ArnSyntax.placeholderAccount) -> ProjectVersionArn {
        var copy = self
        copy.account = account
        return copy
    }

    /// The project's ARN, given the project's own creation time (a version ARN does not hold it).
    public func projectArn(creationMillis: Int64) -> ProjectArn {
        ProjectArn(partition: partition, region: region, account: account, projectName: projectName, creationMillis: creationMillis)
    }

    /// The name the console gives a new version: `<project>.<yyyy-MM-dd>T<HH.mm.ss>` (UTC).
    public static func versionName(project: String, createdAt seconds: Double) -> String {
        let stamp = ISO8601.format(seconds: seconds, offsetSeconds: 0)
        // 2023-08-01T10:00:00Z → 2023-08-01T10.00.00
        let date = stamp.prefix(10)
        let time = String(stamp.dropFirst(11).prefix(8).map { $0 == ":" ? "." : $0 })
        return "\(project).\(date)T\(time)"
    }
}
