import Crypto
import Foundation
import MockBackend
import Testing
@testable import PanyaServer

@Suite struct S3MultipartTests {
    static let mebibyte = 1024 * 1024

    /// Starts an upload of `bk1/big.bin`; returns its id.
    static func start(_ fixture: ServerFixture, headers: [(String, String)] = []) throws -> String {
        let answer = fixture.respond(ServerFixture.s3("POST", "/bk1/big.bin", query: "uploads", headers: headers))
        #expect(answer.status == 200)
        return try #require(answer.bodyText.components(separatedBy: "<UploadId>").dropFirst().first?.components(separatedBy: "<")[0])
    }

    static func part(_ fixture: ServerFixture, _ id: String, _ number: Int, _ bytes: [UInt8], headers: [(String, String)] = []) -> ServerResponse {
        fixture.respond(ServerFixture.s3("PUT", "/bk1/big.bin", query: "partNumber=\(number)&uploadId=\(id)", headers: headers, body: bytes))
    }

    static func complete(_ fixture: ServerFixture, _ id: String, _ parts: [(Int, String)], extra: [Int: String] = [:]) -> ServerResponse {
        let list = parts.map { "<Part><PartNumber>\($0.0)</PartNumber><ETag>\(S3XML.escape($0.1))</ETag>\(extra[$0.0] ?? "")</Part>" }.joined()
        return fixture.respond(ServerFixture.s3("POST", "/bk1/big.bin", query: "uploadId=\(id)", body: Array("<CompleteMultipartUpload>\(list)</CompleteMultipartUpload>".utf8)))
    }

