import Foundation
import PanyaSupport

/// What the user chose on the command line or at the prompt (`--profile`, `--region`, `--endpoint-url`).
public struct AWSOptions: Sendable, Equatable {
    /// `--profile`: wins over `AWS_PROFILE`, and makes the environment's keys ignored.
    public var profile: String?
    /// `--region`: wins over `AWS_REGION`, `AWS_DEFAULT_REGION` and the profile's `region`.
    public var region: String?
    /// `--endpoint-url`: the Rekognition endpoint (not S3's), e.g. `http://127.0.0.1:5000`.
    public var endpointURL: String?

    public init(profile: String? = nil, region: String? = nil, endpointURL: String? = nil) {
        self.profile = profile
        self.region = region
        self.endpointURL = endpointURL
    }
}

/// Credentials, region and endpoints, resolved as the AWS CLI resolves them, before any call.
public struct AWSConfiguration: Sendable, Equatable {
    /// The keys to sign with.
    public var credentials: Credentials
    /// The region, e.g. `ap-northeast-1`.
    public var region: String
    /// The profile in effect (`default` when none was named).
    public var profile: String
    /// Where Rekognition calls go (`https://rekognition.<region>.amazonaws.com` unless overridden).
    public var rekognitionEndpoint: URL
    /// Where S3 GetObject calls go (`https://s3.<region>.amazonaws.com` unless overridden), path-style.
    public var s3Endpoint: URL

    public init(credentials: Credentials, region: String, profile: String = "default", rekognitionEndpoint: URL, s3Endpoint: URL) {
        self.credentials = credentials
        self.region = region
        self.profile = profile
        self.rekognitionEndpoint = rekognitionEndpoint
        self.s3Endpoint = s3Endpoint
    }

    /// Resolves everything from `options` and `environment` and the shared files, or says clearly
    /// what is missing and how to fix it. Nothing is sent.
    ///
    /// - Profile: `--profile`, `AWS_PROFILE`, `AWS_DEFAULT_PROFILE`, else `default`. A named profile
    ///   that is in neither file is an error listing the profiles found.
    /// - Region: `--region`, `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region`.
    /// - Endpoint: `--endpoint-url`, `AWS_ENDPOINT_URL_REKOGNITION`, `AWS_ENDPOINT_URL`, the profile's
    ///   `endpoint_url`, else the regional default (S3: `AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL`,
    ///   the profile's `endpoint_url`, else `https://s3.<region>.amazonaws.com`).
    ///   `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` ignores the environment and profile endpoints.
    public static func resolve(_ options: AWSOptions = AWSOptions(),
                               environment: [String: String] = ProcessEnvironment.current) throws(AWSError) -> AWSConfiguration {
        let resolver = CredentialResolver(environment: environment)
        func env(_ name: String) -> String? { resolver.nonEmpty(name) }

        let namedProfile = options.profile.flatMap { $0.isEmpty ? nil : $0 } ?? env("AWS_PROFILE") ?? env("AWS_DEFAULT_PROFILE")
        let profile = namedProfile ?? "default"
        let files = try resolver.loadProfiles()
        if let namedProfile, files.merged[namedProfile] == nil {
            throw AWSError(kind: .configuration,
                           message: Catalog.awsProfileNotFound(namedProfile, found: files.merged.profileNames,
                                                               files: [resolver.credentialsFilePath, resolver.configFilePath]),
                           serviceCode: "ProfileNotFound")
        }
        let settings = files.merged[profile] ?? [:]

        let credentials = try resolver.resolve(profile: profile, profileFromCommandLine: options.profile.map { !$0.isEmpty } ?? false)

        guard let region = options.region.flatMap({ $0.isEmpty ? nil : $0 }) ?? env("AWS_REGION") ?? env("AWS_DEFAULT_REGION")
                ?? settings["region"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw AWSError(kind: .configuration, message: Catalog.awsMissingRegion(profile: profile), serviceCode: "MissingRegion")
        }
        guard isValidRegion(region) else {
            throw AWSError(kind: .configuration, message: Catalog.awsInvalidRegion(region), serviceCode: "InvalidRegion")
        }

        let ignoreConfigured = env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")?.lowercased() == "true"
            || settings["ignore_configured_endpoint_urls"]?.lowercased() == "true"
        func configured(_ variable: String) -> (String, String)? {
            if ignoreConfigured { return nil }
            if let value = env(variable) { return (value, variable) }
            if let value = env("AWS_ENDPOINT_URL") { return (value, "AWS_ENDPOINT_URL") }
            if let value = settings["endpoint_url"], !value.isEmpty { return (value, "profile \(profile) endpoint_url") }
            return nil
        }
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        let rekognition = options.endpointURL.flatMap { $0.isEmpty ? nil : ($0, "--endpoint-url") }
            ?? configured("AWS_ENDPOINT_URL_REKOGNITION")
            ?? ("https://rekognition.\(region).\(suffix)", "the region")
        let s3 = configured("AWS_ENDPOINT_URL_S3") ?? ("https://s3.\(region).\(suffix)", "the region")

        return AWSConfiguration(credentials: credentials, region: region, profile: profile,
                                rekognitionEndpoint: try endpoint(rekognition.0, source: rekognition.1),
                                s3Endpoint: try endpoint(s3.0, source: s3.1))
    }

    /// A region is a host name label: letters, digits and inner hyphens, at most 63.
    static func isValidRegion(_ region: String) -> Bool {
        let bytes = Array(region.utf8)
        guard !bytes.isEmpty, bytes.count <= 63, bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else { return false }
        return bytes.allSatisfy { URIEncoding.isUnreserved($0) && $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: "_") && $0 != UInt8(ascii: "~") }
    }

    /// An http(s) URL with a host; a trailing slash is dropped.
    static func endpoint(_ text: String, source: String) throws(AWSError) -> URL {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              let url = components.url else {
            throw AWSError(kind: .configuration, message: Catalog.awsInvalidEndpoint(text, source: source), serviceCode: "InvalidEndpoint")
        }
        return url
    }
}
