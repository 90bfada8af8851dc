import AWSBackend
import Crypto
import Foundation
import MockBackend

/// PutObject, GetObject / HeadObject (ranges, conditions, checksums, metadata) and CopyObject.
extension S3Endpoint {
    /// The headers S3 keeps with an object and sends back (besides Content-Type and the user's metadata).
    static let storedHeaders = ["Cache-Control", "Content-Disposition", "Content-Language", "Expires"]

    /// What a write asks to keep: Content-Type, stored headers, `x-amz-meta-*`.
    static func describedRecord(_ request: ServerRequest, key: String, etag: String, contentEncoding: String?) -> S3ObjectRecord {
        var headers: [String: String] = [:]
        for name in storedHeaders {
            if let value = request.header(name) { headers[name] = value }
        }
        if let contentEncoding { headers["Content-Encoding"] = contentEncoding }
        var metadata: [String: String] = [:]
        for (name, value) in request.headers where name.lowercased().hasPrefix("x-amz-meta-") {
            let short = String(name.lowercased().dropFirst("x-amz-meta-".count))
            metadata[short] = metadata[short].map { $0 + "," + value } ?? value
        }
        return S3ObjectRecord(key: key, etag: etag, contentType: request.header("content-type"), headers: headers, metadata: metadata)
    }

    /// `If-None-Match: *` (refused when the key exists) and `If-Match` (the key must exist with that ETag) on a write.
    func checkWriteConditions(_ request: ServerRequest, bucket: String, key: String) throws {
        let noneMatch = request.header("if-none-match")
        let match = request.header("if-match")
        guard noneMatch != nil || match != nil else { return }
        let existing = try? buckets.object(bucket: bucket, key: key)
        if let noneMatch, let existing, S3Conditions.matches(noneMatch, etag: try etag(of: existing)) {
            throw S3Fault.preconditionFailed("If-None-Match")
        }
        if let match {
            guard let existing else { throw S3Fault.noSuchKey("If-Match on a missing key") }
            guard S3Conditions.matches(match, etag: try etag(of: existing)) else { throw S3Fault.preconditionFailed("If-Match") }
        }
    }

    func putObject(_ request: ServerRequest, bucket: String, key: String, operation: String) throws -> ServerResponse {
        try checkWriteConditions(request, bucket: bucket, key: key)
        let payload = try S3Payload(request)
        var record = Self.describedRecord(request, key: key, etag: "\"\(Self.hex(payload.md5))\"", contentEncoding: payload.contentEncoding)
        var headers: [(name: String, value: String)] = [("ETag", record.etag)]
        if let checksum = payload.checksum {
            record.checksums = [checksum.algorithm.rawValue: checksum.value]
            record.checksumType = "FULL_OBJECT"
            headers += [(checksum.algorithm.header, checksum.value), ("x-amz-checksum-type", "FULL_OBJECT")]
        }
        try buckets.write(bucket: bucket, key: key, bytes: payload.bytes, record: record)
        return ServerResponse(status: 200, headers: headers, operation: operation)
    }

    /// GetObject and HeadObject: conditions (304/412), one byte range (206/416), the stored
    /// headers and metadata, and with `x-amz-checksum-mode: ENABLED` the checksum of a whole object.
    func getObject(_ request: ServerRequest, bucket: String, key: String, query: QueryItems, operation: String) throws -> ServerResponse {
        let object = try buckets.object(bucket: bucket, key: key)
        let etag = try etag(of: object)
        let lastModified = HTTPDate.rfc1123(object.modified)
        switch S3Conditions.evaluate(request, etag: etag, modified: object.modified) {
        case .proceed: break
        case .notModified:
            return ServerResponse(status: 304, headers: [("ETag", etag), ("Last-Modified", lastModified)], operation: operation)
        case .failed(let condition): throw S3Fault.preconditionFailed(condition)
        }
        let record = object.record
        var headers: [(name: String, value: String)] = [
            ("Content-Type", record?.contentType ?? Self.contentType(key: key)), ("ETag", etag), ("Last-Modified", lastModified),
            ("Accept-Ranges", "bytes"),
        ]
        for name in Self.storedHeaders + ["Content-Encoding"] {
            if let value = record?.headers[name] { headers.append((name, value)) }
        }
        for (name, value) in (record?.metadata ?? [:]).sorted(by: { $0.key < $1.key }) { headers.append(("x-amz-meta-" + name, value)) }
        if request.method == "GET" {
            let overrides = ["response-content-type": "Content-Type", "response-content-disposition": "Content-Disposition",
                             "response-cache-control": "Cache-Control", "response-content-encoding": "Content-Encoding",
                             "response-content-language": "Content-Language", "response-expires": "Expires"]
            for (parameter, name) in overrides.sorted(by: { $0.key < $1.key }) {
                guard let value = query[parameter] else { continue }
                headers.removeAll { $0.name == name }
                headers.append((name, value))
            }
        }
        if let parts = record?.partCount { headers.append(("x-amz-mp-parts-count", String(parts))) }
        var first = 0
        var count = object.size
        var status = 200
        switch S3ByteRange.answer(request.header("range"), size: object.size) {
        case .whole:
            if request.header("x-amz-checksum-mode")?.uppercased() == "ENABLED", let record {
                for (name, value) in record.checksums.sorted(by: { $0.key < $1.key }) {
                    if let algorithm = S3Checksum(name: name) { headers.append((algorithm.header, value)) }
                }
                if let type = record.checksumType, !record.checksums.isEmpty { headers.append(("x-amz-checksum-type", type)) }
            }
        case .part(let start, let last):
            first = start
            count = last - start + 1
            status = 206
            headers.append(("Content-Range", "bytes \(start)-\(last)/\(object.size)"))
        case .unsatisfiable:
            throw S3Fault.invalidRange(size: object.size)
        }
        if request.method == "HEAD" {
            return ServerResponse(status: status, headers: headers + [("Content-Length", String(count))], operation: operation)
        }
        let bytes = try S3FileIO.read(object.file, offset: first, length: count)
        return ServerResponse(status: status, headers: headers, body: bytes, operation: operation)
    }