    @Test func partsBecomeOneObjectWithTheMultipartETag() throws {
        let fixture = try ServerFixture.withObject()
        defer { fixture.removeBuckets() }
        let id = try Self.start(fixture, headers: [("Content-Type", "application/x-bread"), ("x-amz-meta-tray", "3")])
        let first = [UInt8](repeating: 7, count: 5 * Self.mebibyte)
        let second = Array("the last part may be small".utf8)
        let etag1 = try #require(Self.part(fixture, id, 1, first).header("ETag"))
        let etag2 = try #require(Self.part(fixture, id, 2, second).header("ETag"))
        let listed = fixture.respond(ServerFixture.s3("GET", "/bk1/big.bin", query: "uploadId=\(id)")).bodyText
        #expect(listed.contains("<PartNumber>1</PartNumber>") && listed.contains("<Size>\(first.count)</Size>") && listed.contains("<PartNumber>2</PartNumber>"))
        let uploads = fixture.respond(ServerFixture.s3("GET", "/bk1", query: "uploads")).bodyText
        #expect(uploads.contains("<Key>big.bin</Key><UploadId>\(id)</UploadId>"))
        // Parts in progress never show in a listing.
        #expect(!fixture.respond(ServerFixture.s3("GET", "/bk1", query: "list-type=2")).bodyText.contains("big.bin"))
        let done = Self.complete(fixture, id, [(1, etag1), (2, etag2)])
        #expect(done.status == 200)
        let md5s = Array(Insecure.MD5.hash(data: first)) + Array(Insecure.MD5.hash(data: second))
        let expected = "\"\(S3Endpoint.hex(Insecure.MD5.hash(data: md5s)))-2\""
        #expect(done.bodyText.contains("<ETag>\(S3XML.escape(expected))</ETag>"))
        let got = fixture.respond(ServerFixture.s3("GET", "/bk1/big.bin"))
        #expect(got.body == first + second)
        #expect(got.header("ETag") == expected)
        #expect(got.header("Content-Type") == "application/x-bread" && got.header("x-amz-meta-tray") == "3")
        let ranged = fixture.respond(ServerFixture.s3("GET", "/bk1/big.bin", headers: [("Range", "bytes=\(first.count - 2)-\(first.count + 2)")]))
        #expect(ranged.body == [7, 7] + Array("the".utf8))
        // The upload is gone: completing again is NoSuchUpload, and its folder was removed.
        #expect(Self.complete(fixture, id, [(1, etag1), (2, etag2)]).errorCode == "NoSuchUpload")
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.s3Root + "/.panya-s3/multipart").isEmpty)
    }

    @Test func completeChecksOrderETagsAndSizes() throws {
        let fixture = try ServerFixture.withObject()
        defer { fixture.removeBuckets() }
        let id = try Self.start(fixture)
        let etag1 = try #require(Self.part(fixture, id, 1, [1, 2, 3]).header("ETag"))
        let etag2 = try #require(Self.part(fixture, id, 2, [4, 5]).header("ETag"))
        #expect(Self.complete(fixture, id, [(2, etag2), (1, etag1)]).errorCode == "InvalidPartOrder")
        #expect(Self.complete(fixture, id, [(1, etag1), (3, etag2)]).errorCode == "InvalidPart")
        #expect(Self.complete(fixture, id, [(1, "\"0123\""), (2, etag2)]).errorCode == "InvalidPart")
        let small = Self.complete(fixture, id, [(1, etag1), (2, etag2)])
        #expect(small.status == 400 && small.errorCode == "EntityTooSmall")
        #expect(fixture.respond(ServerFixture.s3("POST", "/bk1/big.bin", query: "uploadId=\(id)", body: Array("<x/>".utf8))).errorCode == "MalformedXML")
        // One small part alone is fine (it is the last).
        let single = Self.complete(fixture, id, [(2, etag2)])
        #expect(single.status == 200)
        #expect(fixture.respond(ServerFixture.s3("GET", "/bk1/big.bin")).body == [4, 5])
    }

    @Test func abortRemovesTheParts() throws {
        let fixture = try ServerFixture.withObject()
        defer { fixture.removeBuckets() }
        let id = try Self.start(fixture)
        _ = Self.part(fixture, id, 1, [1])
        #expect(fixture.respond(ServerFixture.s3("DELETE", "/bk1/big.bin", query: "uploadId=\(id)")).status == 204)
        #expect(fixture.respond(ServerFixture.s3("DELETE", "/bk1/big.bin", query: "uploadId=\(id)")).errorCode == "NoSuchUpload")
        #expect(Self.part(fixture, id, 2, [1]).errorCode == "NoSuchUpload")
        #expect(Self.part(fixture, "../../etc", 1, [1]).errorCode == "NoSuchUpload")
        #expect(fixture.respond(ServerFixture.s3("GET", "/bk1/big.bin")).status == 404)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.s3Root + "/.panya-s3/multipart").isEmpty)
        let bad = Self.part(fixture, try Self.start(fixture), 0, [1])
        #expect(bad.errorCode == "InvalidArgument")
    }

    @Test func compositeAndFullObjectChecksums() throws {
        let fixture = try ServerFixture.withObject()
        defer { fixture.removeBuckets() }
        let data = Array("only part".utf8)
        let composite = try Self.start(fixture, headers: [("x-amz-checksum-algorithm", "CRC32")])
        let crc = S3Checksum.crc32.base64(of: data)
        let part = Self.part(fixture, composite, 1, data, headers: [("x-amz-checksum-crc32", crc)])
        #expect(part.header("x-amz-checksum-crc32") == crc)
        let etag = try #require(part.header("ETag"))
        let done = Self.complete(fixture, composite, [(1, etag)], extra: [1: "<ChecksumCRC32>\(crc)</ChecksumCRC32>"])
        let whole = S3Checksum.crc32.base64(of: try #require(Data(base64Encoded: crc)).map { $0 }) + "-1"
        #expect(done.bodyText.contains("<ChecksumCRC32>\(whole)</ChecksumCRC32><ChecksumType>COMPOSITE</ChecksumType>"))
        let got = fixture.respond(ServerFixture.s3("HEAD", "/bk1/big.bin", headers: [("x-amz-checksum-mode", "ENABLED")]))
        #expect(got.header("x-amz-checksum-crc32") == whole && got.header("x-amz-checksum-type") == "COMPOSITE")

        let full = try Self.start(fixture, headers: [("x-amz-checksum-algorithm", "CRC64NVME")])
        let fullETag = try #require(Self.part(fixture, full, 1, data).header("ETag"))
        _ = Self.complete(fixture, full, [(1, fullETag)])
        let fullGot = fixture.respond(ServerFixture.s3("GET", "/bk1/big.bin", headers: [("x-amz-checksum-mode", "ENABLED")]))
        #expect(fullGot.header("x-amz-checksum-crc64nvme") == S3Checksum.crc64nvme.base64(of: data))
        #expect(fullGot.header("x-amz-checksum-type") == "FULL_OBJECT")
        let refused = fixture.respond(ServerFixture.s3("POST", "/bk1/big.bin", query: "uploads", headers: [("x-amz-checksum-algorithm", "SHA256"), ("x-amz-checksum-type", "FULL_OBJECT")]))
        #expect(refused.errorCode == "InvalidRequest")
        let mismatch = try Self.start(fixture, headers: [("x-amz-checksum-algorithm", "CRC32")])
        #expect(Self.part(fixture, mismatch, 1, data, headers: [("x-amz-checksum-sha1", S3Checksum.sha1.base64(of: data))]).errorCode == "InvalidRequest")
    }

    @Test func uploadPartCopyTakesARangeOfAnotherObject() throws {
        let fixture = try ServerFixture.withObject()
        defer { fixture.removeBuckets() }
        let id = try Self.start(fixture)
        let copied = fixture.respond(ServerFixture.s3("PUT", "/bk1/big.bin", query: "partNumber=1&uploadId=\(id)",
                                                      headers: [("x-amz-copy-source", "/bk1/k"), ("x-amz-copy-source-range", "bytes=2-4")]))
        #expect(copied.status == 200)
        let etag = S3Endpoint.etag(Array("234".utf8))
        #expect(copied.bodyText.contains("<CopyPartResult") && copied.bodyText.contains("<ETag>\(S3XML.escape(etag))</ETag>"))
        let outside = fixture.respond(ServerFixture.s3("PUT", "/bk1/big.bin", query: "partNumber=2&uploadId=\(id)",
                                                       headers: [("x-amz-copy-source", "/bk1/k"), ("x-amz-copy-source-range", "bytes=5-20")]))
        #expect(outside.errorCode == "InvalidArgument")
        #expect(Self.complete(fixture, id, [(1, etag)]).status == 200)
        #expect(fixture.respond(ServerFixture.s3("GET", "/bk1/big.bin")).bodyText == "234")
    }
}
