import Crypto
import Foundation

/// The object bytes of a write (PutObject, UploadPart), decoded and checked as S3 checks them:
/// aws-chunked bodies (`Content-Encoding: aws-chunked`, `x-amz-content-sha256: STREAMING-…`) are
/// decoded with their trailing headers; `x-amz-content-sha256`, `Content-MD5` and one
/// `x-amz-checksum-*` (header or trailer) are verified.
struct S3Payload {
    /// The object's bytes.
    var bytes: [UInt8]
    /// Their MD5 (the ETag of a simple upload).
    var md5: [UInt8]
    /// The checksum sent (verified) or computed for the announced algorithm, if any.
    var checksum: (algorithm: S3Checksum, value: String)?
    /// The Content-Encoding to keep with the object (`aws-chunked` taken out); nil when none is left.
    var contentEncoding: String?

    /// Reads and checks the request's body; `expected` is the algorithm the upload announced
    /// (a multipart upload's), whose checksum is computed when the part does not send one.
    init(_ request: ServerRequest, expected: S3Checksum? = nil) throws(S3Fault) {
        let encodings = (request.header("content-encoding") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let contentSHA256 = request.header("x-amz-content-sha256") ?? ""
        let chunked = encodings.contains { $0.lowercased() == "aws-chunked" } || contentSHA256.hasPrefix("STREAMING-")
        let rest = encodings.filter { $0.lowercased() != "aws-chunked" }
        contentEncoding = rest.isEmpty ? nil : rest.joined(separator: ",")
        var trailers: [String: String] = [:]
        if chunked {
            (bytes, trailers) = try Self.decodeChunks(request.body)
            if let announced = request.header("x-amz-decoded-content-length") {
                guard Int(announced) == bytes.count else { throw S3Fault.incompleteBody }
            }
            for name in (request.header("x-amz-trailer") ?? "").split(separator: ",") {
                let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
                guard trailers[trimmed] != nil else { throw S3Fault.malformedTrailer }
            }
        } else {
            bytes = request.body
        }
        if contentSHA256.utf8.count == 64, contentSHA256.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) {
            guard SHA256.hash(data: bytes).map(S3Payload.hexByte).joined() == contentSHA256 else { throw S3Fault.contentSHA256Mismatch }
        }
        md5 = Array(Insecure.MD5.hash(data: bytes))
        if let sent = request.header("content-md5") {
            guard let digest = Data(base64Encoded: sent.trimmingCharacters(in: .whitespaces)), digest.count == 16 else { throw S3Fault.invalidDigest }
            guard [UInt8](digest) == md5 else { throw S3Fault.badDigest("Content-MD5") }
        }
        var sent: [(S3Checksum, String)] = []
        for algorithm in S3Checksum.allCases {
            if let value = request.header(algorithm.header) ?? trailers[algorithm.header] { sent.append((algorithm, value)) }
        }
        guard sent.count <= 1 else { throw S3Fault.invalidRequest("Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.") }
        if let (algorithm, value) = sent.first {
            if let expected, expected != algorithm {
                throw S3Fault.invalidRequest("Checksum Type mismatch occurred, expected checksum Type: \(expected.rawValue.lowercased()), actual checksum Type: \(algorithm.rawValue.lowercased())")
            }
            guard let digest = Data(base64Encoded: value.trimmingCharacters(in: .whitespaces)), digest.count == algorithm.byteCount else {
                throw S3Fault.invalidRequest("Value for \(algorithm.header) header is invalid.")
            }
            let computed = algorithm.base64(of: bytes)
            guard computed == Data(digest).base64EncodedString() else { throw S3Fault.badDigest(algorithm.rawValue) }
            checksum = (algorithm, computed)
        } else if let named = request.header("x-amz-sdk-checksum-algorithm") ?? request.header("x-amz-checksum-algorithm") {
            guard let algorithm = S3Checksum(name: named) else { throw S3Fault.invalidRequest("Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]") }
            checksum = (algorithm, algorithm.base64(of: bytes))
        } else if let expected {
            checksum = (expected, expected.base64(of: bytes))
        }
    }

    /// Two hex digits.
    static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// An aws-chunked body's data and trailing headers (names lowercased):
    /// `<hex size>[;chunk-signature=…]\r\n<data>\r\n … 0[;…]\r\n[name:value\r\n]*\r\n`.
    static func decodeChunks(_ body: [UInt8]) throws(S3Fault) -> (bytes: [UInt8], trailers: [String: String]) {
        var data: [UInt8] = []
        data.reserveCapacity(body.count)
        var index = 0
        func line() throws(S3Fault) -> String {
            var end = index
            while end + 1 < body.count, !(body[end] == 13 && body[end + 1] == 10) { end += 1 }
            guard end + 1 < body.count else { throw S3Fault.incompleteBody }
            let text = String(decoding: body[index..<end], as: UTF8.self)
            index = end + 2
            return text
        }
        while true {
            let header = try line()
            let sizeText = header.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0 else { throw S3Fault.incompleteBody }
            if size == 0 { break }
            guard index + size + 2 <= body.count, body[index + size] == 13, body[index + size + 1] == 10 else { throw S3Fault.incompleteBody }
            data.append(contentsOf: body[index..<index + size])
            index += size + 2
        }
        var trailers: [String: String] = [:]
        while index < body.count {
            let text = try line()
            if text.isEmpty { break }
            guard let colon = text.firstIndex(of: ":") else { throw S3Fault.malformedTrailer }
            trailers[text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()] =
                text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (data, trailers)
    }
}
