import AWSBackend
import Foundation

/// Checks a request's SigV4 signature by signing it again with the project's signer: the
/// canonical request is rebuilt from the method, path, query, the headers the client signed
/// and the body, with the secret of the access key the client names. The signature travels in
/// the `Authorization` header or, for a presigned URL, in the query (`X-Amz-Signature` …, the
/// body unsigned). The credential's scope must name the server's region and the request's
/// service, and the request's time must be within 15 minutes of the server's.
public struct SigV4Verifier: Sendable {
    /// The accepted keys.
    public var keys: AccessKeys
    /// The region the server answers for (a request signed for another is refused).
    public var region: String
    /// The largest difference between the request's time and the server's (15 minutes, as AWS).
    public var allowedSkew: Double = 15 * 60
    /// The longest a presigned URL may be valid (7 days, as AWS).
    public static let maxPresignedExpiry = 604_800

    public init(keys: AccessKeys, region: String = ServerConfiguration.defaultRegion) {
        self.keys = keys
        self.region = region
    }

    /// Why a request is refused; the endpoint words it as its service does.
    public enum Refusal: Error, Sendable, Equatable {
        /// No `Authorization` header (nor presigned query), or one that is not SigV4.
        case missing
        /// A presigned query that lacks one of its parameters, or has one that cannot be read.
        case malformedQuery(String)
        /// The access key id is not in the list.
        case unknownKey(String)
        /// The credential is scoped to another region than the server's.
        case wrongRegion(given: String, expected: String)
        /// The credential is scoped to another service than the one asked.
        case wrongService(given: String, expected: String)
        /// The signature does not match (wrong secret, or the request was changed).
        case mismatch(canonicalRequest: String)
        /// The request's time is more than the allowed skew before the server's (`serverTime` minus the skew is `limit`).
        case expired(requestTime: String, limit: String, serverTime: String)
        /// The request's time is more than the allowed skew after the server's.
        case notYetCurrent(requestTime: String, limit: String, serverTime: String)
        /// A presigned URL used after `X-Amz-Date` + `X-Amz-Expires`.
        case presignExpired(expires: String, serverTime: String)
    }

    /// The parts of a SigV4 credential: from `Authorization: AWS4-HMAC-SHA256 Credential=…,
    /// SignedHeaders=…, Signature=…`, or from a presigned URL's query.
    struct Authorization: Equatable {
        var accessKeyId: String
        var day: String
        var region: String
        var service: String
        var signedHeaders: [String]
        var signature: String
        /// For a presigned URL: `X-Amz-Date` and `X-Amz-Expires` (seconds).
        var presigned: (date: String, expires: Int)?

        static func == (a: Self, b: Self) -> Bool {
            a.accessKeyId == b.accessKeyId && a.day == b.day && a.region == b.region && a.service == b.service
                && a.signedHeaders == b.signedHeaders && a.signature == b.signature
                && a.presigned?.date == b.presigned?.date && a.presigned?.expires == b.presigned?.expires
        }

        init?(_ header: String) {
            guard header.hasPrefix("AWS4-HMAC-SHA256 ") else { return nil }
            var fields: [String: String] = [:]
            for part in header.dropFirst("AWS4-HMAC-SHA256 ".count).split(separator: ",") {
                let trimmed = part.trimmingCharacters(in: .whitespaces)
                guard let equals = trimmed.firstIndex(of: "=") else { continue }
                fields[String(trimmed[..<equals])] = String(trimmed[trimmed.index(after: equals)...])
            }
            guard let credential = fields["Credential"], let signed = fields["SignedHeaders"], let signature = fields["Signature"] else { return nil }
            self.init(credential: credential, signedHeaders: signed, signature: signature)
        }

        init?(credential: String, signedHeaders signed: String, signature: String) {
            let scope = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard scope.count == 5, scope[4] == "aws4_request" else { return nil }
            accessKeyId = scope[0]
            day = scope[1]
            region = scope[2]
            service = scope[3]
            signedHeaders = signed.split(separator: ";").map { $0.lowercased() }
            self.signature = signature
        }

