import CustomLabels
import Foundation
import PanyaSupport

/// The recorded responses the mock replays (formats.md): `projects/*.json` and
/// `detections/*.json` under one folder, validated as a whole when loaded.
public final class RecordingLibrary: Sendable {
    /// The folder the recordings were read from.
    public let directory: String
    /// The projects, by file name order.
    public let projects: [ProjectRecording]
    /// Every detection recording, by file name order.
    public let detections: [DetectionRecording]

    private let detectionIndex: [String: DetectionRecording]

    /// Keys the project file may hold, per object.
    static let projectKeys = ["ProjectName", "ProjectArn", "Versions", "Comment"]
    static let versionKeys = ["VersionName", "ProjectVersionArn", "Status", "BillableTrainingTimeInSeconds", "TrainingImages",
                              "TestingImages", "F1Score", "Precision", "Recall", "Labels", "Comment"]
    static let labelKeys = ["Name", "AssumedThreshold", "F1Score", "Precision", "Recall", "TestingImages", "Comment"]
    static let detectionKeys = ["Photo", "ProjectVersionArn", "CustomLabels", "Comment"]
    static let photoKeys = ["File", "SHA256", "Width", "Height"]
    static let customLabelKeys = ["Name", "Confidence", "Geometry", "Comment"]
    static let geometryKeys = ["BoundingBox", "Polygon"]
    static let boxKeys = ["Width", "Height", "Left", "Top"]

    /// Reads and checks every recording under `directory`; throws ``RecordingError`` listing
    /// every mistake (file, line, key, fix).
    public static func load(directory: String) throws -> RecordingLibrary {
        let fm = FileManager.default
        var issues: [RecordingError.Issue] = []
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RecordingError(directory: directory, issues: [
                RecordingError.Issue(file: directory, error: JSONError(.invalidValue(Catalog.recordingFolderMissing(directory)), path: .root, location: nil,
                                                                       hint: Catalog.recordingFolderHint)),
            ])
        }
        var projects: [ProjectRecording] = []
        for file in jsonFiles(in: directory + "/projects") {
            let relative = "projects/" + file
            do {
                let document = try parseFile(directory + "/" + relative)
                projects.append(try readProject(document.cursor, file: relative))
            } catch let error as JSONError {
                issues.append(RecordingError.Issue(file: relative, error: error))
            }
        }
        if projects.isEmpty && issues.isEmpty {
            issues.append(RecordingError.Issue(file: "projects/", error: JSONError(.invalidValue(Catalog.recordingNoProjects), path: .root, location: nil,
                                                                                 hint: Catalog.recordingNoProjectsHint)))
        }
        var versions: [ProjectVersionArn: VersionRecording] = [:]
        var versionFiles: [ProjectVersionArn: String] = [:]
        var keptProjects: [ProjectRecording] = []
        for project in projects {
            var duplicate = false
            for version in project.versions {
                if let other = versionFiles[version.arn] {
                    issues.append(RecordingError.Issue(file: project.file, error: JSONError(
                        .invalidValue(Catalog.recordingDuplicateVersion(version.arn.description, otherFile: other)), path: .root, location: nil)))
                    duplicate = true
                }
                versions[version.arn] = version
                versionFiles[version.arn] = project.file
            }
            if !duplicate { keptProjects.append(project) }
        }

