import PanyaSupport

/// An error as the service answers it (`{"__type": code, "Message": text}`), with a
/// Japanese explanation and a hint for students.
public struct ServiceError: UserFacingError, CustomStringConvertible, Equatable {
    /// The code, as a known case.
    public var kind: ServiceErrorCode
    /// The code exactly as received (differs from `kind.rawValue` only for unknown codes).
    public var typeName: String
    /// The message, worded as the service words it.
    public var serviceMessage: String
    /// More for a person than the service says (which file, which limit), when panya knows it.
    public var detail: Message?

    /// An error with a known code.
    public init(_ kind: ServiceErrorCode, _ serviceMessage: String, detail: Message? = nil) {
        self.kind = kind
        self.typeName = kind.rawValue
        self.serviceMessage = serviceMessage
        self.detail = detail
    }

    /// An error read from an error body's `__type` and `Message`.
    public init(type: String, serviceMessage: String) {
        self.kind = ServiceErrorCode(type: type)
        self.typeName = kind == .unknown ? (type.split(separator: "#").last.map(String.init) ?? type) : kind.rawValue
        self.serviceMessage = serviceMessage
    }

    public var code: String? { typeName }

    /// HTTP status of the answer.
    public var httpStatus: Int { kind.httpStatus }

    /// `ResourceNotReadyException: ProjectVersion arn:… is not ready`, then the explanation and hint.
    public var message: Message {
        var head = Message.verbatim("\(typeName): \(serviceMessage)")
        if let detail { head = head + .verbatim("\n  ") + detail }
        return head + .verbatim("\n  ") + Catalog.serviceErrorExplanation(kind) + .verbatim("\n  ") + Catalog.serviceErrorHint(kind)
    }

    /// What the error means, in both languages.
    public var explanation: Message { Catalog.serviceErrorExplanation(kind) }
    /// What to do about it, in both languages.
    public var hint: Message { Catalog.serviceErrorHint(kind) }

    public var description: String { "\(typeName): \(serviceMessage)" }

    /// The error body the service sends: `{"__type": …, "Message": …}`.
    public var jsonValue: JSONValue {
        .object(["__type": .string(typeName), "Message": .string(serviceMessage)])
    }

    /// Reads an error body; nil when it has no `__type` (some bodies spell it `code`/`message`).
    public init?(body: JSONValue) {
        guard case .object(let object) = body else { return nil }
        guard let type = object["__type"]?.stringValue ?? object["code"]?.stringValue else { return nil }
        let text = object["Message"]?.stringValue ?? object["message"]?.stringValue ?? ""
        self.init(type: type, serviceMessage: text)
    }
}

// MARK: - The service's wording for the errors panya raises itself

extension ServiceError {
    /// `ResourceNotFoundException` for a version ARN nobody knows.
    public static func versionNotFound(_ arn: String) -> ServiceError {
        ServiceError(.resourceNotFound, "The resource \(arn) could not be found.")
    }

    /// `ResourceNotFoundException` for a project ARN nobody knows.
    public static func projectNotFound(_ arn: String) -> ServiceError {
        ServiceError(.resourceNotFound, "The project \(arn) could not be found.")
    }

    /// `ResourceNotReadyException` when the version is not RUNNING.
    public static func notReady(_ arn: String, status: VersionStatus) -> ServiceError {
        ServiceError(.resourceNotReady, "ProjectVersion \(arn) is not ready. Current status: \(status.rawValue)")
    }

    /// `ResourceInUseException` for a lifecycle call in the wrong state.
    public static func wrongState(_ arn: String, status: VersionStatus, operation: String) -> ServiceError {
        ServiceError(.resourceInUse, "\(operation) is not allowed for ProjectVersion \(arn) in status \(status.rawValue).")
    }

    /// `InvalidParameterException` with the service's short wording.
    public static func invalidParameter(_ text: String) -> ServiceError {
        ServiceError(.invalidParameter, text)
    }

    /// `ValidationException` for a number failing its constraint (the value written without quotes, as the service does).
    public static func validationNumber(value: Int, member: String, constraint: String) -> ServiceError {
        ServiceError(.validation, "1 validation error detected: Value '\(value)' at '\(member)' failed to satisfy constraint: \(constraint)")
    }

    /// `ValidationException` for a value failing its constraint, worded as the service does.
    public static func validation(value: String, member: String, constraint: String) -> ServiceError {
        ServiceError(.validation, "1 validation error detected: Value '\(value)' at '\(member)' failed to satisfy constraint: \(constraint)")
    }
}
