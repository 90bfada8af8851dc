import PanyaSupport

/// What one model version saw in one photo: a `detections/<anything>.json` file (docs/mock.md).
/// Every candidate, unfiltered (DetectCustomLabels with MinConfidence 0), in the file's order.
///
/// ```swift
/// let text = recording.encoded()                                   // the AWS CLI's layout
/// let again = try DetectionRecording.decode(bytes: Array(text.utf8), file: recording.file)
/// ```
/// A `Comment` on a candidate and a candidate's `Geometry.Polygon` are accepted and not kept.
public struct DetectionRecording: Sendable, Equatable {
    /// The photo's file name as written (for people; matching uses the hash).
    public var photoFile: String
    /// Lower-case hex SHA-256 of the photo's bytes.
    public var sha256: String
    public var width: Int
    public var height: Int
    public var versionArn: ProjectVersionArn
    /// Every candidate, as the service returns them with MinConfidence 0.
    public var candidates: [CustomLabel]
    /// A note for people (the skeleton's instructions); nil when absent.
    public var comment: String?
    /// The file, relative to the recordings folder (`detections/breads3.json`).
    public var file: String

    /// A recording; `file` defaults to the name ``RecordingFormat/detectionFile(photoPath:taken:)`` gives.
    public init(photoFile: String, sha256: String, width: Int, height: Int, versionArn: ProjectVersionArn, candidates: [CustomLabel],
                comment: String? = nil, file: String? = nil) {
        self.photoFile = photoFile
        self.sha256 = sha256
        self.width = width
        self.height = height
        self.versionArn = versionArn
        self.candidates = candidates
        self.comment = comment
        self.file = file ?? RecordingFormat.detectionFile(photoPath: photoFile)
    }

    /// The same recording with every account id replaced by `123456789012` (what `record` writes
    /// unless asked to keep the account).
    public func withPlaceholderAccount() -> DetectionRecording {
        var copy = self
        copy.versionArn = ProjectVersionArn(ArnSyntax.replacingAccounts(in: versionArn.description)) ?? versionArn
        return copy
    }

    /// The candidates highest confidence first (ties keep their order), as the service lists them.
    public func sortedHighestFirst() -> DetectionRecording {
        var copy = self
        copy.candidates = candidates.enumerated().sorted { a, b in
            a.element.confidence != b.element.confidence ? a.element.confidence > b.element.confidence : a.offset < b.offset
        }.map(\.element)
        return copy
    }

    /// The file's text: the AWS CLI's layout (4-space indent, non-ASCII as is, a final newline).
    public func encoded() -> String {
        var object: JSONObject = [
            "Photo": .object(["File": .string(photoFile), "SHA256": .string(sha256), "Width": .int(width), "Height": .int(height)]),
            "ProjectVersionArn": .string(versionArn.description),
            "CustomLabels": .array(candidates.map(\.jsonValue)),
        ]
        object.append("Comment", comment.map(JSONValue.string))
        return JSONPrinter.awsCLI(.object(object))
    }

    /// Reads a detection file's bytes; `file` is its path relative to the recordings folder.
    /// With `versions`, the version must be declared (by a project file) and every label must be one of its labels.
    /// - Throws: `JSONError` naming the line, column and key of the first mistake, and how to fix it.
    public static func decode(bytes: [UInt8], file: String,
                              versions: ((ProjectVersionArn) -> VersionRecording?)? = nil) throws -> DetectionRecording {
        try decode(JSONParser.parse(bytes: bytes), file: file, versions: versions)
    }

