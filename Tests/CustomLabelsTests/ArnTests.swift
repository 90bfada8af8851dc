import Testing
@testable import CustomLabels

let seedVersionArn = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690851600000"
let seedProjectArn = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/1690848000000"

@Test func parsesAndBuildsVersionArns() throws {
    let arn = try #require(ProjectVersionArn(seedVersionArn))
    #expect(arn.region == "ap-northeast-1")
    #expect(arn.account == "123456789012")
    #expect(arn.projectName == "verification001")
    #expect(arn.versionName == "verification001.2023-08-01T10.00.00")
    #expect(arn.creationMillis == 1690851600000)
    #expect(arn.description == seedVersionArn)
    #expect(ProjectVersionArn.versionName(project: "verification001", createdAt: 1690884000) == "verification001.2023-08-01T10.00.00")
}

@Test func parsesProjectArns() throws {
    let arn = try #require(ProjectArn(seedProjectArn))
    #expect(arn.projectName == "verification001")
    #expect(arn.creationMillis == 1690848000000)
    #expect(arn.description == seedProjectArn)
    #expect(arn.versionsResourcePattern == "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/*")
    #expect(arn.contains(try #require(ProjectVersionArn(seedVersionArn))))
    #expect(ProjectVersionArn(seedProjectArn) == nil)
    #expect(ProjectArn(seedVersionArn) == nil)
}

@Test(arguments: [
    "arn:aws:rekognition:ap-northeast-1:12345678901:project/p/version/v/1",
    "arn:aws:s3:ap-northeast-1:123456789012:project/p/version/v/1",
    "arn:aws:rekognition:ap-northeast-1:123456789012:project/p q/version/v/1",
    "arn:aws:rekognition:ap-northeast-1:123456789012:project/p/version/v/",
    "arn:aws:rekognition:ap-northeast-1:123456789012:project/p/version/v/12x",
    "verification001",
    // Outside ASCII, each part fails as the service's pattern does: letters, digits, accents.
    "arn:aws:rekognition:ap-northeast-1:123456789012:project/パン/version/v/1",
    "arn:aws:rekognition:ap-northeast-1:123456789012:project/cafe\u{301}/version/v/1",
    "arn:aws:rekognition:ap-northeast-1:123456789012:project/p/version/v/１２",
    "arn:aws:rekognition:ap-northeast-1:１２３456789012:project/p/version/v/1",
    "arn:aws:rekognition:Ap-northeast-1:123456789012:project/p/version/v/1",
    "arn:aws:rekognition:ap-northeast-1:123456789012:project/p\r\n/version/v/1",
    "arn:aws:rekognition:ap-northeast-1:123456789012:project/\(String(repeating: "p", count: 256))/version/v/1",
])
func rejectsMalformedVersionArns(text: String) throws {
    #expect(ProjectVersionArn(text) == nil)
    let error = try #require(throws: ServiceError.self) { try ProjectVersionArn.parse(text) }
    #expect(error.kind == .validation)
    #expect(error.serviceMessage.contains("failed to satisfy constraint"))
}

@Test func replacesAccounts() throws {
    let real = "see arn:aws:rekognition:ap-northeast-1:987654321098:project/p/1 and arn:aws:rekognition:us-east-1:111122223333:project/q/version/v/2"
    #expect(ArnSyntax.replacingAccounts(in: real) == "see arn:aws:rekognition:ap-northeast-1:123456789012:project/p/1 and arn:aws:rekognition:us-east-1:123456789012:project/q/version/v/2")
    let arn = try #require(ProjectVersionArn("arn:aws:rekognition:ap-northeast-1:987654321098:project/p/version/v/2"))
    #expect(arn.withAccount().account == "123456789012")
}

@Test func acceptsNamesOfEveryAllowedByteUpTo255() throws {
    let name = "aZ09_.-" + String(repeating: "x", count: 248)
    let arn = try #require(ProjectVersionArn("arn:aws:rekognition:ap-northeast-1:123456789012:project/\(name)/version/v/1"))
    #expect(arn.projectName == name)
}