        // When a project file is wrong, its versions are unknown: detections naming them are
        // skipped rather than reported, so the one real mistake is not buried.
        let projectsFailed = !issues.isEmpty
        var detections: [DetectionRecording] = []
        var index: [String: DetectionRecording] = [:]
        for file in jsonFiles(in: directory + "/detections") {
            let relative = "detections/" + file
            do {
                let document = try parseFile(directory + "/" + relative)
                let recording = try readDetection(document.cursor, file: relative, versions: versions)
                let key = indexKey(sha256: recording.sha256, versionArn: recording.versionArn.description)
                if let other = index[key] {
                    throw JSONError(.invalidValue(Catalog.recordingDuplicateDetection(photo: recording.photoFile, otherFile: other.file)),
                                    path: JSONPath.root.appending(key: "Photo").appending(key: "SHA256"),
                                    location: document.locations[JSONPath.root.appending(key: "Photo").appending(key: "SHA256")],
                                    hint: Catalog.recordingDuplicateDetectionHint)
                }
                index[key] = recording
                detections.append(recording)
            } catch let error as JSONError {
                if projectsFailed, case .invalidValue(let message) = error.problem, error.path.description == "ProjectVersionArn",
                   message.en.hasPrefix("no project file declares") {
                    continue
                }
                issues.append(RecordingError.Issue(file: relative, error: error))
            }
        }
        if !issues.isEmpty { throw RecordingError(directory: directory, issues: issues) }
        return RecordingLibrary(directory: directory, projects: keptProjects, detections: detections, index: index)
    }

    private init(directory: String, projects: [ProjectRecording], detections: [DetectionRecording], index: [String: DetectionRecording]) {
        self.directory = directory
        self.projects = projects
        self.detections = detections
        self.detectionIndex = index
    }

    static func indexKey(sha256: String, versionArn: String) -> String { sha256.lowercased() + " " + versionArn }

    static func jsonFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
    }

    static func parseFile(_ path: String) throws -> JSONDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JSONError(.invalidValue(Catalog.recordingUnreadable(path)), path: .root, location: nil)
        }
        return try JSONParser.parse(bytes: [UInt8](data))
    }

    // MARK: Lookups

    /// The version with this ARN and its project.
    public func version(arn: String) -> (project: ProjectRecording, version: VersionRecording)? {
        for project in projects {
            if let version = project.versions.first(where: { $0.arn.description == arn }) { return (project, version) }
        }
        return nil
    }

    /// The project with this ARN.
    public func project(arn: String) -> ProjectRecording? {
        projects.first { $0.projectArn.description == arn }
    }

    /// The project called `name`.
    public func project(named name: String) -> ProjectRecording? {
        projects.first { $0.projectName == name }
    }

    /// What `versionArn` saw in the photo with this SHA-256, if recorded.
    public func detection(sha256: String, versionArn: String) -> DetectionRecording? {
        detectionIndex[Self.indexKey(sha256: sha256, versionArn: versionArn)]
    }

    /// Every recording made with one version.
    public func detections(versionArn: String) -> [DetectionRecording] {
        detections.filter { $0.versionArn.description == versionArn }
    }

    /// Recordings of the photo with this SHA-256, whatever the version.
    public func detections(sha256: String) -> [DetectionRecording] {
        detections.filter { $0.sha256 == sha256.lowercased() }
    }

    // MARK: Reading files

    static func readProject(_ json: JSONCursor, file: String) throws -> ProjectRecording {
        try json.rejectUnknownKeys(projectKeys)
        let nameCursor = try json.member("ProjectName")
        let name = try nameCursor.string()
        let arnCursor = try json.member("ProjectArn")
        let arnText = try arnCursor.string()
        guard let arn = ProjectArn(arnText) else {
            throw arnCursor.invalid(Catalog.recordingBadArn(arnText, kind: .project), hint: Catalog.recordingProjectArnHint)
        }
        guard arn.projectName == name else {
            throw nameCursor.invalid(Catalog.recordingNameMismatch(name, arnName: arn.projectName))
        }
        let expectedFile = "projects/\(name).json"
        guard file == expectedFile else {
            throw nameCursor.invalid(Catalog.recordingFileName(file, expected: expectedFile))
        }
        let versionCursors = try json.member("Versions").elements()
        guard !versionCursors.isEmpty else {
            throw try json.member("Versions").invalid(Catalog.recordingNoVersions)
        }
        var versions: [VersionRecording] = []
        for cursor in versionCursors {
            let version = try readVersion(cursor, project: arn)
            if versions.contains(where: { $0.arn == version.arn }) {
                throw try cursor.member("ProjectVersionArn").invalid(Catalog.recordingDuplicateVersion(version.arn.description, otherFile: file))
            }
            versions.append(version)
        }
        return ProjectRecording(projectName: name, projectArn: arn, versions: versions, file: file)
    }

    static func readVersion(_ json: JSONCursor, project: ProjectArn) throws -> VersionRecording {
        try json.rejectUnknownKeys(versionKeys)
        let nameCursor = try json.member("VersionName")
        let name = try nameCursor.string()
        let arnCursor = try json.member("ProjectVersionArn")
        let arnText = try arnCursor.string()
        guard let arn = ProjectVersionArn(arnText) else {
            throw arnCursor.invalid(Catalog.recordingBadArn(arnText, kind: .version), hint: Catalog.recordingVersionArnHint)
        }
        guard project.contains(arn) else {
            throw arnCursor.invalid(Catalog.recordingVersionOutsideProject(arnText, project: project.description))
        }
        guard arn.versionName == name else {
            throw nameCursor.invalid(Catalog.recordingNameMismatch(name, arnName: arn.versionName))
        }
        let status = try VersionStatus(json: json.member("Status"))
        let labelCursors = try json.member("Labels").elements()
        guard !labelCursors.isEmpty else { throw try json.member("Labels").invalid(Catalog.recordingNoLabels) }
        var labels: [LabelEvaluation] = []
        for cursor in labelCursors {
            try cursor.rejectUnknownKeys(labelKeys)
            let labelName = try cursor.member("Name")
            let text = try labelName.string()
            guard !text.isEmpty else { throw labelName.invalid(Catalog.recordingEmptyName) }
            if labels.contains(where: { $0.label == text }) { throw labelName.invalid(Catalog.recordingDuplicateLabel(text)) }
            labels.append(LabelEvaluation(label: text, threshold: try ratio(cursor.member("AssumedThreshold")),
                                          f1Score: try optionalRatio(cursor, "F1Score"), precision: try optionalRatio(cursor, "Precision"),
                                          recall: try optionalRatio(cursor, "Recall"), testingImages: try optionalCount(cursor, "TestingImages")))
        }
        return VersionRecording(versionName: name, arn: arn, status: status,
                                billableTrainingTimeInSeconds: try optionalCount(json, "BillableTrainingTimeInSeconds"),
                                trainingImages: try optionalCount(json, "TrainingImages"), testingImages: try optionalCount(json, "TestingImages"),
                                f1Score: try optionalRatio(json, "F1Score"), precision: try optionalRatio(json, "Precision"),
                                recall: try optionalRatio(json, "Recall"), labels: labels)
    }

    static func readDetection(_ json: JSONCursor, file: String, versions: [ProjectVersionArn: VersionRecording]) throws -> DetectionRecording {
        try json.rejectUnknownKeys(detectionKeys)
        let photo = try json.member("Photo")
        try photo.rejectUnknownKeys(photoKeys)
        let photoFile = try photo.member("File").string()
        let shaCursor = try photo.member("SHA256")
        let sha = try shaCursor.string()
        guard sha.count == 64, sha.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw shaCursor.invalid(Catalog.recordingBadSHA(sha), hint: Catalog.recordingSkeletonHint)
        }
        let width = try positive(photo.member("Width"))
        let height = try positive(photo.member("Height"))
        let arnCursor = try json.member("ProjectVersionArn")
        let arnText = try arnCursor.string()
        guard let arn = ProjectVersionArn(arnText) else {
            throw arnCursor.invalid(Catalog.recordingBadArn(arnText, kind: .version), hint: Catalog.recordingVersionArnHint)
        }
        guard let version = versions[arn] else {
            throw arnCursor.invalid(Catalog.recordingUnknownVersion(arnText), hint: Catalog.recordingUnknownVersionHint)
        }
        var candidates: [CustomLabel] = []
        for cursor in try json.member("CustomLabels").elements() {
            try cursor.rejectUnknownKeys(customLabelKeys)
            let nameCursor = try cursor.member("Name")
            let name = try nameCursor.string()
            guard version.labels.contains(where: { $0.label == name }) else {
                let known = version.labels.map(\.label)
                throw nameCursor.invalid(Catalog.recordingUnknownLabel(name, known: known))
            }
            let confidenceCursor = try cursor.member("Confidence")
            let confidence = try confidenceCursor.double()
            guard (0...100).contains(confidence) else {
                throw confidenceCursor.invalid(Catalog.recordingConfidenceRange(confidence), hint: Catalog.recordingConfidenceHint)
            }
            var box: BoundingBox?
            if let geometry = try cursor.optionalMember("Geometry") {
                try geometry.rejectUnknownKeys(geometryKeys)
                if let boxCursor = try geometry.optionalMember("BoundingBox") {
                    try boxCursor.rejectUnknownKeys(boxKeys)
                    let b = BoundingBox(width: try ratio(boxCursor.member("Width")), height: try ratio(boxCursor.member("Height")),
                                        left: try ratio(boxCursor.member("Left")), top: try ratio(boxCursor.member("Top")))
                    if b.left + b.width > 1.000001 {
                        throw try boxCursor.member("Width").invalid(Catalog.recordingBoxOutside("Left + Width", b.left + b.width))
                    }
                    if b.top + b.height > 1.000001 {
                        throw try boxCursor.member("Height").invalid(Catalog.recordingBoxOutside("Top + Height", b.top + b.height))
                    }
                    box = b
                }
            }
            candidates.append(CustomLabel(name: name, confidence: confidence, boundingBox: box))
        }
        return DetectionRecording(photoFile: photoFile, sha256: sha, width: width, height: height, versionArn: arn, candidates: candidates, file: file)
    }

    static func ratio(_ cursor: JSONCursor) throws -> Double {
        let value = try cursor.double()
        guard (0...1).contains(value) else {
            throw cursor.invalid(Catalog.recordingRatioRange(lastKey(cursor.path), value),
                                 hint: Catalog.recordingRatioHint)
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
}
