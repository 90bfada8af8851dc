import Foundation
import PanyaSupport

/// One AWS service as the client talks to it.
public struct ServiceEndpoint: Sendable, Equatable {
    /// The name people read (`Rekognition`, `S3`).
    public var displayName: String
    /// The SigV4 signing name (`rekognition`, `s3`).
    public var signingName: String
    /// The endpoint, e.g. `https://rekognition.ap-northeast-1.amazonaws.com`.
    public var url: URL
    /// How requests to it are signed.
    public var signing: SigV4Signer.Options

    public init(displayName: String, signingName: String, url: URL, signing: SigV4Signer.Options) {
        self.displayName = displayName
        self.signingName = signingName
        self.url = url
        self.signing = signing
    }

    /// `host` or `host:port` as it goes in the Host header (default ports left out).
    var hostHeader: String {
        let host = url.host ?? ""
        guard let port = url.port else { return host }
        let scheme = url.scheme?.lowercased()
        if (scheme == "https" && port == 443) || (scheme == "http" && port == 80) { return host }
        return "\(host):\(port)"
    }
}

/// Signs, sends and retries calls; turns failures into `AWSError`s that never show secrets.
public final class AWSClient: @unchecked Sendable {
    /// The credentials and region signing uses.
    public let credentials: Credentials
    public let region: String
    /// Sends requests.
    public let transport: HTTPTransport
    /// When to try again.
    public let retryPolicy: RetryPolicy
    /// Seconds to wait for one response.
    public let requestTimeout: Double
    /// The local clock (replaceable in tests).
    let now: @Sendable () -> Date
    /// Where Ctrl-C comes from.
    public let interrupt: InterruptSignal
    /// Called before every attempt with the operation and attempt number (1-based), for tests and `--debug`.
    let onAttempt: (@Sendable (String, Int) -> Void)?

    private let lock = NSLock()
    private var _clockOffset: Double = 0

    /// Seconds added to the local clock when signing, learnt from a skew error's `Date` header.
    public var clockOffset: Double {
        lock.lock(); defer { lock.unlock() }
        return _clockOffset
    }

    public init(credentials: Credentials, region: String, transport: HTTPTransport = CurlTransport(),
                retryPolicy: RetryPolicy = .standard, requestTimeout: Double = 60,
                interrupt: InterruptSignal = .ctrlC, now: @escaping @Sendable () -> Date = { Date() },
                onAttempt: (@Sendable (String, Int) -> Void)? = nil) {
        self.interrupt = interrupt
        self.credentials = credentials
        self.region = region
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.requestTimeout = requestTimeout
        self.now = now
        self.onAttempt = onAttempt
    }

    /// Error codes that mean the signature's time is off, corrected once from the `Date` header.
    static let skewCodes: Set<String> = [
        "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture", "InvalidSignatureException", "SignatureDoesNotMatch",
        "AuthFailure",
    ]

    /// The skew (seconds) beyond which the `Date` header is trusted over the local clock.
    static let skewThreshold: Double = 240

