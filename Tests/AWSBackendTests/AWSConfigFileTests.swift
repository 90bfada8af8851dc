import Testing
@testable import AWSBackend

@Suite("AWS config files")
struct AWSConfigFileTests {
    /// `AWS_CONFIG_FILE=/dev/null` means "no file" to the AWS CLI; it must to panya too.
    @Test func devNullReadsAsAnEmptyFile() throws {
        let file = try #require(AWSConfigFile.load(path: "/dev/null", kind: .config))
        #expect(file.profileNames.isEmpty)
    }

    @Test func configSectionsMapToProfiles() {
        let file = AWSConfigFile(text: """
            # comment
            [default]
            region = ap-northeast-1
            [profile dev]
            region=us-west-2
            s3 =
              addressing_style = path
            ; another comment
            [sso-session corp]
            sso_region = us-east-1
            [bare]
            region = eu-west-1
            """, kind: .config)
        #expect(file.profileNames == ["default", "dev"])
        #expect(file["default"]?["region"] == "ap-northeast-1")
        #expect(file["dev"]?["region"] == "us-west-2")
        #expect(file["dev"]?["s3.addressing_style"] == "path")
        #expect(file["bare"] == nil)
        #expect(file["corp"] == nil)
    }

    @Test func credentialsSectionsAreProfiles() {
        let file = AWSConfigFile(text: "[default]\r\naws_access_key_id = AKID\r\n[profile x]\nAWS_Secret_Access_Key: s\n", kind: .credentials)
        #expect(file.profileNames == ["default", "profile x"])
        #expect(file["default"]?["aws_access_key_id"] == "AKID")
        #expect(file["profile x"]?["aws_secret_access_key"] == "s")
    }

    @Test func credentialsWinWhenMerged() {
        let config = AWSConfigFile(text: "[profile a]\nregion = r1\naws_access_key_id = C\n", kind: .config)
        let credentials = AWSConfigFile(text: "[a]\naws_access_key_id = K\n[b]\nregion = r2\n", kind: .credentials)
        let merged = config.merging(credentials)
        #expect(merged.profileNames == ["a", "b"])
        #expect(merged["a"]?["aws_access_key_id"] == "K")
        #expect(merged["a"]?["region"] == "r1")
        #expect(merged["b"]?["region"] == "r2")
    }
}
