import Foundation
import Testing
@testable import AWSBackend

@Suite("SigV4 signer")
struct SigV4SignerTests {
    @Test func suiteIsPresent() throws {
        let directory = try #require(SigV4TestSuite.directory, "Tests/AWSBackendTests/sigv4-test-suite is missing from the checkout")
        #expect(SigV4TestSuite.caseNames.count >= 30, "found only \(SigV4TestSuite.caseNames.count) cases in \(directory.path)")
    }

    @Test("header signing matches the AWS suite", arguments: SigV4TestSuite.caseNames)
    func headerSigning(caseName: String) throws {
        let testCase = try SigV4TestSuite.load(caseName)
        let signer = SigV4Signer(
            credentials: testCase.credentials, region: testCase.region, service: testCase.service,
            options: .init(normalizePath: testCase.normalize, payload: .hashed(sendHeader: testCase.signBody),
                           omitSessionTokenFromSignature: testCase.omitSessionToken))
        var request = testCase.request
        let result = signer.sign(&request, date: testCase.date)
        #expect(result.canonicalRequest.text == testCase.canonicalRequest)
        #expect(result.stringToSign == testCase.stringToSign)
        #expect(result.signature == testCase.signature)

        let expected = SigV4TestSuite.headerLines(ofSignedRequest: testCase.signedRequest)
        let expectedAuthorization = try #require(expected.first { $0.hasPrefix("Authorization:") })
        #expect("Authorization:" + (request.header("Authorization") ?? "") == expectedAuthorization)
        if let tokenLine = expected.first(where: { $0.lowercased().hasPrefix("x-amz-security-token:") }) {
            #expect(request.header("X-Amz-Security-Token") == String(tokenLine.drop { $0 != ":" }.dropFirst()))
        } else {
            #expect(request.header("X-Amz-Security-Token") == nil)
        }
    }

    @Test func amzDateIsUTCBasicFormat() {
        #expect(SigV4Signer.amzDate(Date(timeIntervalSince1970: 1_440_938_160)) == "20150830T123600Z")
        #expect(SigV4Signer.amzDate(Date(timeIntervalSince1970: 0)) == "19700101T000000Z")
    }

    @Test func emptyBodyHash() {
        #expect(SigV4Signer.sha256Hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// S3 GetObject as botocore signs it (path-style, no normalization, content hash header).
    @Test(arguments: [SigV4Signer.Options.s3, .s3UnsignedPayload])
    func s3GetObjectSigning(options: SigV4Signer.Options) throws {
        let credentials = Credentials(accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "s3", options: options)
        var request = SignableRequest(method: "GET", path: "/examplebucket/a b/../test.txt",
                                      headers: [(name: "Host", value: "s3.amazonaws.com"), (name: "Range", value: "bytes=0-9")])
        let result = signer.sign(&request, date: Date(timeIntervalSince1970: 1_369_353_600))
        #expect(result.canonicalRequest.uri == "/examplebucket/a%20b/../test.txt")
        #expect(result.canonicalRequest.signedHeaders == "host;range;x-amz-content-sha256;x-amz-date")
        let expectedHash = options == .s3 ? SigV4Signer.sha256Hex([]) : "UNSIGNED-PAYLOAD"
        #expect(request.header("x-amz-content-sha256") == expectedHash)
        #expect(result.canonicalRequest.payloadHash == expectedHash)
        #expect(request.encodedPath == "/examplebucket/a%20b/../test.txt")
    }

    /// AWS's documented S3 example (GET /test.txt with Range), signature from the S3 SigV4 docs.
    @Test func s3DocumentedExample() {
        let credentials = Credentials(accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "s3", options: .s3)
        var request = SignableRequest(method: "GET", path: "/test.txt",
                                      headers: [(name: "Host", value: "examplebucket.s3.amazonaws.com"), (name: "Range", value: "bytes=0-9")])
        let result = signer.sign(&request, date: Date(timeIntervalSince1970: 1_369_353_600))
        #expect(result.signature == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test func descriptionsNeverShowSecrets() {
        let credentials = Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "SECRET/KEY+x", sessionToken: "TOKEN123")
        let texts = ["\(credentials)", String(reflecting: credentials), { var s = ""; dump(credentials, to: &s); return s }()]
        for text in texts {
            #expect(!text.contains("SECRET/KEY+x"))
            #expect(!text.contains("TOKEN123"))
            #expect(text.contains("AKIDEXAMPLE"))
        }
    }
}

@Suite("Nothing secret in descriptions")
struct RedactionTests {
    @Test func signedRequestsAndSignaturesDescribeWithoutSecrets() throws {
        let signer = SigV4Signer(credentials: Fixtures.credentials, region: "ap-northeast-1", service: "rekognition")
        var request = SignableRequest(method: "POST", path: "/", headers: [(name: "Host", value: "rekognition.ap-northeast-1.amazonaws.com")])
        let signature = signer.sign(&request, date: Date(timeIntervalSince1970: 1_700_000_000))
        let url = try #require(URL(string: "https://rekognition.ap-northeast-1.amazonaws.com/"))
        let http = HTTPRequest(url: url, method: "POST", headers: request.headers, body: [])
        func dumped<T>(_ value: T) -> String { var s = ""; dump(value, to: &s); return s }
        for text in ["\(request)", String(reflecting: request), dumped(request), "\(http)", dumped(http),
                     "\(signature)", dumped(signature), "\(signer)", dumped(signer)] {
            #expect(!text.contains(Fixtures.secret))
            #expect(!text.contains(Fixtures.token))
            #expect(!text.contains(signature.signature))
        }
        #expect("\(request)".contains("X-Amz-Date"))
    }

    @Test func redactMasksSignaturesAndSecrets() {
        let text = Redaction.redact("Credential=AKID/x, SignedHeaders=host, Signature=abcdef0123 and secret S3CR3T!", secrets: ["S3CR3T!"])
        #expect(text == "Credential=AKID/x, SignedHeaders=host, Signature=<redacted> and secret <redacted>")
    }
}
