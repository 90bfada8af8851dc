import CustomLabels
import PanyaSupport

/// Rekognition's JSON 1.1 protocol: `POST /` with `X-Amz-Target: RekognitionService.<Operation>`;
/// the body is read into JSON, the operation prepares its request outside the backend gate and
/// runs in it, and the answer (or the
/// error as `{"__type", "Message"}`) goes back as `application/x-amz-json-1.1`.
struct RekognitionEndpoint: Sendable {
    /// The target prefix of every operation.
    static let targetPrefix = "RekognitionService."
    /// The content type of requests and answers.
    static let contentType = "application/x-amz-json-1.1"

    let gate: BackendGate
    let language: UILanguage

    /// The answer to one request (never throws: every error becomes the service's error body).
    func respond(to request: ServerRequest, target: String) -> ServerResponse {
        let name = target.hasPrefix(Self.targetPrefix) ? String(target.dropFirst(Self.targetPrefix.count)) : target
        guard target.hasPrefix(Self.targetPrefix), let operation = RekognitionOperations.named(name) else {
            return failure(RekognitionFault.unknownOperation(target), operation: name)
        }
        do {
            let document: JSONDocument
            do {
                // A photo sent before is found in the body as it is, not scanned and copied again.
                let knownStrings = (operation as? DetectCustomLabelsOperation)?.recentPhotos
                document = try JSONParser.parse(bytes: request.body.isEmpty ? Array("{}".utf8) : request.body, knownStrings: knownStrings)
            } catch let error as JSONError {
                throw RekognitionFault.fromJSONError(error)
            }
            guard case .object = document.root else {
                let found = document.root.kindMessage.en
                throw RekognitionFault.serialization("Start of \(found) found where not expected: the body must be a JSON object")
            }
            let input = OperationInput(cursor: document.cursor)
            let call = try operation.prepare(input)
            let answer = try gate.run { backend in try call(backend) }
            return ServerResponse(status: 200, headers: [("Content-Type", Self.contentType)],
                                  body: JSONPrinter.compactUTF8(answer), operation: name)
        } catch {
            return failure(RekognitionFault(any: error, language: language), operation: name)
        }
    }

    /// The service's error answer.
    func failure(_ fault: RekognitionFault, operation: String) -> ServerResponse {
        ServerResponse(status: fault.status, headers: [("Content-Type", Self.contentType), ("x-amzn-ErrorType", fault.code)],
                       body: JSONPrinter.compactUTF8(fault.jsonValue), operation: operation,
                       errorCode: fault.code, detail: fault.detail)
    }
}
