import AWSBackend
import Crypto
import Foundation
import MockBackend
import PanyaSupport

/// The S3 subset over the mock's bucket folder, path-style and virtual-host-style: buckets
/// (Create, Head, Delete, ListBuckets, ListObjects v1/v2), objects (Put, Get, Head, Delete, Copy,
/// DeleteObjects; ranges, conditions, checksums, metadata) and multipart uploads.
struct S3Endpoint: Sendable {
    let buckets: S3BucketFolder
    let language: UILanguage

    var uploads: S3MultipartUploads { S3MultipartUploads(root: buckets.root) }

    /// The answer to one request (never throws: errors become S3's XML error), with
    /// `x-amz-request-id` and `x-amz-id-2`.
    func respond(to request: ServerRequest) -> ServerResponse {
        let address = S3Address(host: request.header("host"), rawPath: request.rawPath)
        let query = QueryItems(request.rawQuery)
        let operation = Self.operationName(method: request.method, address: address, query: query)
        let ids = Self.requestIds()
        let isHead = request.method == "HEAD"
        do {
            var answer = try route(request, address: address, query: query, operation: operation)
            answer.headers += [("x-amz-request-id", ids.requestId), ("x-amz-id-2", ids.hostId)]
            return answer
        } catch let fault as S3Fault {
            return failure(fault, operation: operation, resource: request.rawPath, isHead: isHead, ids: ids)
        } catch let error as S3FolderError {
            return failure(S3Fault(error, language: language), operation: operation, resource: request.rawPath, isHead: isHead, ids: ids)
        } catch {
            return failure(.internalError("\(error)"), operation: operation, resource: request.rawPath, isHead: isHead, ids: ids)
        }
    }

    /// The operation's name for the log (`s3:PutObject`).
    static func operationName(method: String, address: S3Address, query: QueryItems) -> String {
        switch (method, address.bucket != nil, address.key != nil) {
        case ("GET", false, _): return "s3:ListBuckets"
        case ("PUT", true, false): return "s3:CreateBucket"
        case ("HEAD", true, false): return "s3:HeadBucket"
        case ("DELETE", true, false): return "s3:DeleteBucket"
        case ("POST", true, false): return query.has("delete") ? "s3:DeleteObjects" : "s3:POST"
        case ("GET", true, false):
            if query.has("uploads") { return "s3:ListMultipartUploads" }
            return query["list-type"] == "2" ? "s3:ListObjectsV2" : "s3:ListObjects"
        case ("PUT", true, true):
            if query.has("uploadId") { return "s3:UploadPart" }
            return query.has("x-id") && query["x-id"] == "CopyObject" ? "s3:CopyObject" : "s3:PutObject"
        case ("GET", true, true): return query.has("uploadId") ? "s3:ListParts" : "s3:GetObject"
        case ("HEAD", true, true): return "s3:HeadObject"
        case ("DELETE", true, true): return query.has("uploadId") ? "s3:AbortMultipartUpload" : "s3:DeleteObject"
        case ("POST", true, true):
            if query.has("uploads") { return "s3:CreateMultipartUpload" }
            return query.has("uploadId") ? "s3:CompleteMultipartUpload" : "s3:POST"
        default: return "s3:\(method)"
        }
    }

    private func route(_ request: ServerRequest, address: S3Address, query: QueryItems, operation: String) throws -> ServerResponse {
        guard let bucket = address.bucket else {
            guard request.method == "GET" else { throw S3Fault.methodNotAllowed(request.method) }
            return listBuckets(operation: operation)
        }
        guard let key = address.key else {
            return try routeBucket(request, bucket: bucket, query: query, operation: operation)
        }
        guard buckets.bucketExists(bucket) else { throw S3Fault.noSuchBucket(bucket) }
        try S3BucketFolder.checkKey(key, bucket: bucket)
        switch request.method {
        case "PUT":
            if let id = query["uploadId"] {
                if let source = request.header("x-amz-copy-source") {
                    return try uploadPartCopy(request, bucket: bucket, key: key, uploadId: id, source: source, query: query, operation: "s3:UploadPartCopy")
                }
                return try uploadPart(request, bucket: bucket, key: key, uploadId: id, query: query, operation: operation)
            }
            if let source = request.header("x-amz-copy-source") {
                return try copyObject(request, bucket: bucket, key: key, source: source, operation: "s3:CopyObject")
            }
            try Self.refuseSubresource(query)
            return try putObject(request, bucket: bucket, key: key, operation: operation)
        case "GET", "HEAD":
            if let id = query["uploadId"], request.method == "GET" {
                return try listParts(bucket: bucket, key: key, uploadId: id, query: query, operation: operation)
            }
            try Self.refuseSubresource(query)
            return try getObject(request, bucket: bucket, key: key, query: query, operation: operation)
        case "DELETE":
            if let id = query["uploadId"] {
                return try abortUpload(bucket: bucket, key: key, uploadId: id, operation: operation)
            }
            try Self.refuseSubresource(query)
            try buckets.delete(bucket: bucket, key: key)
            return ServerResponse(status: 204, operation: operation)
        case "POST":
            if query.has("uploads") { return try createUpload(request, bucket: bucket, key: key, operation: operation) }
            if let id = query["uploadId"] {
                return try completeUpload(request, bucket: bucket, key: key, uploadId: id, operation: operation)
            }
            throw S3Fault.notImplemented("POST on an object")
        default:
            throw S3Fault.methodNotAllowed(request.method)
        }
    }

