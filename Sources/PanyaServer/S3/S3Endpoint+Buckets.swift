import AWSBackend
import Foundation
import MockBackend

/// ListBuckets, ListObjects (v1 and v2) and DeleteObjects.
extension S3Endpoint {
    func listBuckets(operation: String) -> ServerResponse {
        var xml = S3XML.declaration + "<ListAllMyBucketsResult xmlns=\"\(S3XML.namespace)\">"
            + "<Owner><ID>panya</ID><DisplayName>panya</DisplayName></Owner><Buckets>"
        for bucket in buckets.buckets() {
            xml += "<Bucket>" + S3XML.element("Name", bucket.name) + S3XML.element("CreationDate", HTTPDate.iso8601(bucket.created))
                + S3XML.element("BucketRegion", "ap-northeast-1") + "</Bucket>"
        }
        xml += "</Buckets></ListAllMyBucketsResult>"
        return Self.xml(xml, operation: operation)
    }

    /// ListObjectsV2 (`list-type=2`: `continuation-token`, `start-after`) and ListObjects
    /// (`marker`), with `prefix`, `delimiter`, `max-keys` and `encoding-type=url`.
    func listObjects(bucket: String, query: QueryItems, operation: String) throws -> ServerResponse {
        let version2 = query["list-type"] == "2"
        let prefix = query["prefix"] ?? ""
        let delimiter = query["delimiter"].flatMap { $0.isEmpty ? nil : $0 }
        var maxKeys = 1000
        if let text = query["max-keys"] {
            guard let value = Int(text) else { throw S3Fault.invalidArgument("Provided max-keys not an integer or within integer range", detail: text) }
            guard value >= 0 else { throw S3Fault.invalidArgument("Argument maxKeys must be an integer between 0 and 2147483647", detail: text) }
            maxKeys = min(value, 1000)
        }
        let encodeURL = query["encoding-type"] == "url"
        var after = ""
        if version2 {
            if let token = query["continuation-token"] {
                guard let data = Data(base64Encoded: token), let key = String(data: data, encoding: .utf8), !token.isEmpty else {
                    throw S3Fault.invalidArgument("The continuation token provided is incorrect", detail: token)
                }
                after = key
            } else {
                after = query["start-after"] ?? ""
            }
        } else {
            after = query["marker"] ?? ""
        }
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
        if version2 {
            if let token = query["continuation-token"] { xml += S3XML.element("ContinuationToken", token) }
            if let start = query["start-after"] { xml += S3XML.element("StartAfter", encoded(start)) }
        } else {
            xml += S3XML.element("Marker", encoded(after))
            if truncated { xml += S3XML.element("NextMarker", encoded(lastKey)) }
        }
        if let delimiter { xml += S3XML.element("Delimiter", encoded(delimiter)) }
        xml += S3XML.element("MaxKeys", String(maxKeys))
        if version2 { xml += S3XML.element("KeyCount", String(contents.count + commonPrefixes.count)) }
        if encodeURL { xml += S3XML.element("EncodingType", "url") }
        xml += S3XML.element("IsTruncated", truncated ? "true" : "false")
        if version2, truncated { xml += S3XML.element("NextContinuationToken", Data(lastKey.utf8).base64EncodedString()) }
        for object in contents {
            xml += "<Contents>" + S3XML.element("Key", encoded(object.key)) + S3XML.element("LastModified", HTTPDate.iso8601(object.modified))
                + S3XML.element("ETag", (try? etag(of: object)) ?? "\"\"") + S3XML.element("Size", String(object.size))
            for (name, _) in object.record?.checksums ?? [:] { xml += S3XML.element("ChecksumAlgorithm", name) }
            if let type = object.record?.checksumType { xml += S3XML.element("ChecksumType", type) }
            xml += S3XML.element("StorageClass", "STANDARD") + "</Contents>"
        }
        for group in commonPrefixes {
            xml += "<CommonPrefixes>" + S3XML.element("Prefix", encoded(group)) + "</CommonPrefixes>"
        }
        xml += "</ListBucketResult>"
        return Self.xml(xml, operation: operation)
    }

    /// DeleteObjects (`POST /bucket?delete`): at most 1,000 keys; with `<Quiet>true</Quiet>`
    /// only the failures are listed.
    func deleteObjects(_ request: ServerRequest, bucket: String, operation: String) throws -> ServerResponse {
        _ = try S3Payload(request)
        let text = String(decoding: request.body, as: UTF8.self)
        guard let delete = S3XML.elements("Delete", in: Substring(text)).first else { throw S3Fault.malformedXML }
        let quiet = S3XML.value("Quiet", in: delete)?.lowercased() == "true"
        let objects = S3XML.elements("Object", in: delete)
        guard !objects.isEmpty, objects.count <= 1000 else { throw S3Fault.malformedXML }
        var xml = S3XML.declaration + "<DeleteResult xmlns=\"\(S3XML.namespace)\">"
        for object in objects {
            guard let raw = S3XML.elements("Key", in: object).first else { throw S3Fault.malformedXML }
            let key = S3XML.unescape(String(raw))
            do {
                try S3BucketFolder.checkKey(key, bucket: bucket)
                try buckets.delete(bucket: bucket, key: key)
                if !quiet { xml += "<Deleted>" + S3XML.element("Key", key) + "</Deleted>" }
            } catch {
                let fault = S3Fault(error, language: language)
                xml += "<Error>" + S3XML.element("Key", key) + S3XML.element("Code", fault.code) + S3XML.element("Message", fault.serviceMessage) + "</Error>"
            }
        }
        xml += "</DeleteResult>"
        return Self.xml(xml, operation: operation)
    }
}
