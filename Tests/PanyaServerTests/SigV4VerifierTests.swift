import AWSBackend
import Foundation
import Testing
@testable import PanyaServer

/// The credential's scope (region, service), the clock's skew both ways, and presigned URLs.
@Suite struct SigV4VerifierTests {
    static let keys = AuthenticationTests.keys

    func signed(_ request: ServerRequest, region: String = "ap-northeast-1", service: String, date: Date = Date()) -> ServerRequest {
        var signable = SignableRequest(method: request.method, path: URIEncoding.decode(request.rawPath), query: QueryItems(request.rawQuery).signable,
                                       headers: request.headers, body: request.body)
        let signer = SigV4Signer(credentials: Credentials(accessKeyId: "AKIAPANYATEST0000001", secretAccessKey: "right-secret"), region: region,
                                 service: service, options: service == "s3" ? .s3 : .standard)
        signer.sign(&signable, date: date)
        var copy = request
        copy.headers = signable.headers
        return copy
    }

    /// A presigned URL's query for `request` (as boto3's generate_presigned_url makes it for S3: UNSIGNED-PAYLOAD, host signed).
    static func presigned(_ request: ServerRequest, region: String = "ap-northeast-1", date: Date, expires: Int, secret: String = "right-secret") -> ServerRequest {
        let amzDate = SigV4Signer.amzDate(date)
        let credential = "AKIAPANYATEST0000001/\(amzDate.prefix(8))/\(region)/s3/aws4_request"
        let items: [(String, String)] = [("X-Amz-Algorithm", "AWS4-HMAC-SHA256"), ("X-Amz-Credential", credential), ("X-Amz-Date", amzDate),
                                         ("X-Amz-Expires", String(expires)), ("X-Amz-SignedHeaders", "host")]
        var signable = SignableRequest(method: request.method, path: URIEncoding.decode(request.rawPath),
                                       query: items.map { SignableRequest.QueryItem(name: $0.0, value: $0.1) })
        signable.headers = [(name: "host", value: request.header("host") ?? "")]
        let canonical = CanonicalRequest(request: signable, normalizePath: false, payloadHash: "UNSIGNED-PAYLOAD")
        let signer = SigV4Signer(credentials: Credentials(accessKeyId: "AKIAPANYATEST0000001", secretAccessKey: secret), region: region, service: "s3")
        let signature = signer.signature(of: canonical, amzDate: amzDate).signature
        var copy = request
        copy.rawQuery = (items + [("X-Amz-Signature", signature)]).map { "\($0.0)=\(URIEncoding.encode($0.1))" }.joined(separator: "&")
        return copy
    }

    @Test func aRequestSignedForAnotherRegionIsRefusedAsEachServiceSays() throws {
        let fixture = try ServerFixture(authentication: .keys(Self.keys))
        defer { fixture.removeBuckets() }
        let rekognition = fixture.respond(signed(ServerFixture.rekognition("DescribeProjects", "{}"), region: "us-west-2", service: "rekognition"))
        #expect(rekognition.errorType == "InvalidSignatureException")
        #expect(rekognition.bodyText.contains("Credential should be scoped to a valid region"))
        let s3 = fixture.respond(signed(ServerFixture.s3("PUT", "/bk1"), region: "us-west-2", service: "s3"))
        #expect(s3.status == 400)
        #expect(s3.errorCode == "AuthorizationHeaderMalformed")
        #expect(s3.bodyText.contains("the region &apos;us-west-2&apos; is wrong; expecting &apos;ap-northeast-1&apos;"))
    }

    @Test func theServersRegionIsAnOption() throws {
        let fixture = try ServerFixture(authentication: .keys(Self.keys)) { $0.region = "us-west-2" }
        defer { fixture.removeBuckets() }
        #expect(fixture.respond(signed(ServerFixture.rekognition("DescribeProjects", "{}"), region: "us-west-2", service: "rekognition")).status == 200)
        #expect(fixture.respond(signed(ServerFixture.rekognition("DescribeProjects", "{}"), service: "rekognition")).errorType == "InvalidSignatureException")
    }

    @Test func aRequestSignedForAnotherServiceIsRefused() throws {
        let fixture = try ServerFixture(authentication: .keys(Self.keys))
        defer { fixture.removeBuckets() }
        let response = fixture.respond(signed(ServerFixture.rekognition("DescribeProjects", "{}"), service: "s3"))
        #expect(response.errorType == "InvalidSignatureException")
        #expect(response.bodyText.contains("Credential should be scoped to correct service: 'rekognition'"))
    }