    private func routeBucket(_ request: ServerRequest, bucket: String, query: QueryItems, operation: String) throws -> ServerResponse {
        switch request.method {
        case "PUT":
            try Self.refuseSubresource(query)
            guard S3BucketName.isValid(bucket) else { throw S3Fault.invalidBucketName(bucket) }
            if buckets.bucketExists(bucket) {
                throw S3Fault(code: "BucketAlreadyOwnedByYou", status: 409,
                              serviceMessage: "Your previous request to create the named bucket succeeded and you already own it.", detail: bucket)
            }
            try buckets.createBucket(bucket)
            return ServerResponse(status: 200, headers: [("Location", "/" + bucket)], operation: operation)
        case "HEAD":
            guard buckets.bucketExists(bucket) else { throw S3Fault.noSuchBucket(bucket) }
            return ServerResponse(status: 200, operation: operation)
        case "GET":
            guard buckets.bucketExists(bucket) else { throw S3Fault.noSuchBucket(bucket) }
            if query.has("uploads") { return listUploads(bucket: bucket, operation: operation) }
            if query.has("location") {
                let xml = S3XML.declaration + "<LocationConstraint xmlns=\"\(S3XML.namespace)\">ap-northeast-1</LocationConstraint>"
                return ServerResponse(status: 200, headers: [("Content-Type", "application/xml")], body: Array(xml.utf8), operation: "s3:GetBucketLocation")
            }
            try Self.refuseSubresource(query)
            return try listObjects(bucket: bucket, query: query, operation: operation)
        case "DELETE":
            try Self.refuseSubresource(query)
            try buckets.deleteBucket(bucket)
            return ServerResponse(status: 204, operation: operation)
        case "POST":
            guard query.has("delete") else { throw S3Fault.notImplemented("POST on a bucket") }
            guard buckets.bucketExists(bucket) else { throw S3Fault.noSuchBucket(bucket) }
            return try deleteObjects(request, bucket: bucket, operation: operation)
        default:
            throw S3Fault.methodNotAllowed(request.method)
        }
    }

    /// The query names S3 reads as a sub-resource (versioning, tagging, acl…) that the subset
    /// does not have: `NotImplemented` rather than a plain answer that would mislead.
    static func refuseSubresource(_ query: QueryItems) throws {
        let known: Set<String> = ["list-type", "prefix", "delimiter", "max-keys", "start-after", "continuation-token", "encoding-type",
                                  "fetch-owner", "marker", "x-id", "partNumber", "uploadId", "versionId",
                                  "response-content-type", "response-content-disposition", "response-cache-control",
                                  "response-content-encoding", "response-content-language", "response-expires"]
        for item in query.items where !known.contains(item.name) && !item.name.lowercased().hasPrefix("x-amz-") {
            throw S3Fault.notImplemented("?\(item.name)")
        }
        if let version = query["versionId"], version != "null" { throw S3Fault.notImplemented("versionId (versioning)") }
    }

    // MARK: Shared pieces

    /// A request id (16 hex digits) and a host id, as S3 sends in `x-amz-request-id` / `x-amz-id-2`.
    static func requestIds() -> (requestId: String, hostId: String) {
        var generator = SystemRandomNumberGenerator()
        let id = String(generator.next() as UInt64, radix: 16, uppercase: true)
        let requestId = String(repeating: "0", count: 16 - id.count) + id
        let hostBytes = (0..<48).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return (requestId, Data(hostBytes).base64EncodedString())
    }

    /// The hex of some bytes.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map(S3Payload.hexByte).joined()
    }

    /// S3's ETag of a simple upload: the MD5 of the bytes, in hex, in quotes.
    static func etag(_ bytes: [UInt8]) -> String {
        "\"\(hex(Insecure.MD5.hash(data: bytes)))\""
    }

    /// The ETag of a stored object: its record's, or the MD5 of its file (a file put in by hand).
    func etag(of object: S3BucketFolder.Object) throws -> String {
        if let etag = object.record?.etag, !etag.isEmpty { return etag }
        var md5 = Insecure.MD5()
        try S3FileIO.forEachChunk(object.file) { md5.update(bufferPointer: $0) }
        return "\"\(Self.hex(md5.finalize()))\""
    }

    /// The content type by extension (`image/jpeg`, `image/png`, else octet-stream), for objects
    /// stored without one.
    static func contentType(key: String) -> String {
        let lower = key.lowercased()
        if lower.hasSuffix(".jpg") || lower.hasSuffix(".jpeg") { return "image/jpeg" }
        if lower.hasSuffix(".png") { return "image/png" }
        if lower.hasSuffix(".json") || lower.hasSuffix(".manifest") { return "application/json" }
        return "binary/octet-stream"
    }

    /// An XML answer.
    static func xml(_ text: String, status: Int = 200, headers: [(name: String, value: String)] = [], operation: String) -> ServerResponse {
        ServerResponse(status: status, headers: [("Content-Type", "application/xml")] + headers, body: Array(text.utf8), operation: operation)
    }

    /// S3's error answer (HEAD answers carry no body, as S3's do), with request ids.
    func failure(_ fault: S3Fault, operation: String, resource: String, isHead: Bool) -> ServerResponse {
        failure(fault, operation: operation, resource: resource, isHead: isHead, ids: Self.requestIds())
    }

    func failure(_ fault: S3Fault, operation: String, resource: String, isHead: Bool, ids: (requestId: String, hostId: String)) -> ServerResponse {
        let body = isHead ? [] : Array(S3XML.error(code: fault.code, message: fault.serviceMessage, resource: resource,
                                                    requestId: ids.requestId, extra: fault.extra).utf8)
        var headers: [(name: String, value: String)] = [("Content-Type", "application/xml"), ("x-amz-request-id", ids.requestId), ("x-amz-id-2", ids.hostId)]
        headers += fault.headers.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        return ServerResponse(status: fault.status, headers: headers, body: body, operation: operation, errorCode: fault.code, detail: fault.detail)
    }
}
