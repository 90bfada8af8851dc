/// The error codes (`__type`) Rekognition answers with, and their HTTP status.
public enum ServiceErrorCode: String, Sendable, CaseIterable, Equatable {
    case resourceNotFound = "ResourceNotFoundException"
    case resourceNotReady = "ResourceNotReadyException"
    case resourceInUse = "ResourceInUseException"
    case resourceAlreadyExists = "ResourceAlreadyExistsException"
    case invalidS3Object = "InvalidS3ObjectException"
    case invalidParameter = "InvalidParameterException"
    case imageTooLarge = "ImageTooLargeException"
    case invalidImageFormat = "InvalidImageFormatException"
    case limitExceeded = "LimitExceededException"
    case serviceQuotaExceeded = "ServiceQuotaExceededException"
    case accessDenied = "AccessDeniedException"
    case provisionedThroughputExceeded = "ProvisionedThroughputExceededException"
    case throttling = "ThrottlingException"
    case internalServerError = "InternalServerError"
    case invalidPaginationToken = "InvalidPaginationTokenException"
    case validation = "ValidationException"
    case unrecognizedClient = "UnrecognizedClientException"
    case invalidSignature = "InvalidSignatureException"
    case expiredToken = "ExpiredTokenException"
    case serviceUnavailable = "ServiceUnavailableException"
    case invalidPolicyRevisionId = "InvalidPolicyRevisionIdException"
    case malformedPolicyDocument = "MalformedPolicyDocumentException"
    /// A code this table does not know; the raw `__type` is kept in ``ServiceError/typeName``.
    case unknown = "UnknownError"

    /// The HTTP status the service answers this error with.
    public var httpStatus: Int {
        switch self {
        case .throttling, .internalServerError, .unknown: return 500
        case .serviceUnavailable: return 503
        default: return 400
        }
    }

    /// True for errors worth retrying after a pause.
    public var isRetryable: Bool {
        switch self {
        case .throttling, .provisionedThroughputExceeded, .internalServerError, .serviceUnavailable: return true
        default: return false
        }
    }

    /// Reads an error body's `__type`, with or without a namespace
    /// (`com.amazonaws.rekognition#ResourceNotFoundException`); unknown codes give `.unknown`.
    public init(type: String) {
        let name = type.split(separator: "#").last.map(String.init) ?? type
        let trimmed = name.split(separator: ":").first.map(String.init) ?? name
        self = ServiceErrorCode(rawValue: trimmed) ?? .unknown
    }
}
