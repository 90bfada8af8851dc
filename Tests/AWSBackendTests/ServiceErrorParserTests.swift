import Testing
@testable import AWSBackend

@Suite("Service error bodies")
struct ServiceErrorParserTests {
    struct Sample: Sendable, CustomTestStringConvertible {
        var name: String
        var status: Int
        var headers: [String: String]
        var body: String
        var code: String?
        var message: String?
        var requestId: String?
        var testDescription: String { name }
    }

    static let samples: [Sample] = [
        Sample(name: "JSON 1.1 plain", status: 400, headers: ["x-amzn-RequestId": "r-1"],
               body: #"{"__type":"ResourceNotReadyException","Message":"ProjectVersion is not running"}"#,
               code: "ResourceNotReadyException", message: "ProjectVersion is not running", requestId: "r-1"),
        Sample(name: "JSON 1.1 prefixed, lower-case message", status: 400, headers: [:],
               body: #"{"__type":"com.amazonaws.rekognition#AccessDeniedException","message":"User is not authorized"}"#,
               code: "AccessDeniedException", message: "User is not authorized"),
        Sample(name: "JSON without __type, code from header", status: 400, headers: ["X-Amzn-ErrorType": "InvalidSignatureException:http://internal.amazon.com/coral/"],
               body: #"{"message":"Signature expired"}"#, code: "InvalidSignatureException", message: "Signature expired"),
        Sample(name: "query XML", status: 403, headers: [:],
               body: "<?xml version=\"1.0\"?><ErrorResponse><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match &amp; so on</Message></Error><RequestId>abc</RequestId></ErrorResponse>",
               code: "SignatureDoesNotMatch", message: "The request signature we calculated does not match & so on", requestId: "abc"),
        Sample(name: "S3 XML", status: 403, headers: ["x-amz-request-id": "s3req"],
               body: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>body</RequestId></Error>",
               code: "AccessDenied", message: "Access Denied", requestId: "s3req"),
        Sample(name: "HTML from a proxy", status: 502, headers: [:],
               body: "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>",
               code: nil, message: "502 Bad Gateway"),
        Sample(name: "HTML without a title", status: 500, headers: [:],
               body: "<!DOCTYPE html><html><body><p>Internal   error</p></body></html>", code: nil, message: "Internal error"),
        Sample(name: "plain text", status: 503, headers: [:], body: "Service Unavailable\n", code: nil, message: "Service Unavailable"),
        Sample(name: "empty", status: 500, headers: [:], body: "", code: nil, message: nil),
    ]

    @Test(arguments: samples)
    func parses(sample: Sample) {
        let details = ServiceErrorParser.parse(HTTPResponse(status: sample.status, headers: sample.headers, body: Array(sample.body.utf8)))
        #expect(details.code == sample.code)
        #expect(details.message == sample.message)
        #expect(details.requestId == sample.requestId)
    }

    @Test func longPlainTextIsShortened() {
        let details = ServiceErrorParser.parse(HTTPResponse(status: 500, body: Array(String(repeating: "x ", count: 500).utf8)))
        #expect((details.message?.count ?? 0) <= ServiceErrorParser.excerptLimit + 1)
    }
}

@Suite("Retry policy")
struct RetryPolicyTests {
    @Test func fullJitterExponentialBackoff() {
        let top = RetryPolicy(baseDelay: 1, maxBackoff: 20, random: { 0.999999 })
        #expect(abs(top.delay(afterAttempt: 1) - 1) < 0.001)
        #expect(abs(top.delay(afterAttempt: 2) - 2) < 0.001)
        #expect(abs(top.delay(afterAttempt: 3) - 4) < 0.001)
        #expect(abs(top.delay(afterAttempt: 10) - 20) < 0.001)
        let bottom = RetryPolicy(random: { 0 })
        #expect(bottom.delay(afterAttempt: 3) == 0)
        #expect(RetryPolicy.standard.maxAttempts == 3)
    }

    @Test(arguments: [("ThrottlingException", 400, true), ("ProvisionedThroughputExceededException", 400, true),
                      ("InternalServerError", 500, true), (nil, 502, true), (nil, 503, true), ("SlowDown", 503, true),
                      ("AccessDeniedException", 400, false), ("ResourceNotReadyException", 400, false), (nil, 404, false)] as [(String?, Int, Bool)])
    func retryable(code: String?, status: Int, expected: Bool) {
        #expect(RetryPolicy.isRetryable(code: code, status: status) == expected)
    }
}
