import AWSBackend
import Crypto
import Foundation
import MockBackend

/// Multipart uploads: Create, UploadPart, Complete, Abort, ListParts, ListMultipartUploads.
extension S3Endpoint {
    /// The smallest part but the last, as S3 has it (5 MiB).
    static let minimumPartSize = 5 * 1024 * 1024

    func createUpload(_ request: ServerRequest, bucket: String, key: String, operation: String) throws -> ServerResponse {
        var algorithm: S3Checksum?
        if let named = request.header("x-amz-checksum-algorithm") {
            guard let chosen = S3Checksum(name: named) else { throw S3Fault.invalidRequest("Checksum algorithm provided is unsupported.") }
            algorithm = chosen
        }
        var type = request.header("x-amz-checksum-type")?.uppercased()
        if let type {
            guard type == "FULL_OBJECT" || type == "COMPOSITE" else { throw S3Fault.invalidRequest("Value for x-amz-checksum-type header is invalid.") }
            guard let algorithm else { throw S3Fault.invalidRequest("The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.") }
            if type == "FULL_OBJECT", algorithm == .sha1 || algorithm == .sha256 {
                throw S3Fault.invalidRequest("The FULL_OBJECT checksum type cannot be used with the \(algorithm.rawValue.lowercased()) checksum algorithm.")
            }
            if type == "COMPOSITE", algorithm == .crc64nvme {
                throw S3Fault.invalidRequest("The COMPOSITE checksum type cannot be used with the crc64nvme checksum algorithm.")
            }
        } else if let algorithm {
            type = algorithm == .crc64nvme ? "FULL_OBJECT" : "COMPOSITE"
        }
        var record = Self.describedRecord(request, key: key, etag: "", contentEncoding: request.header("content-encoding"))
        record.checksumType = type
        let id = try uploads.create(S3MultipartUploads.Upload(bucket: bucket, key: key, initiated: Date().timeIntervalSince1970,
                                                               record: record, checksumAlgorithm: algorithm?.rawValue))
        let xml = S3XML.declaration + "<InitiateMultipartUploadResult xmlns=\"\(S3XML.namespace)\">" + S3XML.element("Bucket", bucket)
            + S3XML.element("Key", key) + S3XML.element("UploadId", id) + "</InitiateMultipartUploadResult>"
        var headers: [(name: String, value: String)] = []
        if let algorithm, let type { headers = [("x-amz-checksum-algorithm", algorithm.rawValue), ("x-amz-checksum-type", type)] }
        return Self.xml(xml, headers: headers, operation: operation)
    }

    /// The upload, or `NoSuchUpload`.
    func upload(_ id: String, bucket: String, key: String) throws -> S3MultipartUploads.Upload {
        guard let upload = uploads.upload(id, bucket: bucket, key: key) else { throw S3Fault.noSuchUpload(id) }
        return upload
    }

    func uploadPart(_ request: ServerRequest, bucket: String, key: String, uploadId: String, query: QueryItems, operation: String) throws -> ServerResponse {
        guard let number = Int(query["partNumber"] ?? ""), (1...10000).contains(number) else {
            throw S3Fault.invalidArgument("Part number must be an integer between 1 and 10000, inclusive", detail: query["partNumber"])
        }
        let upload = try upload(uploadId, bucket: bucket, key: key)
        let payload = try S3Payload(request, expected: upload.checksumAlgorithm.flatMap(S3Checksum.init(name:)))
        let md5 = Self.hex(payload.md5)
        try uploads.writePart(uploadId, part: S3MultipartUploads.Part(number: number, size: payload.bytes.count, md5: md5,
                                                                      checksum: payload.checksum?.value, modified: Date().timeIntervalSince1970),
                              bytes: payload.bytes)
        var headers: [(name: String, value: String)] = [("ETag", "\"\(md5)\"")]
        if let checksum = payload.checksum { headers.append((checksum.algorithm.header, checksum.value)) }
        return ServerResponse(status: 200, headers: headers, operation: operation)
    }

