import Crypto
import Foundation
import Testing
@testable import PanyaServer

@Suite struct S3PayloadTests {
    static func request(_ headers: [(String, String)], body: [UInt8]) -> ServerRequest {
        ServerRequest(method: "PUT", rawPath: "/bk1/k", headers: headers.map { (name: $0.0, value: $0.1) }, body: body)
    }

    /// An aws-chunked body of `data` in chunks of `size`, with a trailer, as botocore sends it.
    static func chunked(_ data: [UInt8], size: Int, signed: Bool, trailer: String?) -> [UInt8] {
        var body: [UInt8] = []
        var start = 0
        repeat {
            let piece = Array(data[start..<min(start + size, data.count)])
            let extensionText = signed ? ";chunk-signature=" + String(repeating: "a", count: 64) : ""
            body += Array((String(piece.count, radix: 16) + extensionText + "\r\n").utf8)
            if piece.isEmpty { break }
            body += piece + Array("\r\n".utf8)
            start += size
            if start >= data.count {
                body += Array(("0" + extensionText + "\r\n").utf8)
                break
            }
        } while true
        if let trailer { body += Array((trailer + "\r\n").utf8) }
        body += Array("\r\n".utf8)
        return body
    }

    @Test(arguments: [false, true])
    func awsChunkedBodiesAreDecodedWithTheirTrailingChecksum(signed: Bool) throws {
        let data = (0..<1000).map { UInt8(truncatingIfNeeded: $0) }
        let crc = S3Checksum.crc32.base64(of: data)
        let body = Self.chunked(data, size: 300, signed: signed, trailer: "x-amz-checksum-crc32:" + crc)
        let payload = try S3Payload(Self.request([
            ("Content-Encoding", "aws-chunked"), ("x-amz-content-sha256", signed ? "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER" : "STREAMING-UNSIGNED-PAYLOAD-TRAILER"),
            ("x-amz-decoded-content-length", "1000"), ("x-amz-trailer", "x-amz-checksum-crc32"),
        ], body: body))
        #expect(payload.bytes == data)
        #expect(payload.checksum?.algorithm == .crc32)
        #expect(payload.checksum?.value == crc)
        #expect(payload.contentEncoding == nil)
    }

    @Test func aWrongTrailingChecksumIsBadDigest() {
        let data = Array("hello".utf8)
        let body = Self.chunked(data, size: 64, signed: false, trailer: "x-amz-checksum-crc32c:" + S3Checksum.crc32c.base64(of: Array("other".utf8)))
        #expect(throws: S3Fault.badDigest("CRC32C")) {
            try S3Payload(Self.request([("Content-Encoding", "aws-chunked,gzip"), ("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER")], body: body))
        }
    }

    @Test func aMissingTrailerOrAShortBodyIsRefused() {
        let data = Array("hello".utf8)
        #expect(throws: S3Fault.malformedTrailer) {
            try S3Payload(Self.request([("Content-Encoding", "aws-chunked"), ("x-amz-trailer", "x-amz-checksum-crc32")],
                                       body: Self.chunked(data, size: 64, signed: false, trailer: nil)))
        }
        #expect(throws: S3Fault.incompleteBody) {
            try S3Payload(Self.request([("Content-Encoding", "aws-chunked"), ("x-amz-decoded-content-length", "6")],
                                       body: Self.chunked(data, size: 64, signed: false, trailer: nil)))
        }
        #expect(throws: S3Fault.incompleteBody) {
            try S3Payload(Self.request([("Content-Encoding", "aws-chunked")], body: Array("a\r\nhello".utf8)))
        }
    }

    @Test func contentMD5IsChecked() throws {
        let data = Array("bread".utf8)
        let md5 = Data(Insecure.MD5.hash(data: data)).base64EncodedString()
        #expect(try S3Payload(Self.request([("Content-MD5", md5)], body: data)).md5 == Array(Insecure.MD5.hash(data: data)))
        #expect(throws: S3Fault.invalidDigest) { try S3Payload(Self.request([("Content-MD5", "not base64!")], body: data)) }
        #expect(throws: S3Fault.invalidDigest) { try S3Payload(Self.request([("Content-MD5", "AAAA")], body: data)) }
        #expect(throws: S3Fault.badDigest("Content-MD5")) {
            try S3Payload(Self.request([("Content-MD5", Data(Insecure.MD5.hash(data: [1])).base64EncodedString())], body: data))
        }
    }

    @Test(arguments: S3Checksum.allCases)
    func headerChecksumsAreVerified(algorithm: S3Checksum) throws {
        let data = Array("melon pan".utf8)
        let right = algorithm.base64(of: data)
        #expect(try S3Payload(Self.request([(algorithm.header, right)], body: data)).checksum?.value == right)
        #expect(throws: S3Fault.badDigest(algorithm.rawValue)) {
            try S3Payload(Self.request([(algorithm.header, algorithm.base64(of: [0]))], body: data))
        }
        #expect(throws: S3Fault.invalidRequest("Value for \(algorithm.header) header is invalid.")) {
            try S3Payload(Self.request([(algorithm.header, "AAAA")], body: data))
        }
    }

    @Test func twoChecksumsOrAWrongContentSHA256AreRefused() {
        let data = Array("x".utf8)
        #expect(throws: S3Fault.self) {
            try S3Payload(Self.request([("x-amz-checksum-crc32", S3Checksum.crc32.base64(of: data)), ("x-amz-checksum-sha1", S3Checksum.sha1.base64(of: data))], body: data))
        }
        #expect(throws: S3Fault.contentSHA256Mismatch) {
            try S3Payload(Self.request([("x-amz-content-sha256", String(repeating: "0", count: 64))], body: data))
        }
    }

    @Test func anAnnouncedAlgorithmIsComputed() throws {
        let data = Array("anpan".utf8)
        let payload = try S3Payload(Self.request([("x-amz-sdk-checksum-algorithm", "SHA256")], body: data))
        #expect(payload.checksum?.algorithm == .sha256)
        #expect(payload.checksum?.value == S3Checksum.sha256.base64(of: data))
    }
}
