import CustomLabels
import Foundation
import MockBackend
import PanyaSupport

/// Sends each request to its service: Rekognition when it carries `X-Amz-Target`, S3 otherwise;
/// with `--auth`, checks the signature first and answers a refusal as that service does. Every
/// answer leaves here with its service's request id headers.
public struct RequestDispatcher: Sendable {
    let rekognition: RekognitionEndpoint
    let s3: S3Endpoint
    let verifier: SigV4Verifier?
    let identifiers = RequestIdentifiers()
    /// The body limit (the HTTP layer refuses longer bodies before reading them).
    public let maxBodyBytes: Int

    /// A dispatcher over a backend gate.
    public init(gate: BackendGate, configuration: ServerConfiguration) {
        rekognition = RekognitionEndpoint(gate: gate, language: configuration.language)
        s3 = S3Endpoint(buckets: gate.buckets, language: configuration.language)
        if case .keys(let keys) = configuration.authentication {
            verifier = SigV4Verifier(keys: keys, region: configuration.region)
        } else {
            verifier = nil
        }
        maxBodyBytes = configuration.maxBodyBytes
    }

    /// True for requests that go to Rekognition.
    static func isRekognition(_ request: ServerRequest) -> Bool {
        request.header("x-amz-target") != nil
    }

    /// The answer to one request.
    public func respond(to request: ServerRequest, now: Date = Date()) -> ServerResponse {
        identified(answer(to: request, now: now), rekognition: Self.isRekognition(request))
    }

    func answer(to request: ServerRequest, now: Date) -> ServerResponse {
        let target = request.header("x-amz-target")
        if let verifier {
            do {
                try verifier.verify(request, service: target == nil ? "s3" : "rekognition", now: now)
            } catch {
                return refusal(error, request: request, target: target)
            }
        }
        if let target {
            guard request.method == "POST" else {
                return rekognition.failure(RekognitionFault(code: "UnknownOperationException", status: 400, serviceMessage: "",
                                                            detail: "\(request.method) with X-Amz-Target"), operation: target)
            }
            return rekognition.respond(to: request, target: target)
        }
        return s3.respond(to: request)
    }

    /// The answer with its service's request id headers (kept when the endpoint set them).
    func identified(_ answer: ServerResponse, rekognition isRekognition: Bool) -> ServerResponse {
        var answer = answer
        let number = identifiers.next()
        if isRekognition {
            if answer.header("x-amzn-RequestId") == nil { answer.headers.append(("x-amzn-RequestId", identifiers.rekognition(number))) }
        } else if answer.header("x-amz-request-id") == nil {
            let ids = identifiers.s3(number)
            answer.headers.append(("x-amz-request-id", ids.requestId))
            answer.headers.append(("x-amz-id-2", ids.id2))
        }
        return answer
    }

    /// The S3 operation a request is, for the log.
    func s3Operation(_ request: ServerRequest) -> String {
        S3Endpoint.operationName(method: request.method, address: S3Address(host: request.header("host"), rawPath: request.rawPath),
                                 query: QueryItems(request.rawQuery))
    }

    /// The Rekognition operation named by `target`, for the log.
    static func operationName(_ target: String) -> String {
        target.hasPrefix(RekognitionEndpoint.targetPrefix) ? String(target.dropFirst(RekognitionEndpoint.targetPrefix.count)) : target
    }

    /// The answer to a body longer than the limit (sent before the body is read).
    public func tooLarge(_ request: ServerRequest) -> ServerResponse {
        if let target = request.header("x-amz-target") {
            var fault = RekognitionFault.imageTooLarge(bytes: Int(request.header("content-length") ?? "") ?? 0, limit: maxBodyBytes)
            fault.status = 413
            fault.serviceMessage = "Request body is too large."
            return identified(rekognition.failure(fault, operation: Self.operationName(target)), rekognition: true)
        }
        return identified(s3.failure(.entityTooLarge(limit: maxBodyBytes), operation: s3Operation(request), resource: request.rawPath, isHead: false),
                          rekognition: false)
    }

    /// The answer to a body that does not match its framing (shorter than its Content-Length,
    /// a chunk size that cannot be read): 400, as the services answer a broken request.
    public func malformedBody(_ request: ServerRequest) -> ServerResponse {
        if let target = request.header("x-amz-target") {
            let fault = RekognitionFault.serialization("The request body ended before its announced length (or a chunk size could not be read).")
            return identified(rekognition.failure(fault, operation: Self.operationName(target)), rekognition: true)
        }
        let fault = S3Fault(code: "IncompleteBody", status: 400, serviceMessage: "You did not provide the number of bytes specified by the Content-Length HTTP header.")
        return identified(s3.failure(fault, operation: s3Operation(request), resource: request.rawPath, isHead: request.method == "HEAD"),
                          rekognition: false)
    }

