import Testing
@testable import Schedules

@Suite struct WildcardPatternTests {
    @Test(arguments: [
        ("rekognition:StartProjectVersion", "rekognition:StartProjectVersion", true, true),
        ("rekognition:*", "rekognition:StopProjectVersion", true, true),
        ("rekognition:*ProjectVersion", "rekognition:StartProjectVersion", true, true),
        ("rekognition:*ProjectVersion", "rekognition:DescribeProjectVersions", true, false),
        ("rekognition:St??tProjectVersion", "rekognition:StartProjectVersion", true, true),
        ("rekognition:St?tProjectVersion", "rekognition:StartProjectVersion", true, false),
        ("REKOGNITION:startprojectversion", "rekognition:StartProjectVersion", true, true),
        ("*", "sts:AssumeRole", true, true),
        ("s3:*", "rekognition:StartProjectVersion", true, false),
        ("arn:aws:rekognition:*:*:project/verification001/*", "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/v/1", false, true),
        ("arn:aws:rekognition:*:*:project/Verification001/*", "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/v/1", false, false),
        ("arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001", "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/v/1", false, false),
        ("a*b*c", "aXXbYYc", false, true),
        ("a*b*c", "aXXbYY", false, false),
        ("", "", false, true),
        ("**", "", false, true),
    ])
    func matches(pattern: String, text: String, caseInsensitive: Bool, expected: Bool) {
        #expect(WildcardPattern.matches(pattern, text, caseInsensitive: caseInsensitive) == expected)
    }
}