    /// CopyObject (`x-amz-copy-source: /bucket/key`): the bytes copied file to file; metadata
    /// copied (`COPY`, the default) or taken from the request (`REPLACE`); the source's
    /// `x-amz-copy-source-if-*` conditions checked.
    func copyObject(_ request: ServerRequest, bucket: String, key: String, source: String, operation: String) throws -> ServerResponse {
        let (sourceBucket, sourceKey, original) = try copySource(request, source)
        let directive = (request.header("x-amz-metadata-directive") ?? "COPY").uppercased()
        guard directive == "COPY" || directive == "REPLACE" else { throw S3Fault.invalidArgument("Unknown metadata directive.", detail: directive) }
        if sourceBucket == bucket, sourceKey == key, directive == "COPY" {
            throw S3Fault.invalidRequest("This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.")
        }
        try checkWriteConditions(request, bucket: bucket, key: key)
        var record: S3ObjectRecord
        if directive == "REPLACE" {
            record = Self.describedRecord(request, key: key, etag: "", contentEncoding: request.header("content-encoding"))
        } else {
            record = original.record ?? S3ObjectRecord(key: key, etag: "")
            record.partCount = nil
        }
        var algorithm: S3Checksum?
        if let named = request.header("x-amz-checksum-algorithm") {
            guard let chosen = S3Checksum(name: named) else { throw S3Fault.invalidRequest("Checksum algorithm provided is unsupported.") }
            algorithm = chosen
        } else if let kept = original.record, kept.checksumType == "FULL_OBJECT", let name = kept.checksums.keys.first {
            algorithm = S3Checksum(name: name)
        }
        let written = try buckets.store(bucket: bucket, key: key) { temporary throws(S3FolderError) in
            var md5 = Insecure.MD5()
            var checksum = algorithm.map { S3Checksum.State($0) }
            try S3FileIO.forEachChunk(original.file) { chunk throws(S3FolderError) in
                md5.update(bufferPointer: chunk)
                checksum?.update(chunk)
                try temporary.append(chunk)
            }
            record.etag = "\"\(Self.hex(md5.finalize()))\""
            record.checksums = checksum.map { [$0.algorithm.rawValue: $0.base64()] } ?? [:]
            record.checksumType = checksum == nil ? nil : "FULL_OBJECT"
            return record
        }
        let etag = written.record?.etag ?? ""
        var xml = S3XML.declaration + "<CopyObjectResult xmlns=\"\(S3XML.namespace)\">" + S3XML.element("ETag", etag)
            + S3XML.element("LastModified", HTTPDate.iso8601(written.modified))
        var headers: [(name: String, value: String)] = []
        for (name, value) in written.record?.checksums ?? [:] {
            guard let chosen = S3Checksum(name: name) else { continue }
            xml += S3XML.element(chosen.element, value) + S3XML.element("ChecksumType", "FULL_OBJECT")
            headers.append(("x-amz-checksum-type", "FULL_OBJECT"))
        }
        xml += "</CopyObjectResult>"
        return Self.xml(xml, headers: headers, operation: operation)
    }

    /// The object `x-amz-copy-source` names (`/bucket/key`, percent-encoded, maybe `?versionId=null`),
    /// after its `x-amz-copy-source-if-*` conditions.
    func copySource(_ request: ServerRequest, _ source: String) throws -> (bucket: String, key: String, object: S3BucketFolder.Object) {
        var sourcePath = URIEncoding.decode(source)
        if let question = sourcePath.firstIndex(of: "?") {
            let version = QueryItems(String(sourcePath[sourcePath.index(after: question)...]))["versionId"]
            if let version, version != "null" { throw S3Fault.notImplemented("versionId (versioning)") }
            sourcePath = String(sourcePath[..<question])
        }
        if sourcePath.hasPrefix("/") { sourcePath.removeFirst() }
        guard let slash = sourcePath.firstIndex(of: "/"), slash != sourcePath.startIndex, sourcePath.index(after: slash) != sourcePath.endIndex else {
            throw S3Fault.invalidArgument("Invalid copy source object key", detail: source)
        }
        let sourceBucket = String(sourcePath[..<slash])
        let sourceKey = String(sourcePath[sourcePath.index(after: slash)...])
        guard buckets.bucketExists(sourceBucket) else { throw S3Fault.noSuchBucket(sourceBucket) }
        let original = try buckets.object(bucket: sourceBucket, key: sourceKey)
        let conditions = ServerRequest(method: "GET", rawPath: "", headers: [
            ("if-match", request.header("x-amz-copy-source-if-match")), ("if-none-match", request.header("x-amz-copy-source-if-none-match")),
            ("if-modified-since", request.header("x-amz-copy-source-if-modified-since")),
            ("if-unmodified-since", request.header("x-amz-copy-source-if-unmodified-since")),
        ].compactMap { name, value in value.map { (name: name, value: $0) } })
        switch S3Conditions.evaluate(conditions, etag: try etag(of: original), modified: original.modified) {
        case .proceed: return (sourceBucket, sourceKey, original)
        case .notModified, .failed: throw S3Fault.preconditionFailed("x-amz-copy-source-If")
        }
    }
}
