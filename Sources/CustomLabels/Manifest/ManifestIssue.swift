import PanyaSupport

/// One problem found in a manifest: the service's code, where (line, and box or column), and a
/// sentence saying what is wrong and how to fix it.
public struct ManifestIssue: UserFacingError, Sendable, Equatable, CustomStringConvertible {
    /// The service's code.
    public var manifestCode: ManifestCode
    /// The line (from 1); nil for a problem of the whole manifest.
    public var line: Int?
    /// The column (from 1) of a JSON syntax error, as the JSON parser reports it.
    public var column: Int?
    /// The box (from 0, in `annotations`) for a box problem.
    public var annotation: Int?
    /// What is wrong and how to fix it, without the place.
    public var detail: Message

    /// An issue at a place.
    public init(_ code: ManifestCode, line: Int?, column: Int? = nil, annotation: Int? = nil, detail: Message) {
        self.manifestCode = code
        self.line = line
        self.column = column
        self.annotation = annotation
        self.detail = detail
    }

    /// The service's code, `ERROR_INVALID_BOUNDING_BOX` ….
    public var code: String? { manifestCode.rawValue }

    /// "line 3, box 2: ERROR_INVALID_BOUNDING_BOX: …".
    public var message: Message {
        Catalog.manifestIssuePlace(line: line, column: column, annotation: annotation) + .verbatim(manifestCode.rawValue + ": ") + detail
    }

    /// The English message.
    public var description: String { message.en }
}
