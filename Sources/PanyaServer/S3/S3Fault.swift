import MockBackend
import PanyaSupport

/// An error as S3 answers it: an XML `<Error>` with a code, a message and an HTTP status.
struct S3Fault: Error, Sendable, Equatable {
    var code: String
    var status: Int
    var serviceMessage: String
    /// panya's explanation for the server's log (never sent).
    var detail: String?

    init(code: String, status: Int, serviceMessage: String, detail: String? = nil) {
        self.code = code
        self.status = status
        self.serviceMessage = serviceMessage
        self.detail = detail
    }

    static func noSuchKey(_ detail: String?) -> S3Fault {
        S3Fault(code: "NoSuchKey", status: 404, serviceMessage: "The specified key does not exist.", detail: detail)
    }

    static func noSuchBucket(_ bucket: String) -> S3Fault {
        S3Fault(code: "NoSuchBucket", status: 404, serviceMessage: "The specified bucket does not exist", detail: bucket)
    }

    static func invalidBucketName(_ bucket: String) -> S3Fault {
        S3Fault(code: "InvalidBucketName", status: 400, serviceMessage: "The specified bucket is not valid.", detail: bucket)
    }

    /// A key panya refuses because it would leave the bucket's folder (`..`, `.`, absolute, empty segments).
    static func keyOutsideBucket(_ detail: String) -> S3Fault {
        S3Fault(code: "InvalidArgument", status: 400, serviceMessage: "Keys with '..', '.', empty segments or a leading '/' are not allowed by panya serve.",
                detail: detail)
    }

    /// S3's own answer (`NotImplemented`, 501) to a header or query asking for a feature the subset
    /// does not have (multipart uploads, versioning…); `what` names it for the log.
    static func notImplemented(_ what: String) -> S3Fault {
        S3Fault(code: "NotImplemented", status: 501, serviceMessage: "A header or query you provided implies functionality that is not implemented.",
                detail: what)
    }

    static func entityTooLarge(limit: Int) -> S3Fault {
        S3Fault(code: "EntityTooLarge", status: 413, serviceMessage: "Your proposed upload exceeds the maximum allowed size",
                detail: "more than \(limit) bytes")
    }

    static func internalError(_ detail: String) -> S3Fault {
        S3Fault(code: "InternalError", status: 500, serviceMessage: "We encountered an internal error. Please try again.", detail: detail)
    }

    /// The bucket folder's refusal, as S3 words it.
    init(_ error: S3FolderError, language: UILanguage) {
        let detail = error.message.text(language)
        switch error {
        case .badBucket(let bucket): self = .invalidBucketName(bucket)
        case .keyEscapes: self = .keyOutsideBucket(detail)
        case .noObject: self = .noSuchKey(detail)
        case .noBucket(let bucket): self = .noSuchBucket(bucket)
        case .io: self = .internalError(detail)
        }
        if case .noBucket = error {} else { self.detail = detail }
    }
}
