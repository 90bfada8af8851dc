import CustomLabels
import MockBackend
import PanyaStore
import PanyaSupport
import Photos

/// An error as the Rekognition endpoint answers it: `{"__type": code, "Message": text}` with an
/// HTTP status. Made from the backend's `ServiceError` (its code, status and wording), or for the
/// protocol's own errors the service has (SerializationException, UnknownOperationException …).
public struct RekognitionFault: Error, Sendable, Equatable {
    /// The `__type`.
    public var code: String
    /// The HTTP status.
    public var status: Int
    /// The `Message`, worded as the service words it.
    public var serviceMessage: String
    /// panya's explanation for the server's log (never sent).
    public var detail: String?

    public init(code: String, status: Int, serviceMessage: String, detail: String? = nil) {
        self.code = code
        self.status = status
        self.serviceMessage = serviceMessage
        self.detail = detail
    }

    /// The body the service sends.
    public var jsonValue: JSONValue {
        .object(["__type": .string(code), "Message": .string(serviceMessage)])
    }

    /// The backend's service error, as it is.
    public init(_ error: ServiceError, language: UILanguage) {
        self.init(code: error.typeName, status: error.httpStatus, serviceMessage: error.serviceMessage,
                  detail: error.detail?.text(language))
    }

    /// Any error from a handler, as the client will read it: service errors as they are, the
    /// mock's own problems (no recording …) with their code and panya's words, the rest as
    /// InternalServerError.
    public init(any error: any Error, language: UILanguage) {
        switch error {
        case let fault as RekognitionFault:
            self = fault
        case let service as ServiceError:
            self.init(service, language: language)
        case let json as JSONError:
            self = Self.fromJSONError(json)
        case let photo as PhotoError where photo.code != nil:
            let code = photo.code ?? ServiceErrorCode.invalidParameter.rawValue
            self.init(code: code, status: 400, serviceMessage: photo.message.en, detail: photo.message.text(language))
        case let worded as ServiceWordedError:
            self.init(code: worded.serviceCode.rawValue, status: worded.serviceCode.httpStatus, serviceMessage: worded.serviceMessage,
                      detail: worded.message.text(language))
        case let mock as MockBackendError:
            self.init(code: mock.code ?? "MockError", status: 400, serviceMessage: mock.message.text(language))
        case let facing as UserFacingError:
            self.init(code: ServiceErrorCode.internalServerError.rawValue, status: 500,
                      serviceMessage: "Internal server error", detail: facing.message.text(language))
        default:
            self.init(code: ServiceErrorCode.internalServerError.rawValue, status: 500,
                      serviceMessage: "Internal server error", detail: "\(error)")
        }
    }

    /// A missing member is a ValidationException (the service's wording); anything else that
    /// cannot be read as the operation's input is a SerializationException.
    static func fromJSONError(_ error: JSONError) -> RekognitionFault {
        switch error.problem {
        case .missingKey(let key):
            let member = key.prefix(1).lowercased() + key.dropFirst()
            return RekognitionFault(code: ServiceErrorCode.validation.rawValue, status: 400,
                                    serviceMessage: "1 validation error detected: Value null at '\(member)' failed to satisfy constraint: Member must not be null",
                                    detail: error.message.en)
        case .invalidValue:
            return RekognitionFault(code: ServiceErrorCode.validation.rawValue, status: 400,
                                    serviceMessage: "1 validation error detected: \(error.problemMessage.en) at '\(error.path)'",
                                    detail: error.message.en)
        case .syntax(let problem):
            let place = error.location.map { " (line \($0.line), column \($0.column))" } ?? ""
            return .serialization("Unexpected character\(place): \(problem.en)", detail: error.message.en)
        case .typeMismatch(let expected, let found):
            return .serialization("Member '\(error.path)' has the wrong type: expected \(expected.en), found \(found.en)", detail: error.message.en)
        case .unknownKey(let key, _):
            return .serialization("Unknown member '\(key)' at '\(error.path)'", detail: error.message.en)
        }
    }

    /// `SerializationException` (400): the body is not the operation's JSON; `message` says what is wrong.
    public static func serialization(_ message: String, detail: String? = nil) -> RekognitionFault {
        RekognitionFault(code: "SerializationException", status: 400, serviceMessage: message, detail: detail)
    }

    /// `UnknownOperationException` (400) for an `X-Amz-Target` the service does not have.
    public static func unknownOperation(_ target: String) -> RekognitionFault {
        RekognitionFault(code: "UnknownOperationException", status: 400, serviceMessage: "", detail: target)
    }

    /// `ImageTooLargeException` (400) for image bytes over the service's 4 MB.
    public static func imageTooLarge(bytes: Int, limit: Int) -> RekognitionFault {
        RekognitionFault(code: ServiceErrorCode.imageTooLarge.rawValue, status: 400, serviceMessage: "Image size is too large.",
                         detail: "\(bytes) bytes > \(limit)")
    }
}
