import AWSBackend
import Crypto
import Foundation
import MockBackend
import PanyaSupport

/// The S3 subset over the mock's bucket folder: CreateBucket, HeadBucket, PutObject, GetObject,
/// HeadObject, ListObjectsV2, DeleteObject; path-style and virtual-host-style.
struct S3Endpoint: Sendable {
    let buckets: S3BucketFolder
    let language: UILanguage

    /// The answer to one request (never throws: errors become S3's XML error).
    func respond(to request: ServerRequest) -> ServerResponse {
        let address = S3Address(host: request.header("host"), rawPath: request.rawPath)
        let query = QueryItems(request.rawQuery)
        let operation = Self.operationName(method: request.method, address: address, query: query)
        do {
            return try route(request, address: address, query: query, operation: operation)
        } catch let fault as S3Fault {
            return failure(fault, operation: operation, resource: request.rawPath, isHead: request.method == "HEAD")
        } catch let error as S3FolderError {
            return failure(S3Fault(error, language: language), operation: operation, resource: request.rawPath, isHead: request.method == "HEAD")
        } catch {
            return failure(.internalError("\(error)"), operation: operation, resource: request.rawPath, isHead: request.method == "HEAD")
        }
    }

    /// The operation's name for the log (`s3:PutObject`).
    static func operationName(method: String, address: S3Address, query: QueryItems) -> String {
        switch (method, address.bucket != nil, address.key != nil) {
        case ("PUT", true, false): return "s3:CreateBucket"
        case ("HEAD", true, false): return "s3:HeadBucket"
        case ("GET", true, false): return query["list-type"] == "2" ? "s3:ListObjectsV2" : "s3:ListObjects"
        case ("PUT", true, true): return "s3:PutObject"
        case ("GET", true, true): return "s3:GetObject"
        case ("HEAD", true, true): return "s3:HeadObject"
        case ("DELETE", true, true): return "s3:DeleteObject"
        case ("GET", false, _): return "s3:ListBuckets"
        default: return "s3:\(method)"
        }
    }

    private func route(_ request: ServerRequest, address: S3Address, query: QueryItems, operation: String) throws -> ServerResponse {
        guard let bucket = address.bucket else { throw S3Fault.notImplemented("\(request.method) / (ListBuckets)") }
        guard let key = address.key else {
            switch request.method {
            case "PUT":
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
                guard query["list-type"] == "2" else { throw S3Fault.notImplemented("ListObjects (v1): use list-type=2") }
                return try listObjects(bucket: bucket, query: query, operation: operation)
            default:
                throw S3Fault.notImplemented("\(request.method) on a bucket")
            }
        }
        switch request.method {
        case "PUT":
            if request.header("x-amz-copy-source") != nil { throw S3Fault.notImplemented("CopyObject") }
            let body = try Self.payload(of: request)
            try buckets.write(bucket: bucket, key: key, bytes: body)
            return ServerResponse(status: 200, headers: [("ETag", Self.etag(body))], operation: operation)
        case "GET", "HEAD":
            let object = try buckets.object(bucket: bucket, key: key)
            let file = try buckets.existingFile(bucket: bucket, key: key)
            let bytes = try Self.readAll(file)
            let headers = [("Content-Type", Self.contentType(key: key)), ("ETag", Self.etag(bytes)),
                           ("Last-Modified", HTTPDate.rfc1123(object.modified)), ("Accept-Ranges", "bytes")]
            if request.method == "HEAD" {
                return ServerResponse(status: 200, headers: headers + [("Content-Length", String(bytes.count))], operation: operation)
            }
            return ServerResponse(status: 200, headers: headers, body: bytes, operation: operation)
        case "DELETE":
            try buckets.delete(bucket: bucket, key: key)
            return ServerResponse(status: 204, operation: operation)
        default:
            throw S3Fault.notImplemented("\(request.method) on an object")
        }
    }

