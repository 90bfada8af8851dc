import Foundation
import Testing
@testable import AWSBackend

@Suite("Credentials, region and endpoint resolution")
struct AWSConfigurationTests {
    static let envKeys = ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "envsecret"]

    @Test func environmentKeysAndRegion() throws {
        let home = try TemporaryHome()
        let config = try AWSConfiguration.resolve(environment: home.environment(Self.envKeys.merging(
            ["AWS_SESSION_TOKEN": "tok", "AWS_REGION": "ap-northeast-1"]) { $1 }))
        #expect(config.credentials.accessKeyId == "AKIDENV")
        #expect(config.credentials.secretAccessKey == "envsecret")
        #expect(config.credentials.sessionToken == "tok")
        #expect(config.credentials.source == "environment")
        #expect(config.region == "ap-northeast-1")
        #expect(config.profile == "default")
        #expect(config.rekognitionEndpoint.absoluteString == "https://rekognition.ap-northeast-1.amazonaws.com")
        #expect(config.s3Endpoint.absoluteString == "https://s3.ap-northeast-1.amazonaws.com")
    }

    @Test func regionPrecedence() throws {
        let home = try TemporaryHome()
        try home.write(".aws/config", "[default]\nregion = eu-west-1\n")
        var env = home.environment(Self.envKeys)
        #expect(try AWSConfiguration.resolve(environment: env).region == "eu-west-1")
        env["AWS_DEFAULT_REGION"] = "us-west-2"
        #expect(try AWSConfiguration.resolve(environment: env).region == "us-west-2")
        env["AWS_REGION"] = "us-east-1"
        #expect(try AWSConfiguration.resolve(environment: env).region == "us-east-1")
        #expect(try AWSConfiguration.resolve(AWSOptions(region: "ap-northeast-1"), environment: env).region == "ap-northeast-1")
    }

    @Test func defaultProfileFromFiles() throws {
        let home = try TemporaryHome()
        try home.write(".aws/credentials", "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = filesecret\naws_session_token = ftok\n")
        try home.write(".aws/config", "[default]\nregion = ap-northeast-1\n")
        let config = try AWSConfiguration.resolve(environment: home.environment())
        #expect(config.credentials.accessKeyId == "AKIDFILE")
        #expect(config.credentials.sessionToken == "ftok")
        #expect(config.credentials.source.contains("profile default"))
        #expect(config.region == "ap-northeast-1")
    }

    @Test func namedProfileFromFlagEnvAndDefaultEnv() throws {
        let home = try TemporaryHome()
        try home.write(".aws/credentials", "[a]\naws_access_key_id = AKIDA\naws_secret_access_key = sa\n[b]\naws_access_key_id = AKIDB\naws_secret_access_key = sb\n")
        try home.write(".aws/config", "[profile a]\nregion = us-east-1\n[profile b]\nregion = us-west-2\n")
        #expect(try AWSConfiguration.resolve(environment: home.environment(["AWS_DEFAULT_PROFILE": "a"])).credentials.accessKeyId == "AKIDA")
        #expect(try AWSConfiguration.resolve(environment: home.environment(["AWS_DEFAULT_PROFILE": "a", "AWS_PROFILE": "b"])).credentials.accessKeyId == "AKIDB")
        let flagged = try AWSConfiguration.resolve(AWSOptions(profile: "a"), environment: home.environment(["AWS_PROFILE": "b"]))
        #expect(flagged.credentials.accessKeyId == "AKIDA")
        #expect(flagged.region == "us-east-1")
        #expect(flagged.profile == "a")
    }

    /// The CLI: environment keys win over AWS_PROFILE, but `--profile` ignores them.
    @Test func environmentKeysVersusProfiles() throws {
        let home = try TemporaryHome()
        try home.write(".aws/credentials", "[a]\naws_access_key_id = AKIDA\naws_secret_access_key = sa\n")
        let env = home.environment(Self.envKeys.merging(["AWS_PROFILE": "a", "AWS_REGION": "us-east-1"]) { $1 })
        #expect(try AWSConfiguration.resolve(environment: env).credentials.accessKeyId == "AKIDENV")
        #expect(try AWSConfiguration.resolve(AWSOptions(profile: "a"), environment: env).credentials.accessKeyId == "AKIDA")
    }

    @Test func customFileLocations() throws {
        let home = try TemporaryHome()
        try home.write("elsewhere/creds", "[default]\naws_access_key_id = AKIDX\naws_secret_access_key = sx\n")
        try home.write("elsewhere/conf", "[profile default]\nregion = ca-central-1\n")
        let config = try AWSConfiguration.resolve(environment: home.environment([
            "AWS_SHARED_CREDENTIALS_FILE": home.path + "/elsewhere/creds", "AWS_CONFIG_FILE": "~/elsewhere/conf"]))
        #expect(config.credentials.accessKeyId == "AKIDX")
        #expect(config.region == "ca-central-1")
    }

    @Test func keysInConfigFileAndRegionInCredentialsFile() throws {
        let home = try TemporaryHome()
        try home.write(".aws/config", "[profile c]\naws_access_key_id = AKIDC\naws_secret_access_key = sc\n")
        try home.write(".aws/credentials", "[c]\nregion = sa-east-1\n")
        let config = try AWSConfiguration.resolve(AWSOptions(profile: "c"), environment: home.environment())
        #expect(config.credentials.accessKeyId == "AKIDC")
        #expect(config.region == "sa-east-1")
    }

    @Test func missingCredentialsSaysHowToFix() throws {
        let home = try TemporaryHome()
        let error = try #require(throws: AWSError.self) {
            try AWSConfiguration.resolve(AWSOptions(region: "us-east-1"), environment: home.environment())
        }
        #expect(error.code == "MissingCredentials")
        #expect(error.kind == .configuration)
        for fix in ["AWS_ACCESS_KEY_ID", "aws configure", "--profile"] {
            #expect(error.message.en.contains(fix))
            #expect(error.message.ja.contains(fix))
        }
    }

    @Test func missingRegionSaysHowToFix() throws {
        let home = try TemporaryHome()
        let error = try #require(throws: AWSError.self) {
            try AWSConfiguration.resolve(environment: home.environment(Self.envKeys))
        }
        #expect(error.code == "MissingRegion")
        for fix in ["--region", "AWS_REGION", "aws configure"] {
            #expect(error.message.en.contains(fix))
            #expect(error.message.ja.contains(fix))
        }
    }

    @Test func unknownProfileListsTheOnesFound() throws {
        let home = try TemporaryHome()
        try home.write(".aws/credentials", "[default]\naws_access_key_id = A\naws_secret_access_key = s\n[teacher]\naws_access_key_id = B\naws_secret_access_key = t\n")
        try home.write(".aws/config", "[profile class]\nregion = ap-northeast-1\n")
        for (options, env) in [(AWSOptions(profile: "student"), [String: String]()), (AWSOptions(), ["AWS_PROFILE": "student"])] {
            let error = try #require(throws: AWSError.self) {
                try AWSConfiguration.resolve(options, environment: home.environment(env))
            }
            #expect(error.code == "ProfileNotFound")
            #expect(error.message.en.contains("\"student\""))
            #expect(error.message.en.contains("class, default, teacher"))
            #expect(error.message.ja.contains("class, default, teacher"))
        }
    }

    @Test func profileFlagWithoutKeysExplainsIgnoredEnvironment() throws {
        let home = try TemporaryHome()
        try home.write(".aws/config", "[profile regiononly]\nregion = us-east-1\n")
        let error = try #require(throws: AWSError.self) {
            try AWSConfiguration.resolve(AWSOptions(profile: "regiononly"), environment: home.environment(Self.envKeys))
        }
        #expect(error.code == "MissingCredentials")
        #expect(error.message.en.contains("ignored because --profile was given"))
        #expect(!error.message.en.contains("envsecret"))
    }

    @Test func partialEnvironmentKeys() throws {
        let home = try TemporaryHome()
        let error = try #require(throws: AWSError.self) {
            try AWSConfiguration.resolve(AWSOptions(region: "us-east-1"), environment: home.environment(["AWS_ACCESS_KEY_ID": "AKID"]))
        }
        #expect(error.code == "PartialCredentials")
        #expect(error.message.en.contains("AWS_SECRET_ACCESS_KEY"))
    }

    @Test func ssoProfileIsExplained() throws {
        let home = try TemporaryHome()
        try home.write(".aws/config", "[profile sso]\nsso_session = corp\nregion = us-east-1\n")
        let error = try #require(throws: AWSError.self) {
            try AWSConfiguration.resolve(AWSOptions(profile: "sso"), environment: home.environment())
        }
        #expect(error.code == "UnsupportedCredentialSource")
        #expect(error.message.en.contains("aws configure export-credentials --profile sso"))
    }

    @Test func endpointPrecedence() throws {
        let home = try TemporaryHome()
        try home.write(".aws/config", "[default]\nregion = us-east-1\nendpoint_url = http://profile.example:1\n")
        var env = home.environment(Self.envKeys)
        var config = try AWSConfiguration.resolve(environment: env)
        #expect(config.rekognitionEndpoint.absoluteString == "http://profile.example:1")
        #expect(config.s3Endpoint.absoluteString == "http://profile.example:1")
        env["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566/"
        config = try AWSConfiguration.resolve(environment: env)
        #expect(config.rekognitionEndpoint.absoluteString == "http://127.0.0.1:4566")
        #expect(config.s3Endpoint.absoluteString == "http://127.0.0.1:4566")
        env["AWS_ENDPOINT_URL_REKOGNITION"] = "http://rek.local:1"
        env["AWS_ENDPOINT_URL_S3"] = "http://s3.local:2"
        config = try AWSConfiguration.resolve(environment: env)
        #expect(config.rekognitionEndpoint.absoluteString == "http://rek.local:1")
        #expect(config.s3Endpoint.absoluteString == "http://s3.local:2")
        config = try AWSConfiguration.resolve(AWSOptions(endpointURL: "https://flag.local"), environment: env)
        #expect(config.rekognitionEndpoint.absoluteString == "https://flag.local")
        #expect(config.s3Endpoint.absoluteString == "http://s3.local:2")
        env["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true"
        config = try AWSConfiguration.resolve(environment: env)
        #expect(config.rekognitionEndpoint.absoluteString == "https://rekognition.us-east-1.amazonaws.com")
    }

    @Test func badRegionAndEndpoint() throws {
        let home = try TemporaryHome()
        let env = home.environment(Self.envKeys)
        #expect(throws: AWSError.self) { try AWSConfiguration.resolve(AWSOptions(region: "ap northeast"), environment: env) }
        let error = try #require(throws: AWSError.self) {
            try AWSConfiguration.resolve(AWSOptions(region: "us-east-1", endpointURL: "ftp://x"), environment: env)
        }
        #expect(error.code == "InvalidEndpoint")
        #expect(error.message.en.contains("--endpoint-url"))
    }

    @Test func chinaRegionsUseTheirDomain() throws {
        let home = try TemporaryHome()
        let config = try AWSConfiguration.resolve(AWSOptions(region: "cn-north-1"), environment: home.environment(Self.envKeys))
        #expect(config.rekognitionEndpoint.absoluteString == "https://rekognition.cn-north-1.amazonaws.com.cn")
    }

    @Test func errorsNeverShowSecrets() throws {
        let home = try TemporaryHome()
        try home.write(".aws/credentials", "[p]\naws_access_key_id = AKIDP\naws_secret_access_key = topsecretvalue\n")
        let error = try #require(throws: AWSError.self) {
            try AWSConfiguration.resolve(AWSOptions(profile: "p"), environment: home.environment())
        }
        #expect(error.code == "MissingRegion")
        #expect(!"\(error) \(error.message.ja)".contains("topsecretvalue"))
    }
}
