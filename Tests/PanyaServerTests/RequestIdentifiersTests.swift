import Foundation
import Testing
@testable import PanyaServer

/// Every answer carries its service's request id headers, errors and refusals included.
@Suite struct RequestIdentifiersTests {
    @Test func rekognitionAnswersCarryARequestId() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        let answers = [fixture.respond(ServerFixture.rekognition("DescribeProjects", "{}")),
                       fixture.respond(ServerFixture.rekognition("DetectText", "{}")),
                       fixture.respond(ServerFixture.rekognition("DescribeProjects", "{")),
                       fixture.server.dispatcher.tooLarge(ServerFixture.rekognition("DetectCustomLabels", "{}")),
                       fixture.server.dispatcher.malformedBody(ServerFixture.rekognition("DetectCustomLabels", "{}"))]
        let ids = answers.compactMap { $0.header("x-amzn-RequestId") }
        #expect(ids.count == answers.count)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.range(of: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", options: .regularExpression) != nil })
    }

    @Test func s3AnswersCarryBothIds() throws {
        let fixture = try ServerFixture(authentication: .keys(AuthenticationTests.keys))
        defer { fixture.removeBuckets() }
        let answers = [fixture.respond(ServerFixture.s3("GET", "/nothing/here")), fixture.server.dispatcher.tooBusy(ServerFixture.s3("PUT", "/b/k"))]
        for answer in answers {
            #expect(answer.header("x-amz-request-id")?.range(of: "^[0-9A-F]{16}$", options: .regularExpression) != nil)
            #expect(answer.header("x-amz-id-2") != nil)
        }
    }

    @Test(arguments: [(UInt64(0x1F), false, "ab-00000000001f"), (UInt64(0x1F), true, "ab-00000000001F"),
                      (UInt64(0x1234_5678_90AB_CDEF), false, "ab-567890abcdef"), (UInt64(0xFFFF_FFFF_FFFF), true, "ab-FFFFFFFFFFFF")])
    func theCounterIsWrittenAsTwelveHexDigits(number: UInt64, uppercase: Bool, expected: String) {
        #expect(RequestIdentifiers.identifier(prefix: Array("ab-".utf8), number: number, uppercase: uppercase) == expected)
    }

    @Test(arguments: [("Content-Length", "content-length", true), ("x-amzn-RequestId", "X-AMZN-REQUESTID", true),
                      ("host", "hosts", false), ("a[", "a{", false), ("x-amz-target", "x-amz-targey", false), ("", "", true)])
    func headerNamesIgnoreTheCaseOfLettersOnly(a: String, b: String, same: Bool) {
        #expect(HeaderName.same(a, b) == same)
        #expect(ServerRequest(method: "GET", rawPath: "/", headers: [(name: a, value: "1")]).header(b) == (same ? "1" : nil))
    }
}
