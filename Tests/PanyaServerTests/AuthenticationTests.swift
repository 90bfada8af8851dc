import AWSBackend
import Foundation
import Testing
@testable import PanyaServer

@Suite struct AuthenticationTests {
    static let keys = AccessKeys(pairs: [AccessKeys.Pair(accessKeyId: "AKIAPANYATEST0000001", secretAccessKey: "right-secret")])

    /// Signs a server request as botocore would (host, content type, target, date; S3 with the payload hash).
    func signed(_ request: ServerRequest, id: String = "AKIAPANYATEST0000001", secret: String = "right-secret", service: String, date: Date = Date()) -> ServerRequest {
        var signable = SignableRequest(method: request.method, path: URIEncoding.decode(request.rawPath), query: QueryItems(request.rawQuery).signable,
                                       headers: request.headers, body: request.body)
        let signer = SigV4Signer(credentials: Credentials(accessKeyId: id, secretAccessKey: secret), region: "ap-northeast-1", service: service,
                                 options: service == "s3" ? .s3 : .standard)
        signer.sign(&signable, date: date)
        var copy = request
        copy.headers = signable.headers
        return copy
    }

    @Test func theRightKeyIsAccepted() throws {
        let fixture = try ServerFixture(authentication: .keys(Self.keys))
        defer { fixture.removeBuckets() }
        let response = fixture.respond(signed(ServerFixture.rekognition("DescribeProjects", "{}"), service: "rekognition"))
        #expect(response.status == 200)
        let bucket = fixture.respond(signed(ServerFixture.s3("PUT", "/bk1"), service: "s3"))
        #expect(bucket.status == 200)
        let put = fixture.respond(signed(ServerFixture.s3("PUT", "/bk1/パン 1.jpg".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "", body: [1, 2]), service: "s3"))
        #expect(put.status == 200)
    }

    @Test func aWrongSecretIsRefusedAsEachServiceSays() throws {
        let fixture = try ServerFixture(authentication: .keys(Self.keys))
        defer { fixture.removeBuckets() }
        let rekognition = fixture.respond(signed(ServerFixture.rekognition("DescribeProjects", "{}"), secret: "wrong", service: "rekognition"))
        #expect(rekognition.status == 400)
        #expect(rekognition.errorType == "InvalidSignatureException")
        let s3 = fixture.respond(signed(ServerFixture.s3("PUT", "/bk1"), secret: "wrong", service: "s3"))
        #expect(s3.status == 403)
        #expect(s3.errorCode == "SignatureDoesNotMatch")
        #expect(!rekognition.bodyText.contains("right-secret") && !(rekognition.detail ?? "").contains("right-secret"))
    }

    @Test func anUnknownKeyIsRefused() throws {
        let fixture = try ServerFixture(authentication: .keys(Self.keys))
        defer { fixture.removeBuckets() }
        let rekognition = fixture.respond(signed(ServerFixture.rekognition("DescribeProjects", "{}"), id: "AKIAUNKNOWN", service: "rekognition"))
        #expect(rekognition.errorType == "UnrecognizedClientException")
        let s3 = fixture.respond(signed(ServerFixture.s3("GET", "/bk1", query: "list-type=2"), id: "AKIAUNKNOWN", service: "s3"))
        #expect(s3.errorCode == "InvalidAccessKeyId")
        #expect(fixture.respond(ServerFixture.rekognition("DescribeProjects", "{}")).errorType == "MissingAuthenticationTokenException")
    }

    @Test func aChangedBodyIsRefused() throws {
        let fixture = try ServerFixture(authentication: .keys(Self.keys))
        defer { fixture.removeBuckets() }
        var request = signed(ServerFixture.rekognition("DescribeProjects", "{}"), service: "rekognition")
        request.body = Array(#"{"ProjectNames":["x"]}"#.utf8)
        #expect(fixture.respond(request).errorType == "InvalidSignatureException")
    }

    @Test func clockSkewOverFifteenMinutesIsRefused() throws {
        let fixture = try ServerFixture(authentication: .keys(Self.keys))
        defer { fixture.removeBuckets() }
        let old = signed(ServerFixture.rekognition("DescribeProjects", "{}"), service: "rekognition", date: Date().addingTimeInterval(-16 * 60))
        let response = fixture.respond(old)
        #expect(response.errorType == "InvalidSignatureException")
        #expect(response.bodyText.contains("Signature expired"))
        let recent = signed(ServerFixture.rekognition("DescribeProjects", "{}"), service: "rekognition", date: Date().addingTimeInterval(-14 * 60))
        #expect(fixture.respond(recent).status == 200)
    }

    @Test func keyFiles() throws {
        let keys = try AccessKeys.parse("# keys\n\nAKIA1 secret1\nAKIA2\tsecret2\n", file: "keys.txt")
        #expect(keys.pairs.map(\.accessKeyId) == ["AKIA1", "AKIA2"])
        #expect(keys.secret(for: "AKIA2") == "secret2")
        #expect(throws: ServerError.badKeyLine(file: "keys.txt", line: 2)) { try AccessKeys.parse("AKIA1 s\nonlyone\n", file: "keys.txt") }
        #expect(throws: ServerError.noKeys(file: "k")) { try AccessKeys.parse("# nothing\n", file: "k") }
        #expect(ServerError.badKeyLine(file: "keys.txt", line: 2).message.en == "keys.txt: line 2: expected 'ACCESS_KEY_ID SECRET' (two words, ASCII, separated by a space)")
        let generated = AccessKeys.generate()
        #expect(generated.pairs.count == 1 && generated.pairs[0].accessKeyId.hasPrefix("AKIA") && generated.pairs[0].secretAccessKey.count == 40)
        #expect(try AccessKeys.parse(generated.fileText, file: "g") == generated)
    }
}