    /// The answer when the bodies already being read fill the server's budget (503, retryable).
    public func tooBusy(_ request: ServerRequest) -> ServerResponse {
        if let target = request.header("x-amz-target") {
            let fault = RekognitionFault(code: ServiceErrorCode.throttling.rawValue, status: 503, serviceMessage: "Rate exceeded",
                                         detail: "the request bodies being read fill the server's budget")
            return identified(rekognition.failure(fault, operation: Self.operationName(target)), rekognition: true)
        }
        let fault = S3Fault(code: "SlowDown", status: 503, serviceMessage: "Please reduce your request rate.",
                            detail: "the request bodies being read fill the server's budget")
        return identified(s3.failure(fault, operation: s3Operation(request), resource: request.rawPath, isHead: request.method == "HEAD"),
                          rekognition: false)
    }

    /// A signature refusal, worded as the service the request was for words it.
    func refusal(_ refusal: SigV4Verifier.Refusal, request: ServerRequest, target: String?) -> ServerResponse {
        if let target {
            let fault: RekognitionFault
            let invalidSignature = ServiceErrorCode.invalidSignature.rawValue
            switch refusal {
            case .missing:
                fault = RekognitionFault(code: "MissingAuthenticationTokenException", status: 400, serviceMessage: "Missing Authentication Token")
            case .malformedQuery(let text):
                fault = RekognitionFault(code: "IncompleteSignatureException", status: 400, serviceMessage: text)
            case .unknownKey(let id):
                fault = RekognitionFault(code: ServiceErrorCode.unrecognizedClient.rawValue, status: 400,
                                         serviceMessage: "The security token included in the request is invalid.", detail: id)
            case .wrongRegion(let given, let expected):
                fault = RekognitionFault(code: invalidSignature, status: 400, serviceMessage: "Credential should be scoped to a valid region. ",
                                         detail: "signed for \(given); this server answers for \(expected) (--region)")
            case .wrongService(let given, let expected):
                fault = RekognitionFault(code: invalidSignature, status: 400, serviceMessage: "Credential should be scoped to correct service: '\(expected)'. ",
                                         detail: "signed for the service \(given)")
            case .mismatch(let canonical):
                fault = RekognitionFault(code: invalidSignature, status: 400,
                                         serviceMessage: "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
                                         detail: "canonical request:\n" + canonical)
            case .expired(let requestTime, let limit, let serverTime):
                fault = RekognitionFault(code: invalidSignature, status: 400,
                                         serviceMessage: "Signature expired: \(requestTime) is now earlier than \(limit) (\(serverTime) - 15 min.)")
            case .notYetCurrent(let requestTime, let limit, let serverTime):
                fault = RekognitionFault(code: invalidSignature, status: 400,
                                         serviceMessage: "Signature not yet current: \(requestTime) is still later than \(limit) (\(serverTime) + 15 min.)")
            case .presignExpired(let expires, let serverTime):
                fault = RekognitionFault(code: invalidSignature, status: 400, serviceMessage: "Signature expired: \(expires) is now earlier than \(serverTime)")
            }
            return rekognition.failure(fault, operation: Self.operationName(target))
        }
        let fault: S3Fault
        switch refusal {
        case .missing:
            fault = S3Fault(code: "AccessDenied", status: 403, serviceMessage: "Access Denied")
        case .malformedQuery(let text):
            fault = S3Fault(code: "AuthorizationQueryParametersError", status: 400, serviceMessage: text)
        case .unknownKey(let id):
            fault = S3Fault(code: "InvalidAccessKeyId", status: 403, serviceMessage: "The AWS Access Key Id you provided does not exist in our records.", detail: id)
        case .wrongRegion(let given, let expected):
            fault = S3Fault(code: "AuthorizationHeaderMalformed", status: 400,
                            serviceMessage: "The authorization header is malformed; the region '\(given)' is wrong; expecting '\(expected)'",
                            detail: "this server answers for \(expected) (--region)")
        case .wrongService(let given, _):
            fault = S3Fault(code: "AuthorizationHeaderMalformed", status: 400,
                            serviceMessage: "The authorization header is malformed; incorrect service \"\(given)\". This endpoint belongs to \"s3\".")
        case .mismatch(let canonical):
            fault = S3Fault(code: "SignatureDoesNotMatch", status: 403,
                            serviceMessage: "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
                            detail: "canonical request:\n" + canonical)
        case .expired, .notYetCurrent:
            fault = S3Fault(code: "RequestTimeTooSkewed", status: 403, serviceMessage: "The difference between the request time and the current time is too large.")
        case .presignExpired(let expires, let serverTime):
            fault = S3Fault(code: "AccessDenied", status: 403, serviceMessage: "Request has expired", detail: "expired at \(expires), now \(serverTime)")
        }
        return s3.failure(fault, operation: s3Operation(request), resource: request.rawPath, isHead: request.method == "HEAD")
    }
}
