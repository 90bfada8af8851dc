/// AWS credentials: an access key id, its secret, and a session token for temporary credentials.
///
/// The secret and the token never appear in `description`, `debugDescription` or a mirror
/// (`dump`, string interpolation, logs): they are shown as `<redacted>`.
public struct Credentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The access key id (`AKIA…`, `ASIA…`); not a secret.
    public var accessKeyId: String
    /// The secret access key.
    public var secretAccessKey: String
    /// The session token of temporary credentials.
    public var sessionToken: String?
    /// Where they came from, for `backend` and error messages (e.g. `environment`, `profile dev (~/.aws/credentials)`).
    public var source: String

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, source: String = "explicit") {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.source = source
    }

    public var description: String {
        "Credentials(accessKeyId: \(accessKeyId), secretAccessKey: <redacted>, sessionToken: \(sessionToken == nil ? "nil" : "<redacted>"), source: \(source))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: [
            "accessKeyId": accessKeyId,
            "secretAccessKey": "<redacted>",
            "sessionToken": sessionToken == nil ? "nil" : "<redacted>",
            "source": source,
        ])
    }

    /// The secrets these credentials carry (for scrubbing text that must never show them).
    var secrets: [String] {
        [secretAccessKey] + (sessionToken.map { [$0] } ?? [])
    }
}
