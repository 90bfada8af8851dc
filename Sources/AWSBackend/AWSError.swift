import Foundation
import PanyaSupport

/// Everything that can go wrong talking to AWS: configuration (credentials, region, profile,
/// endpoint), the network, and the service's own errors. One type, so the shell shows one kind
/// of message; `code` is the service's error code when it gave one.
public struct AWSError: UserFacingError, Equatable, CustomStringConvertible {
    /// The broad kind of failure.
    public enum Kind: String, Sendable, Equatable {
        /// Credentials, region, profile or endpoint are missing or wrong; nothing was sent.
        case configuration
        /// The service answered with an error.
        case service
        /// The connection failed or was dropped.
        case network
        /// The service did not answer in time.
        case timeout
        /// The service's answer could not be read.
        case invalidResponse
        /// A local file (photo, recording) could not be read or written.
        case file
    }

    /// The broad kind of failure.
    public var kind: Kind
    /// What went wrong and how to fix it, in English and Japanese.
    public var message: Message
    /// The service's error code (`AccessDeniedException`, `SignatureDoesNotMatch` …), or a
    /// configuration code (`MissingCredentials`, `MissingRegion`, `ProfileNotFound` …).
    public var serviceCode: String?
    /// The HTTP status, when there was a response.
    public var httpStatus: Int?
    /// The request id (`x-amzn-RequestId` / `x-amz-request-id`), when there was a response.
    public var requestId: String?
    /// The operation that failed (`DetectCustomLabels`, `GetObject` …).
    public var operation: String?

    public init(kind: Kind, message: Message, serviceCode: String? = nil, httpStatus: Int? = nil,
                requestId: String? = nil, operation: String? = nil) {
        self.kind = kind
        self.message = message
        self.serviceCode = serviceCode
        self.httpStatus = httpStatus
        self.requestId = requestId
        self.operation = operation
    }

    /// The service's code, else `HTTP <status>`, else the kind (`network`, `timeout` …).
    public var code: String? {
        if let serviceCode { return serviceCode }
        if let httpStatus { return "HTTP \(httpStatus)" }
        return kind.rawValue
    }

    /// The English message (for logs and test output).
    public var description: String { message.en }

    /// A copy whose texts have every one of `secrets` replaced by `<redacted>`.
    func redacting(_ secrets: [String]) -> AWSError {
        var copy = self
        copy.message = Message(en: Redaction.redact(message.en, secrets: secrets), ja: Redaction.redact(message.ja, secrets: secrets))
        return copy
    }
}

/// Removes secrets (secret key, session token, signatures) from text that a person may read.
enum Redaction {
    /// `text` with each non-empty secret replaced by `<redacted>`, and any `Signature=…` or
    /// `Credential=…/` value masked.
    static func redact(_ text: String, secrets: [String]) -> String {
        var out = text
        for secret in secrets where secret.count >= 4 {
            out = out.replacingOccurrences(of: secret, with: "<redacted>")
        }
        for marker in ["Signature=", "X-Amz-Signature=", "X-Amz-Security-Token="] {
            out = mask(after: marker, in: out)
        }
        return out
    }

    /// Replaces the run of non-separator characters after each `marker` with `<redacted>`.
    static func mask(after marker: String, in text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: marker) {
            out += rest[..<range.upperBound]
            let tail = rest[range.upperBound...]
            let end = tail.firstIndex { $0 == "," || $0 == "&" || $0 == " " || $0 == "\"" || $0 == "<" || $0 == "\n" } ?? tail.endIndex
            if end != tail.startIndex { out += "<redacted>" }
            rest = tail[end...]
        }
        return out + rest
    }
}

extension Redaction {
    /// Header names whose values are secret or secret-derived.
    static let secretHeaders: Set<String> = ["authorization", "x-amz-security-token"]

    /// `Name: value` lines with the secret headers' values replaced by `<redacted>`.
    static func describe(headers: [(name: String, value: String)]) -> String {
        headers.map { "\($0.name): \(secretHeaders.contains($0.name.lowercased()) ? "<redacted>" : $0.value)" }
            .joined(separator: ", ")
    }
}

extension SignableRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Method, path and headers; `Authorization` and `X-Amz-Security-Token` shown as `<redacted>`.
    public var description: String {
        "SignableRequest(\(method) \(encodedPath)\(query.isEmpty ? "" : "?" + encodedQuery), headers: [\(Redaction.describe(headers: headers))], body: \(body.count) bytes)"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["description": description]) }
}

extension HTTPRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Method, URL and headers; `Authorization` and `X-Amz-Security-Token` shown as `<redacted>`.
    public var description: String {
        "HTTPRequest(\(method) \(url.absoluteString), headers: [\(Redaction.describe(headers: headers))], body: \(body.count) bytes)"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["description": description]) }
}

extension SigV4Signer.Signature: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The canonical request (session token masked) and the string to sign; the signature is `<redacted>`.
    public var description: String {
        "Signature(canonicalRequest: \(canonicalRequest), stringToSign: \(stringToSign.debugDescription), signature: <redacted>)"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["description": description]) }
}

extension CanonicalRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The canonical text with the `x-amz-security-token` value masked.
    public var description: String {
        var masked = self
        masked.headerLines = headerLines.map { $0.hasPrefix("x-amz-security-token:") ? "x-amz-security-token:<redacted>" : $0 }
        return masked.text.debugDescription
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["description": description]) }
}
