import AWSBackend
import Foundation

/// Checks a request's SigV4 signature by signing it again with the project's signer: the
/// canonical request is rebuilt from the method, path, query, the headers the client signed
/// and the body, with the secret of the access key the client names.
public struct SigV4Verifier: Sendable {
    /// The accepted keys.
    public var keys: AccessKeys
    /// The largest difference between the request's time and the server's (15 minutes, as AWS).
    public var allowedSkew: Double = 15 * 60

    public init(keys: AccessKeys) {
        self.keys = keys
    }

    /// Why a request is refused; the endpoint words it as its service does.
    public enum Refusal: Error, Sendable, Equatable {
        /// No `Authorization` header, or one that is not SigV4.
        case missing
        /// The access key id is not in the list.
        case unknownKey(String)
        /// The signature does not match (wrong secret, or the request was changed).
        case mismatch(canonicalRequest: String)
        /// The request's time is too far from the server's.
        case skewed(requestTime: String, serverTime: String)
    }

    /// The parts of an `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` header.
    struct Authorization: Equatable {
        var accessKeyId: String
        var day: String
        var region: String
        var service: String
        var signedHeaders: [String]
        var signature: String

        init?(_ header: String) {
            guard header.hasPrefix("AWS4-HMAC-SHA256 ") else { return nil }
            var fields: [String: String] = [:]
            for part in header.dropFirst("AWS4-HMAC-SHA256 ".count).split(separator: ",") {
                let trimmed = part.trimmingCharacters(in: .whitespaces)
                guard let equals = trimmed.firstIndex(of: "=") else { continue }
                fields[String(trimmed[..<equals])] = String(trimmed[trimmed.index(after: equals)...])
            }
            guard let credential = fields["Credential"], let signed = fields["SignedHeaders"], let signature = fields["Signature"] else { return nil }
            let scope = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard scope.count == 5, scope[4] == "aws4_request" else { return nil }
            accessKeyId = scope[0]
            day = scope[1]
            region = scope[2]
            service = scope[3]
            signedHeaders = signed.split(separator: ";").map { $0.lowercased() }
            self.signature = signature
        }
    }

    /// Accepts the request or says why not; `now` is the server's time.
    public func verify(_ request: ServerRequest, now: Date) throws(Refusal) {
        guard let header = request.header("authorization"), let authorization = Authorization(header) else { throw .missing }
        guard let secret = keys.secret(for: authorization.accessKeyId) else { throw .unknownKey(authorization.accessKeyId) }
        guard let amzDate = request.header("x-amz-date"), let date = Self.parseAmzDate(amzDate) else { throw .missing }
        if abs(date.timeIntervalSince(now)) > allowedSkew {
            throw .skewed(requestTime: amzDate, serverTime: SigV4Signer.amzDate(now))
        }
        let query = QueryItems(request.rawQuery).signable
        var signable = SignableRequest(method: request.method, path: URIEncoding.decode(request.rawPath.isEmpty ? "/" : request.rawPath),
                                       query: query, body: request.body)
        for name in authorization.signedHeaders where name != "x-amz-date" && name != "authorization" {
            let values = request.headerValues(name)
            signable.headers.append((name: name, value: values.joined(separator: ",")))
        }
        var options = SigV4Signer.Options.standard
        if authorization.service == "s3" {
            let payload = request.header("x-amz-content-sha256")
            options = payload == "UNSIGNED-PAYLOAD" ? .s3UnsignedPayload : .s3
            if payload == nil || !authorization.signedHeaders.contains("x-amz-content-sha256") {
                options.payload = .hashed(sendHeader: false)
            }
        }
        let signer = SigV4Signer(credentials: Credentials(accessKeyId: authorization.accessKeyId, secretAccessKey: secret),
                                 region: authorization.region, service: authorization.service, options: options)
        let expected = signer.sign(&signable, date: date)
        guard Self.constantTimeEqual(expected.signature, authorization.signature) else {
            throw .mismatch(canonicalRequest: expected.canonicalRequest.text)
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