    /// Sends one call and returns its 2xx response; throws `AWSError` (or `Interrupted` on Ctrl-C).
    /// - Parameters:
    ///   - path: the plain path (e.g. `/` or `/bucket/key`), appended to the endpoint's own path.
    public func call(_ service: ServiceEndpoint, operation: String, method: String, path: String,
                     query: [SignableRequest.QueryItem] = [], headers: [(name: String, value: String)] = [],
                     body: [UInt8] = []) throws -> HTTPResponse {
        var attempt = 0
        var skewCorrected = false
        let endpointLabel = service.url.absoluteString
        while true {
            attempt += 1
            try interrupt.check()
            onAttempt?(operation, attempt)
            let (request, signature) = signedRequest(service, method: method, path: path, query: query, headers: headers, body: body)
            let secrets = credentials.secrets + [signature]
            let outcome: Result<HTTPResponse, TransportFailure>
            do {
                outcome = .success(try transport.send(request, timeout: requestTimeout, interrupt: interrupt))
            } catch {
                outcome = .failure(error)
            }
            switch outcome {
            case .success(let response) where (200..<300).contains(response.status):
                return response
            case .success(let response):
                let details = ServiceErrorParser.parse(response)
                if let code = details.code, Self.skewCodes.contains(code), !skewCorrected,
                   let serverDate = response.header("date").flatMap(Self.parseHTTPDate) {
                    let skew = serverDate.timeIntervalSince(now())
                    if abs(skew - clockOffset) > Self.skewThreshold {
                        setClockOffset(skew)
                        skewCorrected = true
                        attempt -= 1  // the corrected retry does not use up an attempt
                        continue
                    }
                }
                if RetryPolicy.isRetryable(code: details.code, status: response.status), attempt < retryPolicy.maxAttempts {
                    try RetryPolicy.sleep(retryPolicy.delay(afterAttempt: attempt), interrupt: interrupt)
                    continue
                }
                throw Self.serviceError(service: service, operation: operation, status: response.status, details: details)
                    .redacting(secrets)
            case .failure(.interrupted):
                throw Interrupted()
            case .failure(let failure):
                if attempt < retryPolicy.maxAttempts {
                    try RetryPolicy.sleep(retryPolicy.delay(afterAttempt: attempt), interrupt: interrupt)
                    continue
                }
                let error: AWSError
                switch failure {
                case .timedOut:
                    error = AWSError(kind: .timeout, message: Catalog.awsTimeout(operation: operation, endpoint: endpointLabel, seconds: requestTimeout, attempts: attempt),
                                     operation: operation)
                case .connection(let detail):
                    error = AWSError(kind: .network, message: Catalog.awsNetworkError(operation: operation, endpoint: endpointLabel, detail: detail, attempts: attempt),
                                     operation: operation)
                case .interrupted:
                    throw Interrupted()
                }
                throw error.redacting(secrets)
            }
        }
    }

    /// The request as sent, and its signature (kept only to scrub it from messages).
    func signedRequest(_ service: ServiceEndpoint, method: String, path: String, query: [SignableRequest.QueryItem],
                       headers: [(name: String, value: String)], body: [UInt8]) -> (HTTPRequest, String) {
        let basePath = service.url.path.hasSuffix("/") ? String(service.url.path.dropLast()) : service.url.path
        var signable = SignableRequest(method: method, path: basePath + path, query: query,
                                       headers: [(name: "Host", value: service.hostHeader)] + headers, body: body)
        let signer = SigV4Signer(credentials: credentials, region: region, service: service.signingName, options: service.signing)
        let signature = signer.sign(&signable, date: now().addingTimeInterval(clockOffset))
        var urlText = (service.url.scheme ?? "https") + "://" + service.hostHeader + signable.encodedPath
        if !signable.query.isEmpty { urlText += "?" + signable.encodedQuery }
        // The URL is built from encoded parts, so it always parses; the endpoint is the fallback.
        let url = URL(string: urlText) ?? service.url
        return (HTTPRequest(url: url, method: method, headers: signable.headers, body: body), signature.signature)
    }

    func setClockOffset(_ seconds: Double) {
        lock.lock(); defer { lock.unlock() }
        _clockOffset = seconds
    }

    /// The error a person reads for a service's error response.
    static func serviceError(service: ServiceEndpoint, operation: String, status: Int, details: ServiceErrorDetails) -> AWSError {
        AWSError(kind: .service,
                 message: Catalog.awsServiceError(service: service.displayName, operation: operation, code: details.code, status: status,
                                                  text: details.message, requestId: details.requestId, hint: hint(code: details.code, status: status)),
                 serviceCode: details.code, httpStatus: status, requestId: details.requestId, operation: operation)
    }

    /// Advice for the codes people meet most.
    static func hint(code: String?, status: Int) -> Message? {
        switch code {
        case "AccessDeniedException", "AccessDenied", "UnauthorizedOperation": return Catalog.awsHintAccessDenied
        case "SignatureDoesNotMatch", "InvalidSignatureException", "IncompleteSignature": return Catalog.awsHintSignature
        case "UnrecognizedClientException", "InvalidClientTokenId", "InvalidAccessKeyId": return Catalog.awsHintUnknownKey
        case "ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired": return Catalog.awsHintExpired
        case "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture": return Catalog.awsHintClock
        case "ResourceNotReadyException": return Catalog.awsHintNotReady
        case "ResourceNotFoundException": return Catalog.awsHintNotFound
        case let code? where RetryPolicy.throttlingCodes.contains(code): return Catalog.awsHintThrottled
        default: return status == 403 && code == nil ? Catalog.awsHintAccessDenied : nil
        }
    }

    /// Parses an RFC 7231 date (`Sun, 06 Nov 1994 08:49:37 GMT`).
    static func parseHTTPDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
