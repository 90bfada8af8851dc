import Testing
@testable import PanyaServer

@Suite struct S3BucketNameTests {
    @Test(arguments: ["chekimagebkt", "abc", "my.bucket-1", "1bucket", String(repeating: "a", count: 63)])
    func validNames(name: String) {
        #expect(S3BucketName.isValid(name))
    }

    @Test(arguments: ["Bad..Bucket", "bad..bucket", "ab", String(repeating: "a", count: 64), "UPPER", "-start", "end-", ".dot", "dot.",
                      "under_score", "192.168.5.4", "a.-b", "xn--bucket", "bucket-s3alias", "sp ace"])
    func invalidNames(name: String) {
        #expect(!S3BucketName.isValid(name))
    }
}