    /// Reads a parsed detection file (see ``decode(bytes:file:versions:)``).
    public static func decode(_ document: JSONDocument, file: String,
                              versions: ((ProjectVersionArn) -> VersionRecording?)? = nil) throws -> DetectionRecording {
        let json = document.cursor
        try json.rejectUnknownKeys(RecordingFormat.detectionKeys)
        let photo = try json.member("Photo")
        try photo.rejectUnknownKeys(RecordingFormat.photoKeys)
        let photoFile = try photo.member("File").string()
        let shaCursor = try photo.member("SHA256")
        let sha = try shaCursor.string()
        guard isSHA256(sha) else {
            throw shaCursor.invalid(Catalog.recordingBadSHA(sha), hint: Catalog.recordingSkeletonHint)
        }
        let width = try RecordingFormat.positive(photo.member("Width"))
        let height = try RecordingFormat.positive(photo.member("Height"))
        let arnCursor = try json.member("ProjectVersionArn")
        let arnText = try arnCursor.string()
        guard let arn = ProjectVersionArn(arnText) else {
            throw arnCursor.invalid(Catalog.recordingBadArn(arnText, kind: .version), hint: Catalog.recordingVersionArnHint)
        }
        var version: VersionRecording?
        if let versions {
            guard let found = versions(arn) else {
                throw arnCursor.invalid(Catalog.recordingUnknownVersion(arnText), hint: Catalog.recordingUnknownVersionHint)
            }
            version = found
        }
        var candidates: [CustomLabel] = []
        for cursor in try json.member("CustomLabels").elements() {
            candidates.append(try candidate(cursor, version: version))
        }
        return DetectionRecording(photoFile: photoFile, sha256: sha, width: width, height: height, versionArn: arn,
                                  candidates: candidates, comment: try RecordingFormat.optionalComment(json), file: file)
    }

    /// The photo hash and version ARN a detection file is about, read leniently (no checks beyond
    /// their being strings; the hash lower-cased), or nil when the text does not say. For indexes:
    /// the file is decoded in full when it is used.
    public static func key(of bytes: [UInt8]) -> (sha256: String, versionArn: String)? {
        guard let root = try? JSONParser.parse(bytes: bytes).root,
              let sha = root["Photo"]?["SHA256"]?.stringValue, let arn = root["ProjectVersionArn"]?.stringValue else { return nil }
        return (sha.lowercased(), arn)
    }

    /// True for 64 lower-case hex digits.
    public static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    static func candidate(_ cursor: JSONCursor, version: VersionRecording?) throws -> CustomLabel {
        try cursor.rejectUnknownKeys(RecordingFormat.customLabelKeys)
        let nameCursor = try cursor.member("Name")
        let name = try nameCursor.string()
        if let version, !version.labels.contains(where: { $0.label == name }) {
            throw nameCursor.invalid(Catalog.recordingUnknownLabel(name, known: version.labels.map(\.label)))
        }
        let confidenceCursor = try cursor.member("Confidence")
        let confidence = try confidenceCursor.double()
        guard (0...100).contains(confidence) else {
            throw confidenceCursor.invalid(Catalog.recordingConfidenceRange(confidence), hint: Catalog.recordingConfidenceHint)
        }
        var box: BoundingBox?
        if let geometry = try cursor.optionalMember("Geometry") {
            try geometry.rejectUnknownKeys(RecordingFormat.geometryKeys)
            if let boxCursor = try geometry.optionalMember("BoundingBox") {
                try boxCursor.rejectUnknownKeys(RecordingFormat.boxKeys)
                let b = BoundingBox(width: try RecordingFormat.ratio(boxCursor.member("Width")),
                                    height: try RecordingFormat.ratio(boxCursor.member("Height")),
                                    left: try RecordingFormat.ratio(boxCursor.member("Left")),
                                    top: try RecordingFormat.ratio(boxCursor.member("Top")))
                if b.left + b.width > 1.000001 {
                    throw try boxCursor.member("Width").invalid(Catalog.recordingBoxOutside("Left + Width", b.left + b.width))
                }
                if b.top + b.height > 1.000001 {
                    throw try boxCursor.member("Height").invalid(Catalog.recordingBoxOutside("Top + Height", b.top + b.height))
                }
                box = b
            }
        }
        return CustomLabel(name: name, confidence: confidence, boundingBox: box)
    }
}
