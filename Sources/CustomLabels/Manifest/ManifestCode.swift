/// The service's codes for manifest problems (a line, a box of a line, or the whole manifest).
public enum ManifestCode: String, Sendable, Equatable, CaseIterable {
    // A whole line is left out.
    case invalidJSONLine = "ERROR_INVALID_JSON_LINE"
    case missingSourceRef = "ERROR_MISSING_SOURCE_REF"
    case invalidSourceRefFormat = "ERROR_INVALID_SOURCE_REF_FORMAT"
    case noLabelAttributes = "ERROR_NO_LABEL_ATTRIBUTES"
    case invalidLabelAttributeFormat = "ERROR_INVALID_LABEL_ATTRIBUTE_FORMAT"
    case invalidLabelAttributeMetadataFormat = "ERROR_INVALID_LABEL_ATTRIBUTE_METADATA_FORMAT"
    case invalidImageDimension = "ERROR_INVALID_IMAGE_DIMENSION"
    case tooManyBoundingBoxes = "ERROR_TOO_MANY_BOUNDING_BOXES"
    case noValidAnnotations = "ERROR_NO_VALID_ANNOTATIONS"
    // One box is left out; the line's other boxes are kept.
    case invalidBoundingBox = "ERROR_INVALID_BOUNDING_BOX"
    case boundingBoxTooSmall = "ERROR_BOUNDING_BOX_TOO_SMALL"
    case missingClassMapID = "ERROR_MISSING_CLASS_MAP_ID"
    case invalidLabelNameLength = "ERROR_INVALID_LABEL_NAME_LENGTH"
    // The line is ignored (not counted as invalid).
    case noAnnotations = "WARNING_NO_ANNOTATIONS"
    /// panya's own: a later line for a photo an earlier line already gave (the first line is kept).
    case duplicateSourceRef = "WARNING_DUPLICATE_SOURCE_REF"
    // The whole manifest cannot be used.
    case tooFewLabels = "ERROR_MANIFEST_TOO_FEW_LABELS"
    case tooManyInvalidRows = "ERROR_TOO_MANY_INVALID_ROWS_IN_MANIFEST"

    /// What the problem costs.
    public enum Scope: Sendable, Equatable {
        /// The line is left out of the dataset.
        case line
        /// One box is left out.
        case box
        /// The line is ignored: not used, not counted as invalid.
        case warning
        /// The manifest cannot be used at all.
        case manifest
    }

    /// What this code costs: a line, a box, nothing (warning) or the manifest.
    public var scope: Scope {
        switch self {
        case .invalidJSONLine, .missingSourceRef, .invalidSourceRefFormat, .noLabelAttributes, .invalidLabelAttributeFormat,
             .invalidLabelAttributeMetadataFormat, .invalidImageDimension, .tooManyBoundingBoxes, .noValidAnnotations:
            return .line
        case .invalidBoundingBox, .boundingBoxTooSmall, .missingClassMapID, .invalidLabelNameLength:
            return .box
        case .noAnnotations, .duplicateSourceRef:
            return .warning
        case .tooFewLabels, .tooManyInvalidRows:
            return .manifest
        }
    }
}
