import Foundation
import Testing
@testable import PanyaServer

/// S3 answers over real sockets: what Hummingbird sends for a range, a HEAD with a range, a 304.
@Suite struct S3LiveTests {
    @Test func rangesAndConditionsOverHTTP() async throws {
        let fixture = try ServerFixture.withObject()
        defer { fixture.removeBuckets() }
        let etag = try #require(fixture.respond(ServerFixture.s3("HEAD", "/bk1/k")).header("ETag"))
        try await LiveServerTests().withServer(fixture) { port in
            let part = try await RawHTTP.exchange(port: port, head: ["GET /bk1/k HTTP/1.1", "Host: 127.0.0.1:\(port)", "Range: bytes=3-4", "Connection: close"], body: [])
            #expect(part.statusLine.hasPrefix("HTTP/1.1 206"))
            #expect(part.body == "34")
            #expect(part.headers["content-range"] == "bytes 3-4/10" && part.headers["content-length"] == "2")
            let head = try await RawHTTP.exchange(port: port, head: ["HEAD /bk1/k HTTP/1.1", "Host: 127.0.0.1:\(port)", "Range: bytes=-4", "Connection: close"],
                                                  body: [], expectBody: false)
            #expect(head.statusLine.hasPrefix("HTTP/1.1 206"))
            #expect(head.headers["content-length"] == "4" && head.headers["content-range"] == "bytes 6-9/10")
            #expect(head.headers["x-amz-request-id"]?.count == 16)
            let unchanged = try await RawHTTP.exchange(port: port, head: ["GET /bk1/k HTTP/1.1", "Host: 127.0.0.1:\(port)", "If-None-Match: \(etag)", "Connection: close"],
                                                       body: [], expectBody: false)
            #expect(unchanged.statusLine.hasPrefix("HTTP/1.1 304"))
            let past = try await RawHTTP.exchange(port: port, head: ["GET /bk1/k HTTP/1.1", "Host: 127.0.0.1:\(port)", "Range: bytes=50-", "Connection: close"], body: [])
            #expect(past.statusLine.hasPrefix("HTTP/1.1 416") && past.headers["content-range"] == "bytes */10")
        }
    }

    /// A presigned URL's query (`X-Amz-*`) reaches the object untouched: it is not a sub-resource.
    @Test func presignedQueryItemsPassThrough() throws {
        let fixture = try ServerFixture.withObject()
        defer { fixture.removeBuckets() }
        let query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=testing%2F20261207%2Fap-northeast-1%2Fs3%2Faws4_request&X-Amz-Date=20261207T050000Z"
            + "&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=" + String(repeating: "0", count: 64)
        #expect(fixture.respond(ServerFixture.s3("GET", "/bk1/k", query: query)).bodyText == "0123456789")
        #expect(fixture.respond(ServerFixture.s3("PUT", "/bk1/up", query: query, body: [1])).status == 200)
        #expect(fixture.respond(ServerFixture.s3("GET", "/bk1/k", query: "tagging")).errorCode == "NotImplemented")
    }
}
