import PanyaSupport

/// What can go wrong training a bread model or reading one back.
public enum BreadVisionError: UserFacingError, Equatable, CustomStringConvertible {
    /// Training was given no photos.
    case noTrainingPhotos
    /// Training photos were given, but not one box on them.
    case noBoxes
    /// Box `box` (1-based) on `photo` has an empty label.
    case emptyLabel(photo: String, box: Int)
    /// Box `box` (1-based) on `photo` is empty or lies outside the photo.
    case boxOutsidePhoto(photo: String, box: Int)
    /// A stored model that cannot be read; `reason` says where.
    case modelUnreadable(reason: String)
    /// A stored model written in a format version this panya does not know.
    case modelVersionUnsupported(found: Int, supported: Int)

    /// A stable code for scripts and tests.
    public var code: String? {
        switch self {
        case .noTrainingPhotos: return "NoTrainingPhotos"
        case .noBoxes: return "NoBoxes"
        case .emptyLabel: return "EmptyLabel"
        case .boxOutsidePhoto: return "BoxOutsidePhoto"
        case .modelUnreadable: return "ModelUnreadable"
        case .modelVersionUnsupported: return "ModelVersionUnsupported"
        }
    }

    /// What went wrong and how to fix it, in both languages.
    public var message: Message {
        switch self {
        case .noTrainingPhotos: return Catalog.visionNoTrainingPhotos
        case .noBoxes: return Catalog.visionNoBoxes
        case .emptyLabel(let photo, let box): return Catalog.visionEmptyLabel(photo: photo, box: box)
        case .boxOutsidePhoto(let photo, let box): return Catalog.visionBoxOutsidePhoto(photo: photo, box: box)
        case .modelUnreadable(let reason): return Catalog.visionModelUnreadable(reason: reason)
        case .modelVersionUnsupported(let found, let supported):
            return Catalog.visionModelVersionUnsupported(found: found, supported: supported)
        }
    }

    /// `Code: message` in English (logs, test output).
    public var description: String { "\(code ?? "BreadVisionError"): \(message.en)" }
}