    /// UploadPartCopy: a part made of (a range of) another object, `x-amz-copy-source-range: bytes=a-b`.
    func uploadPartCopy(_ request: ServerRequest, bucket: String, key: String, uploadId: String, source: String, query: QueryItems,
                        operation: String) throws -> ServerResponse {
        guard let number = Int(query["partNumber"] ?? ""), (1...10000).contains(number) else {
            throw S3Fault.invalidArgument("Part number must be an integer between 1 and 10000, inclusive", detail: query["partNumber"])
        }
        let upload = try upload(uploadId, bucket: bucket, key: key)
        let original = try copySource(request, source).object
        var first = 0
        var count = original.size
        if let range = request.header("x-amz-copy-source-range") {
            // Unlike a GET's Range, both ends must be given and lie inside the source.
            let declaredLast = range.split(separator: "-").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard case .part(let start, let last) = S3ByteRange.answer(range, size: original.size), !range.hasPrefix("bytes=-"),
                  let declaredLast, declaredLast == last else {
                throw S3Fault.invalidArgument("Range specified is not valid for source object of size: \(original.size)", detail: range)
            }
            first = start
            count = last - start + 1
        }
        let bytes = try S3FileIO.read(original.file, offset: first, length: count)
        let md5 = Self.hex(Insecure.MD5.hash(data: bytes))
        let checksum = upload.checksumAlgorithm.flatMap(S3Checksum.init(name:)).map { ($0, $0.base64(of: bytes)) }
        let modified = Date().timeIntervalSince1970
        try uploads.writePart(uploadId, part: S3MultipartUploads.Part(number: number, size: bytes.count, md5: md5, checksum: checksum?.1,
                                                                      modified: modified), bytes: bytes)
        var xml = S3XML.declaration + "<CopyPartResult xmlns=\"\(S3XML.namespace)\">" + S3XML.element("ETag", "\"\(md5)\"")
            + S3XML.element("LastModified", HTTPDate.iso8601(modified))
        if let (algorithm, value) = checksum { xml += S3XML.element(algorithm.element, value) }
        xml += "</CopyPartResult>"
        return Self.xml(xml, operation: operation)
    }

    /// CompleteMultipartUpload: the listed parts, in ascending order, each with its ETag (and
    /// checksum), every one but the last at least 5 MiB, become the object; its ETag is the MD5 of
    /// the parts' MD5s, `-N`.
    func completeUpload(_ request: ServerRequest, bucket: String, key: String, uploadId: String, operation: String) throws -> ServerResponse {
        let upload = try upload(uploadId, bucket: bucket, key: key)
        let text = String(decoding: request.body, as: UTF8.self)
        guard let list = S3XML.elements("CompleteMultipartUpload", in: Substring(text)).first else { throw S3Fault.malformedXML }
        let algorithm = upload.checksumAlgorithm.flatMap(S3Checksum.init(name:))
        var asked: [(number: Int, etag: String, checksum: String?)] = []
        for part in S3XML.elements("Part", in: list) {
            guard let number = S3XML.value("PartNumber", in: part).flatMap({ Int($0) }), let etag = S3XML.value("ETag", in: part) else {
                throw S3Fault.malformedXML
            }
            asked.append((number, etag, algorithm.flatMap { S3XML.value($0.element, in: part) }))
        }
        guard !asked.isEmpty else { throw S3Fault.malformedXML }
        for index in asked.indices.dropFirst() where asked[index].number <= asked[index - 1].number { throw S3Fault.invalidPartOrder }
        let stored = Dictionary(uploads.parts(uploadId).map { ($0.number, $0) }, uniquingKeysWith: { _, last in last })
        var parts: [S3MultipartUploads.Part] = []
        for item in asked {
            guard let part = stored[item.number], S3Conditions.unquoted(item.etag) == part.md5 else { throw S3Fault.invalidPart("part \(item.number)") }
            if let sent = item.checksum, sent != part.checksum { throw S3Fault.invalidPart("part \(item.number): checksum") }
            parts.append(part)
        }
        for part in parts.dropLast() where part.size < Self.minimumPartSize { throw S3Fault.entityTooSmall(part: part.number, size: part.size) }
        var md5s: [UInt8] = []
        for part in parts { md5s += Self.bytes(hex: part.md5) }
        var record = upload.record
        record.etag = "\"\(Self.hex(Insecure.MD5.hash(data: md5s)))-\(parts.count)\""
        record.partCount = parts.count
        let fullObject = record.checksumType == "FULL_OBJECT"
        if let algorithm, !fullObject {
            var combined: [UInt8] = []
            for part in parts {
                guard let value = part.checksum, let digest = Data(base64Encoded: value) else { throw S3Fault.invalidPart("part \(part.number): no checksum") }
                combined += digest
            }
            record.checksums = [algorithm.rawValue: algorithm.base64(of: combined) + "-\(parts.count)"]
        }
        if let algorithm, fullObject {
            var checksum = S3Checksum.State(algorithm)
            for part in parts { try S3FileIO.forEachChunk(uploads.partFile(uploadId, part.number)) { checksum.update($0) } }
            let value = checksum.base64()
            if let sent = request.header(algorithm.header), sent != value { throw S3Fault.badDigest(algorithm.rawValue) }
            record.checksums = [algorithm.rawValue: value]
        }
        let finished = record
        let written = try buckets.store(bucket: bucket, key: key) { temporary throws(S3FolderError) in
            for part in parts {
                try S3FileIO.forEachChunk(uploads.partFile(uploadId, part.number)) { chunk throws(S3FolderError) in try temporary.append(chunk) }
            }
            return finished
        }
        uploads.remove(uploadId)
        var xml = S3XML.declaration + "<CompleteMultipartUploadResult xmlns=\"\(S3XML.namespace)\">"
            + S3XML.element("Location", "http://\(request.header("host") ?? "localhost")/\(bucket)/\(URIEncoding.encode(key))")
            + S3XML.element("Bucket", bucket) + S3XML.element("Key", key) + S3XML.element("ETag", record.etag)
        var headers: [(name: String, value: String)] = []
        if let algorithm, let value = written.record?.checksums[algorithm.rawValue], let type = record.checksumType {
            xml += S3XML.element(algorithm.element, value) + S3XML.element("ChecksumType", type)
            headers = [(algorithm.header, value), ("x-amz-checksum-type", type)]
        }
        xml += "</CompleteMultipartUploadResult>"
        return Self.xml(xml, headers: headers, operation: operation)
    }

