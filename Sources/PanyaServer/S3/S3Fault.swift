import MockBackend
import PanyaSupport

/// An error as S3 answers it: an XML `<Error>` with a code, a message and an HTTP status.
struct S3Fault: Error, Sendable, Equatable {
    var code: String
    var status: Int
    var serviceMessage: String
    /// panya's explanation for the server's log (never sent).
    var detail: String?
    /// More elements of the XML error, already written (`<Condition>If-Match</Condition>`).
    var extra = ""
    /// Headers sent with the error (`Content-Range` of a 416).
    var headers: [String: String] = [:]

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

    /// A key panya refuses because it would leave the bucket's folder (`..`, `.`, a leading `/`, NUL).
    static func keyOutsideBucket(_ detail: String) -> S3Fault {
        S3Fault(code: "InvalidArgument", status: 400, serviceMessage: "Keys with a '..' or '.' segment, a leading '/' or NUL are not allowed by panya serve.",
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

    static func invalidArgument(_ message: String, detail: String? = nil) -> S3Fault {
        S3Fault(code: "InvalidArgument", status: 400, serviceMessage: message, detail: detail)
    }

    static func invalidRequest(_ message: String) -> S3Fault {
        S3Fault(code: "InvalidRequest", status: 400, serviceMessage: message)
    }

    /// A `Content-MD5` that is not the base64 of 16 bytes.
    static let invalidDigest = S3Fault(code: "InvalidDigest", status: 400, serviceMessage: "The Content-MD5 you specified was not valid.")

    /// A `Content-MD5` or checksum that does not match the bytes received (`what`: `Content-MD5`, `CRC32`…).
    static func badDigest(_ what: String) -> S3Fault {
        what == "Content-MD5"
            ? S3Fault(code: "BadDigest", status: 400, serviceMessage: "The Content-MD5 you specified did not match what we received.")
            : S3Fault(code: "BadDigest", status: 400, serviceMessage: "The \(what) you specified did not match the calculated checksum.")
    }

    static let contentSHA256Mismatch = S3Fault(code: "XAmzContentSHA256Mismatch", status: 400,
                                               serviceMessage: "The provided 'x-amz-content-sha256' header does not match what was computed.")

    static let incompleteBody = S3Fault(code: "IncompleteBody", status: 400,
                                        serviceMessage: "You did not provide the number of bytes specified by the Content-Length HTTP header.")

    static let malformedTrailer = S3Fault(code: "MalformedTrailerError", status: 400,
                                          serviceMessage: "The request contained trailing data that was not well-formed or did not conform to our published schema.")

    static let malformedXML = S3Fault(code: "MalformedXML", status: 400,
                                      serviceMessage: "The XML you provided was not well-formed or did not validate against our published schema")

    /// A range that starts past the end of an object of `size` bytes.
    static func invalidRange(size: Int) -> S3Fault {
        var fault = S3Fault(code: "InvalidRange", status: 416, serviceMessage: "The requested range is not satisfiable")
        fault.extra = S3XML.element("ActualObjectSize", String(size))
        fault.headers = ["Content-Range": "bytes */\(size)"]
        return fault
    }

    /// A condition (`If-Match`, `If-None-Match` on a write…) that does not hold.
    static func preconditionFailed(_ condition: String) -> S3Fault {
        var fault = S3Fault(code: "PreconditionFailed", status: 412, serviceMessage: "At least one of the pre-conditions you specified did not hold",
                            detail: condition)
        fault.extra = S3XML.element("Condition", condition)
        return fault
    }

    static func noSuchUpload(_ id: String) -> S3Fault {
        S3Fault(code: "NoSuchUpload", status: 404,
                serviceMessage: "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.", detail: id)
    }

    static func invalidPart(_ detail: String) -> S3Fault {
        S3Fault(code: "InvalidPart", status: 400,
                serviceMessage: "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
                detail: detail)
    }

    static let invalidPartOrder = S3Fault(code: "InvalidPartOrder", status: 400,
                                          serviceMessage: "The list of parts was not in ascending order. Parts must be ordered by part number.")

    static func entityTooSmall(part: Int, size: Int) -> S3Fault {
        S3Fault(code: "EntityTooSmall", status: 400, serviceMessage: "Your proposed upload is smaller than the minimum allowed object size.",
                detail: "part \(part) is \(size) bytes; every part but the last must be at least 5 MiB")
    }

    static func methodNotAllowed(_ method: String) -> S3Fault {
        S3Fault(code: "MethodNotAllowed", status: 405, serviceMessage: "The specified method is not allowed against this resource.", detail: method)
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
        case .keyTooLong: self = S3Fault(code: "KeyTooLongError", status: 400, serviceMessage: "Your key is too long")
        case .bucketNotEmpty(let bucket):
            self = S3Fault(code: "BucketNotEmpty", status: 409, serviceMessage: "The bucket you tried to delete is not empty", detail: bucket)
        case .io: self = .internalError(detail)
        }
        if case .noBucket = error {} else { self.detail = detail }
    }
}
