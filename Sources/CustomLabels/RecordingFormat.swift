import PanyaSupport

/// The rules of the recordings folder (`mock-responses/`, docs/mock.md) in one place: where each
/// file goes and what it is called, which keys each object may hold, and which version statuses
/// a recording keeps. The two file types are ``ProjectRecording`` and ``DetectionRecording``;
/// both encode and decode, and everything that reads or writes recordings (the mock's library,
/// the AWS recorder, the skeleton printer) goes through them.
public enum RecordingFormat {
    /// The folder of project files.
    public static let projectsFolder = "projects"
    /// The folder of detection files.
    public static let detectionsFolder = "detections"

    /// `projects/<ProjectName>.json`: a project file is named after its project.
    public static func projectFile(projectName: String) -> String {
        projectsFolder + "/" + projectName + ".json"
    }

    /// The file name a detection recording gets for a photo path: `trays/breads3.jpg` →
    /// `breads3.json`, a PNG → `breads3-png.json` (so a JPEG and a PNG of one tray do not collide).
    public static func detectionFileName(photoPath: String) -> String {
        let last = photoPath.split(separator: "/").last.map(String.init) ?? photoPath
        let lower = last.lowercased()
        for (suffix, replacement) in [(".jpg", ""), (".jpeg", ""), (".png", "-png")] where lower.hasSuffix(suffix) {
            return String(last.dropLast(suffix.count)) + replacement + ".json"
        }
        return last + ".json"
    }

    /// `detections/<name>.json` for the photo at `photoPath`; when that name is in `taken` (files
    /// written earlier in the same run), `-2`, `-3` … is added before `.json`.
    public static func detectionFile(photoPath: String, taken: Set<String> = []) -> String {
        let name = detectionFileName(photoPath: photoPath)
        let stem = String(name.dropLast(".json".count))
        var file = detectionsFolder + "/" + name
        var n = 2
        while taken.contains(file) {
            file = detectionsFolder + "/" + stem + "-\(n).json"
            n += 1
        }
        return file
    }

    /// True for a file the recordings folder reads: `*.json`, not hidden.
    public static func isRecordingFileName(_ name: String) -> Bool {
        name.hasSuffix(".json") && !name.hasPrefix(".")
    }

    /// The status a recording keeps for a version the service describes: a trained model is
    /// recorded as `TRAINING_COMPLETED` ("trained and stopped"; the mock keeps the lifecycle in its
    /// store), one that never finished training keeps its training status.
    public static func recordedStatus(_ live: VersionStatus) -> VersionStatus {
        switch live {
        case .trainingInProgress, .copyingInProgress: return .trainingInProgress
        case .trainingFailed, .copyingFailed: return .trainingFailed
        case .deprecated: return .deprecated
        case .expired: return .expired
        case .trainingCompleted, .copyingCompleted, .starting, .running, .failed, .stopping, .stopped, .deleting:
            return .trainingCompleted
        }
    }

    /// The statuses a recording may hold (those ``recordedStatus(_:)`` gives).
    public static let recordableStatuses: [VersionStatus] = VersionStatus.allCases.filter { recordedStatus($0) == $0 }

    /// Keys each object of a project file may hold, in the order they are written.
    static let projectKeys = ["ProjectName", "ProjectArn", "Versions", "Comment"]
    static let versionKeys = ["VersionName", "ProjectVersionArn", "Status", "BillableTrainingTimeInSeconds", "TrainingImages",
                              "TestingImages", "F1Score", "Precision", "Recall", "Labels", "Comment"]
    static let labelKeys = ["Name", "AssumedThreshold", "F1Score", "Precision", "Recall", "TestingImages", "Comment"]
    /// Keys each object of a detection file may hold.
    static let detectionKeys = ["Photo", "ProjectVersionArn", "CustomLabels", "Comment"]
    static let photoKeys = ["File", "SHA256", "Width", "Height"]
    static let customLabelKeys = ["Name", "Confidence", "Geometry", "Comment"]
    static let geometryKeys = ["BoundingBox", "Polygon"]
    static let boxKeys = ["Width", "Height", "Left", "Top"]

    // MARK: Value checks shared by both files

    static func ratio(_ cursor: JSONCursor) throws -> Double {
        let value = try cursor.double()
        guard (0...1).contains(value) else {
            throw cursor.invalid(Catalog.recordingRatioRange(lastKey(cursor.path), value), hint: Catalog.recordingRatioHint)
        }
        return value
    }

    static func lastKey(_ path: JSONPath) -> String {
        for component in path.components.reversed() {
            if case .key(let key) = component { return key }
        }
        return path.description
    }

    static func optionalRatio(_ cursor: JSONCursor, _ key: String) throws -> Double? {
        try cursor.optionalMember(key).map(ratio)
    }

    static func optionalCount(_ cursor: JSONCursor, _ key: String) throws -> Int? {
        guard let member = try cursor.optionalMember(key) else { return nil }
        let value = try member.int()
        guard value >= 0 else { throw member.invalid(Catalog.recordingNegative(key, value)) }
        return value
    }

    static func positive(_ cursor: JSONCursor) throws -> Int {
        let value = try cursor.int()
        guard value >= 1 else { throw cursor.invalid(Catalog.recordingNegative(cursor.path.description, value)) }
        return value
    }

    static func optionalComment(_ cursor: JSONCursor) throws -> String? {
        try cursor.optionalMember("Comment")?.string()
    }
}