        /// A presigned URL's query; nil when the query is not presigned (no `X-Amz-Signature`
        /// nor `X-Amz-Credential`), `.malformedQuery` when it is but a parameter is wrong.
        static func presigned(_ query: QueryItems) throws(Refusal) -> Authorization? {
            guard query.has("X-Amz-Signature") || query.has("X-Amz-Credential") else { return nil }
            for name in ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature"]
            where !query.has(name) {
                throw .malformedQuery("Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.")
            }
            guard query["X-Amz-Algorithm"] == "AWS4-HMAC-SHA256" else {
                throw .malformedQuery("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"")
            }
            guard let expiresText = query["X-Amz-Expires"], let expires = Int(expiresText), expires >= 0 else {
                throw .malformedQuery("X-Amz-Expires should be a number")
            }
            guard expires <= SigV4Verifier.maxPresignedExpiry else {
                throw .malformedQuery("X-Amz-Expires must be less than a week (in seconds) that is 604800")
            }
            guard var authorization = Authorization(credential: query["X-Amz-Credential"] ?? "", signedHeaders: query["X-Amz-SignedHeaders"] ?? "",
                                                    signature: query["X-Amz-Signature"] ?? "") else {
                throw .malformedQuery("Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".")
            }
            authorization.presigned = (query["X-Amz-Date"] ?? "", expires)
            return authorization
        }
    }

    /// Accepts the request or says why not; `now` is the server's time, `service` the signing
    /// name the request is for (`rekognition`, `s3`).
    public func verify(_ request: ServerRequest, service: String, now: Date) throws(Refusal) {
        let query = QueryItems(request.rawQuery)
        let authorization: Authorization
        if let header = request.header("authorization") {
            guard let parsed = Authorization(header) else { throw .missing }
            authorization = parsed
        } else if let presigned = try Authorization.presigned(query) {
            authorization = presigned
        } else {
            throw .missing
        }
        guard let secret = keys.secret(for: authorization.accessKeyId) else { throw .unknownKey(authorization.accessKeyId) }
        guard let amzDate = authorization.presigned?.date ?? request.header("x-amz-date"), let date = Self.parseAmzDate(amzDate) else {
            throw authorization.presigned == nil ? .missing : .malformedQuery("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"")
        }
        guard authorization.region == region else { throw .wrongRegion(given: authorization.region, expected: region) }
        guard authorization.service == service else { throw .wrongService(given: authorization.service, expected: service) }
        if let presigned = authorization.presigned {
            // A presigned URL may be used until it expires (and not before it was signed, give or take the skew).
            if date.timeIntervalSince(now) > allowedSkew {
                throw .notYetCurrent(requestTime: amzDate, limit: SigV4Signer.amzDate(now.addingTimeInterval(allowedSkew)), serverTime: SigV4Signer.amzDate(now))
            }
            if now.timeIntervalSince(date) > Double(presigned.expires) {
                throw .presignExpired(expires: SigV4Signer.amzDate(date.addingTimeInterval(Double(presigned.expires))), serverTime: SigV4Signer.amzDate(now))
            }
        } else if date.timeIntervalSince(now) > allowedSkew {
            throw .notYetCurrent(requestTime: amzDate, limit: SigV4Signer.amzDate(now.addingTimeInterval(allowedSkew)), serverTime: SigV4Signer.amzDate(now))
        } else if now.timeIntervalSince(date) > allowedSkew {
            throw .expired(requestTime: amzDate, limit: SigV4Signer.amzDate(now.addingTimeInterval(-allowedSkew)), serverTime: SigV4Signer.amzDate(now))
        }
        let path = URIEncoding.decode(request.rawPath.isEmpty ? "/" : request.rawPath)
        let signer = SigV4Signer(credentials: Credentials(accessKeyId: authorization.accessKeyId, secretAccessKey: secret),
                                 region: authorization.region, service: authorization.service)
        let expected: (signature: String, canonical: String)
        if authorization.presigned != nil {
            var signable = SignableRequest(method: request.method, path: path, query: query.signable.filter { $0.name != "X-Amz-Signature" })
            for name in authorization.signedHeaders {
                signable.headers.append((name: name, value: request.headerValues(name).joined(separator: ",")))
            }
            let payload = service == "s3" ? "UNSIGNED-PAYLOAD" : SigV4Signer.sha256Hex(request.body)
            let canonical = CanonicalRequest(request: signable, normalizePath: service != "s3", payloadHash: payload)
            expected = (signer.signature(of: canonical, amzDate: amzDate).signature, canonical.text)
        } else {
            var signable = SignableRequest(method: request.method, path: path, query: query.signable, body: request.body)
            for name in authorization.signedHeaders where name != "x-amz-date" && name != "authorization" {
                signable.headers.append((name: name, value: request.headerValues(name).joined(separator: ",")))
            }
            var options = SigV4Signer.Options.standard
            if authorization.service == "s3" {
                let payload = request.header("x-amz-content-sha256")
                options = payload == "UNSIGNED-PAYLOAD" ? .s3UnsignedPayload : .s3
                if payload == nil || !authorization.signedHeaders.contains("x-amz-content-sha256") {
                    options.payload = .hashed(sendHeader: false)
                }
            }
            var optionsSigner = signer
            optionsSigner.options = options
            let signature = optionsSigner.sign(&signable, date: date)
            expected = (signature.signature, signature.canonicalRequest.text)
        }
        guard Self.constantTimeEqual(expected.signature, authorization.signature) else {
            throw .mismatch(canonicalRequest: expected.canonical)
        }
    }

    /// `20261201T081500Z` → a date (UTC); nil when malformed.
    static func parseAmzDate(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int32? {
            var value: Int32 = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int32(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
              let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15) else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = month - 1
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        let seconds = timegm(&parts)
        return Date(timeIntervalSince1970: Double(seconds))
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
