import Foundation
import PanyaSupport

/// Finds credentials the way botocore (and so the AWS CLI) does, for the sources panya supports:
///
/// 1. `AWS_ACCESS_KEY_ID` + `AWS_SECRET_ACCESS_KEY` (+ `AWS_SESSION_TOKEN`, or the older
///    `AWS_SECURITY_TOKEN`) — skipped when a profile was named on the command line (`--profile`),
///    exactly as the CLI does;
/// 2. the profile in the shared credentials file (`AWS_SHARED_CREDENTIALS_FILE`, default
///    `~/.aws/credentials`, sections `[name]`);
/// 3. the profile in the config file (`AWS_CONFIG_FILE`, default `~/.aws/config`, sections
///    `[profile name]` and `[default]`).
///
/// Profiles that use `role_arn`, `sso_*`, `credential_process` or `web_identity_token_file` are
/// reported with the command that turns them into plain keys.
public struct CredentialResolver: Sendable {
    /// The environment to read (explicit, so tests never touch the process environment).
    public var environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// The shared credentials file's path (`~` expanded with `HOME`).
    public var credentialsFilePath: String {
        expandHome(nonEmpty("AWS_SHARED_CREDENTIALS_FILE") ?? "~/.aws/credentials")
    }

    /// The config file's path (`~` expanded with `HOME`).
    public var configFilePath: String {
        expandHome(nonEmpty("AWS_CONFIG_FILE") ?? "~/.aws/config")
    }

    /// Both files read and merged: config first, the credentials file's values over it.
    public func loadProfiles() throws(AWSError) -> (config: AWSConfigFile, credentials: AWSConfigFile, merged: AWSConfigFile) {
        guard let config = AWSConfigFile.load(path: configFilePath, kind: .config) else {
            throw AWSError(kind: .configuration, message: Catalog.awsUnreadableFile(configFilePath), serviceCode: "UnreadableConfigFile")
        }
        guard let credentials = AWSConfigFile.load(path: credentialsFilePath, kind: .credentials) else {
            throw AWSError(kind: .configuration, message: Catalog.awsUnreadableFile(credentialsFilePath), serviceCode: "UnreadableCredentialsFile")
        }
        return (config, credentials, config.merging(credentials))
    }

    /// The credentials for `profile`.
    /// - Parameters:
    ///   - profile: the profile name in effect (`default` when none was named).
    ///   - profileFromCommandLine: true when `--profile` named it; then the environment's keys are ignored.
    public func resolve(profile: String, profileFromCommandLine: Bool) throws(AWSError) -> Credentials {
        if !profileFromCommandLine, let fromEnvironment = try environmentCredentials() {
            return fromEnvironment
        }
        let files = try loadProfiles()
        if let settings = files.credentials[profile],
           let found = try profileCredentials(settings, profile: profile, file: credentialsFilePath) {
            return found
        }
        if let settings = files.config[profile],
           let found = try profileCredentials(settings, profile: profile, file: configFilePath) {
            return found
        }
        let merged = files.merged[profile] ?? [:]
        for setting in ["credential_process", "sso_session", "sso_start_url", "role_arn", "web_identity_token_file"]
        where merged[setting] != nil {
            throw AWSError(kind: .configuration, message: Catalog.awsUnsupportedCredentialSource(profile: profile, setting: setting),
                           serviceCode: "UnsupportedCredentialSource")
        }
        if profileFromCommandLine, nonEmpty("AWS_ACCESS_KEY_ID") != nil {
            throw AWSError(kind: .configuration, message: Catalog.awsProfileWithoutKeysEnvironmentIgnored(profile: profile),
                           serviceCode: "MissingCredentials")
        }
        throw AWSError(kind: .configuration,
                       message: Catalog.awsMissingCredentials(profile: profile, credentialsFile: credentialsFilePath, configFile: configFilePath),
                       serviceCode: "MissingCredentials")
    }

    /// The environment's keys, nil when neither is set; an error when only one is.
    func environmentCredentials() throws(AWSError) -> Credentials? {
        let key = nonEmpty("AWS_ACCESS_KEY_ID")
        let secret = nonEmpty("AWS_SECRET_ACCESS_KEY")
        switch (key, secret) {
        case let (key?, secret?):
            let token = nonEmpty("AWS_SESSION_TOKEN") ?? nonEmpty("AWS_SECURITY_TOKEN")
            return Credentials(accessKeyId: key, secretAccessKey: secret, sessionToken: token, source: "environment")
        case (nil, nil):
            return nil
        case (_?, nil):
            throw AWSError(kind: .configuration, message: Catalog.awsPartialCredentials(present: "AWS_ACCESS_KEY_ID", missing: "AWS_SECRET_ACCESS_KEY"),
                           serviceCode: "PartialCredentials")
        case (nil, _?):
            throw AWSError(kind: .configuration, message: Catalog.awsPartialCredentials(present: "AWS_SECRET_ACCESS_KEY", missing: "AWS_ACCESS_KEY_ID"),
                           serviceCode: "PartialCredentials")
        }
    }

    /// The keys in one profile section; nil when it has neither.
    func profileCredentials(_ settings: [String: String], profile: String, file: String) throws(AWSError) -> Credentials? {
        let key = settings["aws_access_key_id"].flatMap { $0.isEmpty ? nil : $0 }
        let secret = settings["aws_secret_access_key"].flatMap { $0.isEmpty ? nil : $0 }
        switch (key, secret) {
        case let (key?, secret?):
            let token = settings["aws_session_token"].flatMap { $0.isEmpty ? nil : $0 }
                ?? settings["aws_security_token"].flatMap { $0.isEmpty ? nil : $0 }
            return Credentials(accessKeyId: key, secretAccessKey: secret, sessionToken: token, source: "profile \(profile) (\(file))")
        case (nil, nil):
            return nil
        case (_?, nil):
            throw AWSError(kind: .configuration, message: Catalog.awsPartialProfileCredentials(profile: profile, file: file, missing: "aws_secret_access_key"),
                           serviceCode: "PartialCredentials")
        case (nil, _?):
            throw AWSError(kind: .configuration, message: Catalog.awsPartialProfileCredentials(profile: profile, file: file, missing: "aws_access_key_id"),
                           serviceCode: "PartialCredentials")
        }
    }

    func nonEmpty(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// `~` and `~/…` with the environment's `HOME`.
    func expandHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = nonEmpty("HOME") ?? NSHomeDirectory()
        return home + path.dropFirst()
    }
}