    @Test func aRequestFromTheFutureIsNotYetCurrentNotExpired() throws {
        let fixture = try ServerFixture(authentication: .keys(Self.keys))
        defer { fixture.removeBuckets() }
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        let future = signed(ServerFixture.rekognition("DescribeProjects", "{}"), service: "rekognition", date: now.addingTimeInterval(20 * 60))
        let response = fixture.server.dispatcher.respond(to: future, now: now)
        #expect(response.errorType == "InvalidSignatureException")
        let expected = "Signature not yet current: \(SigV4Signer.amzDate(now.addingTimeInterval(1200))) is still later than "
            + "\(SigV4Signer.amzDate(now.addingTimeInterval(900))) (\(SigV4Signer.amzDate(now)) + 15 min.)"
        #expect(response.bodyText.contains(expected))
        let past = signed(ServerFixture.rekognition("DescribeProjects", "{}"), service: "rekognition", date: now.addingTimeInterval(-20 * 60))
        #expect(fixture.server.dispatcher.respond(to: past, now: now).bodyText.contains(
            "Signature expired: \(SigV4Signer.amzDate(now.addingTimeInterval(-1200))) is now earlier than \(SigV4Signer.amzDate(now.addingTimeInterval(-900)))"))
        let soon = signed(ServerFixture.rekognition("DescribeProjects", "{}"), service: "rekognition", date: now.addingTimeInterval(14 * 60))
        #expect(fixture.server.dispatcher.respond(to: soon, now: now).status == 200)
        let s3 = fixture.server.dispatcher.respond(to: signed(ServerFixture.s3("PUT", "/bk1"), service: "s3", date: now.addingTimeInterval(20 * 60)), now: now)
        #expect(s3.status == 403)
        #expect(s3.errorCode == "RequestTimeTooSkewed")
    }

    @Test func presignedURLsWorkUntilTheyExpire() throws {
        let fixture = try ServerFixture(authentication: .keys(Self.keys))
        defer { fixture.removeBuckets() }
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        let put = Self.presigned(ServerFixture.s3("PUT", "/bk1/パン.jpg".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "", body: [1, 2, 3]),
                                 date: now, expires: 3600)
        #expect(fixture.server.dispatcher.respond(to: signed(ServerFixture.s3("PUT", "/bk1"), service: "s3", date: now), now: now).status == 200)
        #expect(fixture.server.dispatcher.respond(to: put, now: now.addingTimeInterval(60)).status == 200)
        let get = Self.presigned(ServerFixture.s3("GET", "/bk1/パン.jpg".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? ""),
                                 date: now, expires: 3600)
        let got = fixture.server.dispatcher.respond(to: get, now: now.addingTimeInterval(3000))
        #expect(got.status == 200)
        #expect(got.body == [1, 2, 3])
        let late = fixture.server.dispatcher.respond(to: get, now: now.addingTimeInterval(3700))
        #expect(late.status == 403)
        #expect(late.errorCode == "AccessDenied")
        #expect(late.bodyText.contains("Request has expired"))
        let wrong = Self.presigned(ServerFixture.s3("GET", "/bk1/x"), date: now, expires: 60, secret: "wrong")
        #expect(fixture.server.dispatcher.respond(to: wrong, now: now).errorCode == "SignatureDoesNotMatch")
        var incomplete = get
        incomplete.rawQuery = incomplete.rawQuery.replacingOccurrences(of: "X-Amz-Expires=3600&", with: "")
        #expect(fixture.server.dispatcher.respond(to: incomplete, now: now).errorCode == "AuthorizationQueryParametersError")
    }

    /// The official presigning vectors (`query-*`): the verifier accepts each signed request at its time.
    @Test(arguments: ["get-vanilla-query", "post-vanilla-query", "get-vanilla", "post-vanilla", "get-unreserved"])
    func theOfficialPresignedVectorsVerify(name: String) throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AWSBackendTests/sigv4-test-suite/\(name)")
        let text = try String(contentsOf: folder.appendingPathComponent("query-signed-request.txt"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let requestLine = try #require(lines.first).split(separator: " ")
        let target = String(requestLine[1])
        let (path, query) = target.firstIndex(of: "?").map { (String(target[..<$0]), String(target[target.index(after: $0)...])) } ?? (target, "")
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() where line.contains(":") {
            let colon = try #require(line.firstIndex(of: ":"))
            headers.append((name: String(line[..<colon]), value: String(line[line.index(after: colon)...])))
        }
        let request = ServerRequest(method: String(requestLine[0]), rawPath: path, rawQuery: query, headers: headers)
        let verifier = SigV4Verifier(keys: AccessKeys(pairs: [AccessKeys.Pair(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")]),
                                     region: "us-east-1")
        let signedAt = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z
        try verifier.verify(request, service: "service", now: signedAt.addingTimeInterval(60))
        #expect(throws: SigV4Verifier.Refusal.self) { try verifier.verify(request, service: "service", now: signedAt.addingTimeInterval(3700)) }
    }
}
