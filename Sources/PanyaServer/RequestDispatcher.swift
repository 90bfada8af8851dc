import CustomLabels
import Foundation
import MockBackend
import PanyaSupport

/// Sends each request to its service: Rekognition when it carries `X-Amz-Target`, S3 otherwise;
/// with `--auth`, checks the signature first and answers a refusal as that service does.
public struct RequestDispatcher: Sendable {
    let rekognition: RekognitionEndpoint
    let s3: S3Endpoint
    let verifier: SigV4Verifier?
    /// The body limit (the HTTP layer refuses longer bodies before reading them).
    public let maxBodyBytes: Int

    /// A dispatcher over a backend gate.
    public init(gate: BackendGate, configuration: ServerConfiguration) {
        rekognition = RekognitionEndpoint(gate: gate, language: configuration.language)
        s3 = S3Endpoint(buckets: gate.buckets, language: configuration.language)
        if case .keys(let keys) = configuration.authentication {
            verifier = SigV4Verifier(keys: keys)
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
        let target = request.header("x-amz-target")
        if let verifier {
            do {
                try verifier.verify(request, now: now)
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

    /// The answer to a body longer than the limit (sent before the body is read).
    public func tooLarge(_ request: ServerRequest) -> ServerResponse {
        if let target = request.header("x-amz-target") {
            var fault = RekognitionFault.imageTooLarge(bytes: Int(request.header("content-length") ?? "") ?? 0, limit: maxBodyBytes)
            fault.status = 413
            fault.serviceMessage = "Request body is too large."
            return rekognition.failure(fault, operation: String(target.dropFirst(RekognitionEndpoint.targetPrefix.count)))
        }
        let operation = S3Endpoint.operationName(method: request.method, address: S3Address(host: request.header("host"), rawPath: request.rawPath),
                                                 query: QueryItems(request.rawQuery))
        return s3.failure(.entityTooLarge(limit: maxBodyBytes), operation: operation, resource: request.rawPath, isHead: false)
    }

    /// A signature refusal, worded as the service the request was for words it.
    func refusal(_ refusal: SigV4Verifier.Refusal, request: ServerRequest, target: String?) -> ServerResponse {
        if let target {
            let name = String(target.dropFirst(RekognitionEndpoint.targetPrefix.count))
            let fault: RekognitionFault
            switch refusal {
            case .missing:
                fault = RekognitionFault(code: "MissingAuthenticationTokenException", status: 400, serviceMessage: "Missing Authentication Token")
            case .unknownKey(let id):
                fault = RekognitionFault(code: ServiceErrorCode.unrecognizedClient.rawValue, status: 400,
                                         serviceMessage: "The security token included in the request is invalid.", detail: id)
            case .mismatch(let canonical):
                fault = RekognitionFault(code: ServiceErrorCode.invalidSignature.rawValue, status: 400,
                                         serviceMessage: "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
                                         detail: "canonical request:\n" + canonical)
            case .skewed(let requestTime, let serverTime):
                fault = RekognitionFault(code: ServiceErrorCode.invalidSignature.rawValue, status: 400,
                                         serviceMessage: "Signature expired: \(requestTime) is now earlier than \(serverTime) (\(serverTime) - 15 min.)")
            }
            return rekognition.failure(fault, operation: name)
        }
        let operation = S3Endpoint.operationName(method: request.method, address: S3Address(host: request.header("host"), rawPath: request.rawPath),
                                                 query: QueryItems(request.rawQuery))
        let fault: S3Fault
        switch refusal {
        case .missing:
            fault = S3Fault(code: "AccessDenied", status: 403, serviceMessage: "Access Denied")
        case .unknownKey(let id):
            fault = S3Fault(code: "InvalidAccessKeyId", status: 403, serviceMessage: "The AWS Access Key Id you provided does not exist in our records.", detail: id)
        case .mismatch(let canonical):
            fault = S3Fault(code: "SignatureDoesNotMatch", status: 403,
                            serviceMessage: "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
                            detail: "canonical request:\n" + canonical)
        case .skewed:
            fault = S3Fault(code: "RequestTimeTooSkewed", status: 403, serviceMessage: "The difference between the request time and the current time is too large.")
        }
        return s3.failure(fault, operation: operation, resource: request.rawPath, isHead: request.method == "HEAD")
    }
}