    /// ListObjectsV2 with `prefix`, `delimiter`, `max-keys`, `start-after`, `continuation-token`
    /// and `encoding-type=url`.
    private func listObjects(bucket: String, query: QueryItems, operation: String) throws -> ServerResponse {
        let prefix = query["prefix"] ?? ""
        let delimiter = query["delimiter"].flatMap { $0.isEmpty ? nil : $0 }
        let maxKeys = max(0, min(1000, Int(query["max-keys"] ?? "") ?? 1000))
        let encodeURL = query["encoding-type"] == "url"
        let after = query["continuation-token"] ?? query["start-after"] ?? ""
        func encoded(_ text: String) -> String {
            encodeURL ? text.split(separator: "/", omittingEmptySubsequences: false).map { URIEncoding.encode(String($0)) }.joined(separator: "/") : text
        }
        var contents: [S3BucketFolder.Object] = []
        var commonPrefixes: [String] = []
        var truncated = false
        var lastKey = ""
        for object in try buckets.list(bucket: bucket, prefix: prefix) {
            guard after.isEmpty || Array(after.utf8).lexicographicallyPrecedes(Array(object.key.utf8)) else { continue }
            var group: String?
            if let delimiter {
                let rest = object.key.dropFirst(prefix.count)
                if let range = rest.range(of: delimiter) {
                    group = prefix + rest[..<range.upperBound]
                }
            }
            if let group, commonPrefixes.last == group { lastKey = object.key; continue }
            if contents.count + commonPrefixes.count >= maxKeys { truncated = true; break }
            if let group { commonPrefixes.append(group) } else { contents.append(object) }
            lastKey = object.key
        }
        var xml = S3XML.declaration + "<ListBucketResult xmlns=\"\(S3XML.namespace)\">"
        xml += S3XML.element("Name", bucket) + S3XML.element("Prefix", encoded(prefix))
        if let delimiter { xml += S3XML.element("Delimiter", encoded(delimiter)) }
        xml += S3XML.element("MaxKeys", String(maxKeys)) + S3XML.element("KeyCount", String(contents.count + commonPrefixes.count))
        if encodeURL { xml += S3XML.element("EncodingType", "url") }
        xml += S3XML.element("IsTruncated", truncated ? "true" : "false")
        if let token = query["continuation-token"] { xml += S3XML.element("ContinuationToken", token) }
        if truncated { xml += S3XML.element("NextContinuationToken", lastKey) }
        if let start = query["start-after"] { xml += S3XML.element("StartAfter", encoded(start)) }
        for object in contents {
            let etag = (try? Self.readAll(buckets.existingFile(bucket: bucket, key: object.key))).map(Self.etag) ?? "\"\""
            xml += "<Contents>" + S3XML.element("Key", encoded(object.key)) + S3XML.element("LastModified", HTTPDate.iso8601(object.modified))
                + S3XML.element("ETag", etag) + S3XML.element("Size", String(object.size)) + S3XML.element("StorageClass", "STANDARD") + "</Contents>"
        }
        for group in commonPrefixes {
            xml += "<CommonPrefixes>" + S3XML.element("Prefix", encoded(group)) + "</CommonPrefixes>"
        }
        xml += "</ListBucketResult>"
        return ServerResponse(status: 200, headers: [("Content-Type", "application/xml")], body: Array(xml.utf8), operation: operation)
    }

    /// The object bytes of a PutObject (aws-chunked uploads are not supported: the AWS CLI and
    /// boto3 send plain bodies over http).
    static func payload(of request: ServerRequest) throws -> [UInt8] {
        if let encoding = request.header("content-encoding"), encoding.lowercased().contains("aws-chunked") {
            throw S3Fault.notImplemented("Content-Encoding: aws-chunked")
        }
        return request.body
    }

    /// S3's ETag of a simple upload: the MD5 of the bytes, in hex, in quotes.
    static func etag(_ bytes: [UInt8]) -> String {
        let digest = Insecure.MD5.hash(data: bytes)
        let hex = digest.map { byte in
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined()
        return "\"\(hex)\""
    }

    /// The content type by extension (`image/jpeg`, `image/png`, else octet-stream).
    static func contentType(key: String) -> String {
        let lower = key.lowercased()
        if lower.hasSuffix(".jpg") || lower.hasSuffix(".jpeg") { return "image/jpeg" }
        if lower.hasSuffix(".png") { return "image/png" }
        if lower.hasSuffix(".json") || lower.hasSuffix(".manifest") { return "application/json" }
        return "binary/octet-stream"
    }

    static func readAll(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw S3Fault.noSuchKey(path) }
        return [UInt8](data)
    }

    /// S3's error answer (HEAD answers carry no body, as S3's do).
    func failure(_ fault: S3Fault, operation: String, resource: String, isHead: Bool) -> ServerResponse {
        let body = isHead ? [] : Array(S3XML.error(code: fault.code, message: fault.serviceMessage, resource: resource, requestId: "panya").utf8)
        return ServerResponse(status: fault.status, headers: [("Content-Type", "application/xml")], body: body, operation: operation,
                              errorCode: fault.code, detail: fault.detail)
    }
}