    func abortUpload(bucket: String, key: String, uploadId: String, operation: String) throws -> ServerResponse {
        _ = try upload(uploadId, bucket: bucket, key: key)
        uploads.remove(uploadId)
        return ServerResponse(status: 204, operation: operation)
    }

    /// ListParts with `max-parts` and `part-number-marker`.
    func listParts(bucket: String, key: String, uploadId: String, query: QueryItems, operation: String) throws -> ServerResponse {
        let upload = try upload(uploadId, bucket: bucket, key: key)
        let maxParts = min(1000, max(0, Int(query["max-parts"] ?? "") ?? 1000))
        let marker = Int(query["part-number-marker"] ?? "") ?? 0
        let all = uploads.parts(uploadId).filter { $0.number > marker }
        let shown = Array(all.prefix(maxParts))
        let algorithm = upload.checksumAlgorithm.flatMap(S3Checksum.init(name:))
        var xml = S3XML.declaration + "<ListPartsResult xmlns=\"\(S3XML.namespace)\">" + S3XML.element("Bucket", bucket)
            + S3XML.element("Key", key) + S3XML.element("UploadId", uploadId)
            + S3XML.element("PartNumberMarker", String(marker)) + S3XML.element("NextPartNumberMarker", String(shown.last?.number ?? marker))
            + S3XML.element("MaxParts", String(maxParts)) + S3XML.element("IsTruncated", all.count > shown.count ? "true" : "false")
        if let algorithm { xml += S3XML.element("ChecksumAlgorithm", algorithm.rawValue) }
        if let type = upload.record.checksumType { xml += S3XML.element("ChecksumType", type) }
        for part in shown {
            xml += "<Part>" + S3XML.element("PartNumber", String(part.number)) + S3XML.element("LastModified", HTTPDate.iso8601(part.modified))
                + S3XML.element("ETag", "\"\(part.md5)\"") + S3XML.element("Size", String(part.size))
            if let algorithm, let checksum = part.checksum { xml += S3XML.element(algorithm.element, checksum) }
            xml += "</Part>"
        }
        xml += S3XML.element("StorageClass", "STANDARD") + "</ListPartsResult>"
        return Self.xml(xml, operation: operation)
    }

    func listUploads(bucket: String, operation: String) -> ServerResponse {
        var xml = S3XML.declaration + "<ListMultipartUploadsResult xmlns=\"\(S3XML.namespace)\">" + S3XML.element("Bucket", bucket)
            + S3XML.element("KeyMarker", "") + S3XML.element("UploadIdMarker", "") + S3XML.element("MaxUploads", "1000")
            + S3XML.element("IsTruncated", "false")
        for (id, upload) in uploads.uploads(bucket: bucket) {
            xml += "<Upload>" + S3XML.element("Key", upload.key) + S3XML.element("UploadId", id)
                + S3XML.element("Initiated", HTTPDate.iso8601(upload.initiated)) + S3XML.element("StorageClass", "STANDARD")
            if let algorithm = upload.checksumAlgorithm { xml += S3XML.element("ChecksumAlgorithm", algorithm) }
            xml += "</Upload>"
        }
        xml += "</ListMultipartUploadsResult>"
        return Self.xml(xml, operation: operation)
    }

    /// The bytes of a hex text (pairs of digits; others skipped).
    static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count - 1, by: 2).compactMap { UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16) }
    }
}
