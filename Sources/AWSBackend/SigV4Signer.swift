import Crypto
import Foundation

/// Signs requests with AWS Signature Version 4 (the `Authorization` header form).
public struct SigV4Signer: Sendable {
    /// The credentials to sign with.
    public var credentials: Credentials
    /// The region in the credential scope, e.g. `ap-northeast-1`.
    public var region: String
    /// The signing name, e.g. `rekognition` or `s3`.
    public var service: String
    /// How the signature is made.
    public var options: Options

    /// Choices that differ between services.
    public struct Options: Sendable, Equatable {
        /// Normalize the path (`.`/`..`/`//`) in the canonical URI. S3 does not.
        public var normalizePath: Bool
        /// What the payload hash is, and whether it is sent as `x-amz-content-sha256`.
        public var payload: Payload
        /// Add `X-Amz-Security-Token` after signing instead of signing it (some older services).
        public var omitSessionTokenFromSignature: Bool

        public init(normalizePath: Bool = true, payload: Payload = .hashed(sendHeader: false), omitSessionTokenFromSignature: Bool = false) {
            self.normalizePath = normalizePath
            self.payload = payload
            self.omitSessionTokenFromSignature = omitSessionTokenFromSignature
        }

        /// Rekognition and most JSON services: normalized path, body hashed, no content header.
        public static let standard = Options()
        /// S3: path kept as is, `x-amz-content-sha256` sent with the body's hash.
        public static let s3 = Options(normalizePath: false, payload: .hashed(sendHeader: true))
        /// S3 with `x-amz-content-sha256: UNSIGNED-PAYLOAD` (the body is not hashed).
        public static let s3UnsignedPayload = Options(normalizePath: false, payload: .unsigned)
    }

    /// The payload hash in the canonical request.
    public enum Payload: Sendable, Equatable {
        /// The body's SHA-256; with `sendHeader` also sent and signed as `x-amz-content-sha256`.
        case hashed(sendHeader: Bool)
        /// `UNSIGNED-PAYLOAD`, sent and signed as `x-amz-content-sha256`.
        case unsigned
    }

    /// The pieces of one signature, for tests and debugging (the signature itself is secret-derived,
    /// never logged).
    public struct Signature: Sendable {
        public var canonicalRequest: CanonicalRequest
        public var stringToSign: String
        public var signature: String
        public var authorization: String
    }

    public init(credentials: Credentials, region: String, service: String, options: Options = .standard) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.options = options
    }

    /// Signs `request` at `date`: adds `X-Amz-Date`, `X-Amz-Security-Token` (with a session token),
    /// `x-amz-content-sha256` (when the options say) and `Authorization`. Every header already on
    /// the request is signed, so add `Host` (and `Content-Type`, `X-Amz-Target` …) first.
    @discardableResult
    public func sign(_ request: inout SignableRequest, date: Date) -> Signature {
        let amzDate = Self.amzDate(date)
        let day = String(amzDate.prefix(8))
        request.removeHeader("Authorization")
        request.setHeader("X-Amz-Date", amzDate)
        request.removeHeader("X-Amz-Security-Token")
        if let token = credentials.sessionToken, !options.omitSessionTokenFromSignature {
            request.setHeader("X-Amz-Security-Token", token)
        }
        let payloadHash: String
        switch options.payload {
        case .hashed(let sendHeader):
            payloadHash = Self.hex(SHA256.hash(data: request.body))
            if sendHeader { request.setHeader("x-amz-content-sha256", payloadHash) }
        case .unsigned:
            payloadHash = "UNSIGNED-PAYLOAD"
            request.setHeader("x-amz-content-sha256", payloadHash)
        }
        let canonical = CanonicalRequest(request: request, normalizePath: options.normalizePath, payloadHash: payloadHash)
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256", amzDate, scope,
            Self.hex(SHA256.hash(data: Array(canonical.text.utf8))),
        ].joined(separator: "\n")
        let key = signingKey(day: day)
        let signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: key))
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope), SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"
        if let token = credentials.sessionToken, options.omitSessionTokenFromSignature {
            request.setHeader("X-Amz-Security-Token", token)
        }
        request.setHeader("Authorization", authorization)
        return Signature(canonicalRequest: canonical, stringToSign: stringToSign, signature: signature, authorization: authorization)
    }

    /// The string to sign and the signature of an already built canonical request at `amzDate`
    /// (how a server checks a presigned URL, whose date and scope travel in the query).
    public func signature(of canonical: CanonicalRequest, amzDate: String) -> (stringToSign: String, signature: String) {
        let day = String(amzDate.prefix(8))
        let stringToSign = [
            "AWS4-HMAC-SHA256", amzDate, "\(day)/\(region)/\(service)/aws4_request",
            Self.hex(SHA256.hash(data: Array(canonical.text.utf8))),
        ].joined(separator: "\n")
        return (stringToSign, Self.hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: signingKey(day: day))))
    }

    /// `kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, day), region), service), "aws4_request")`.
    func signingKey(day: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array(("AWS4" + credentials.secretAccessKey).utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        return key
    }

    /// `yyyyMMdd'T'HHmmss'Z'` in UTC.
    public static func amzDate(_ date: Date) -> String {
        var time = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return pad(parts.tm_year + 1900, 4) + pad(parts.tm_mon + 1, 2) + pad(parts.tm_mday, 2) + "T"
            + pad(parts.tm_hour, 2) + pad(parts.tm_min, 2) + pad(parts.tm_sec, 2) + "Z"
    }

    /// Lower-case hex of a digest or MAC.
    static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func hex(_ digest: SHA256.Digest) -> String { hex(Array(digest)) }
    static func hex(_ code: HashedAuthenticationCode<SHA256>) -> String { hex(Array(code)) }

    /// The hex SHA-256 of `bytes` (`e3b0c442…` for nothing).
    public static func sha256Hex(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }
}
