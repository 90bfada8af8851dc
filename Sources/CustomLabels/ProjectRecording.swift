import PanyaSupport

/// A recorded project: a `projects/<ProjectName>.json` file (docs/mock.md) with its versions,
/// labels, assumed thresholds and metrics.
///
/// ```swift
/// let text = project.encoded()       // 2-space indent, one line per label, as teachers write it
/// let again = try ProjectRecording.decode(bytes: Array(text.utf8), file: project.file)
/// ```
/// A `Comment` on a label is accepted and not kept.
public struct ProjectRecording: Sendable, Equatable {
    public var projectName: String
    public var projectArn: ProjectArn
    public var versions: [VersionRecording]
    /// A note for people; nil when absent.
    public var comment: String?
    /// The file, relative to the recordings folder: always `projects/<ProjectName>.json`.
    public var file: String { RecordingFormat.projectFile(projectName: projectName) }

    public init(projectName: String, projectArn: ProjectArn, versions: [VersionRecording], comment: String? = nil) {
        self.projectName = projectName
        self.projectArn = projectArn
        self.versions = versions
        self.comment = comment
    }

    /// DescribeProjects' view of it.
    public var description: ProjectDescription {
        ProjectDescription(projectName: projectName, projectArn: projectArn.description,
                           creationTimestamp: Double(projectArn.creationMillis) / 1000, status: "CREATED")
    }

    /// The same project with `version` in place of the version of the same ARN or name, or added at the end.
    public func replacing(_ version: VersionRecording) -> ProjectRecording {
        var copy = self
        if let index = versions.firstIndex(where: { $0.arn == version.arn || $0.versionName == version.versionName }) {
            copy.versions[index] = version
        } else {
            copy.versions.append(version)
        }
        return copy
    }

    /// The same project with every account id replaced by `123456789012`.
    public func withPlaceholderAccount() -> ProjectRecording {
        var copy = self
        copy.projectArn = ProjectArn(ArnSyntax.replacingAccounts(in: projectArn.description)) ?? projectArn
        copy.versions = versions.map { version in
            var v = version
            v.arn = ProjectVersionArn(ArnSyntax.replacingAccounts(in: version.arn.description)) ?? version.arn
            return v
        }
        return copy
    }

    /// The file's text: 2-space indent, each version's keys one per line, each label on one line.
    public func encoded() -> String {
        var lines = ["{"]
        var top = [member("ProjectName", .string(projectName)), member("ProjectArn", .string(projectArn.description))]
        let versionBlocks = versions.map { $0.encodedLines() }
        var versionsText = "  \"Versions\": ["
        if versionBlocks.isEmpty {
            versionsText += "]"
        } else {
            versionsText += versionBlocks.map { block in "{\n" + block.map { "    " + $0 }.joined(separator: ",\n") + "\n  }" }
                .joined(separator: ", ") + "]"
        }
        top = top.map { "  " + $0 }
        top.append(versionsText)
        if let comment { top.append("  " + member("Comment", .string(comment))) }
        lines.append(top.joined(separator: ",\n"))
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func member(_ key: String, _ value: JSONValue) -> String {
        JSONPrinter.compact(.string(key)) + ": " + JSONPrinter.compact(value)
    }

    private func member(_ key: String, _ value: JSONValue) -> String { Self.member(key, value) }

    /// Reads a project file's bytes; `file` is its path relative to the recordings folder and
    /// must be `projects/<ProjectName>.json`.
    /// - Throws: `JSONError` naming the line, column and key of the first mistake, and how to fix it.
    public static func decode(bytes: [UInt8], file: String) throws -> ProjectRecording {
        try decode(JSONParser.parse(bytes: bytes), file: file)
    }

    /// Reads a parsed project file (see ``decode(bytes:file:)``).
    public static func decode(_ document: JSONDocument, file: String) throws -> ProjectRecording {
        let json = document.cursor
        try json.rejectUnknownKeys(RecordingFormat.projectKeys)
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
        let expectedFile = RecordingFormat.projectFile(projectName: name)
        guard file == expectedFile else {
            throw nameCursor.invalid(Catalog.recordingFileName(file, expected: expectedFile))
        }
        let versionsCursor = try json.member("Versions")
        let versionCursors = try versionsCursor.elements()
        guard !versionCursors.isEmpty else { throw versionsCursor.invalid(Catalog.recordingNoVersions) }
        var versions: [VersionRecording] = []
        for cursor in versionCursors {
            let version = try VersionRecording.decode(cursor, project: arn)
            if versions.contains(where: { $0.arn == version.arn }) {
                throw try cursor.member("ProjectVersionArn").invalid(Catalog.recordingDuplicateVersion(version.arn.description, otherFile: file))
            }
            versions.append(version)
        }
        return ProjectRecording(projectName: name, projectArn: arn, versions: versions, comment: try RecordingFormat.optionalComment(json))
    }
}

/// One recorded model version of a project (an entry of a project file's `Versions`).
public struct VersionRecording: Sendable, Equatable {
    public var versionName: String
    public var arn: ProjectVersionArn
    /// As recorded: one of ``RecordingFormat/recordableStatuses``; `TRAINING_COMPLETED` means "trained and stopped".
    public var status: VersionStatus
    public var billableTrainingTimeInSeconds: Int?
    public var trainingImages: Int?
    public var testingImages: Int?
    public var f1Score: Double?
    public var precision: Double?
    public var recall: Double?
    /// Per label: assumed threshold and metrics, in the file's order.
    public var labels: [LabelEvaluation]
    /// A note for people; nil when absent.
    public var comment: String?

    public init(versionName: String, arn: ProjectVersionArn, status: VersionStatus, billableTrainingTimeInSeconds: Int? = nil,
                trainingImages: Int? = nil, testingImages: Int? = nil, f1Score: Double? = nil, precision: Double? = nil,
                recall: Double? = nil, labels: [LabelEvaluation], comment: String? = nil) {
        self.versionName = versionName
        self.arn = arn
        self.status = status
        self.billableTrainingTimeInSeconds = billableTrainingTimeInSeconds
        self.trainingImages = trainingImages
        self.testingImages = testingImages
        self.f1Score = f1Score
        self.precision = precision
        self.recall = recall
        self.labels = labels
        self.comment = comment
    }

    /// What to record for a version the service describes, with its evaluation summary when read:
    /// the status through ``RecordingFormat/recordedStatus(_:)``, counts and scores from the
    /// description or else the summary, labels and thresholds from the summary.
    public init(recording version: ProjectVersionDescription, arn: ProjectVersionArn, evaluation summary: EvaluationSummary?) {
        self.init(versionName: version.versionName, arn: arn, status: RecordingFormat.recordedStatus(version.status),
                  billableTrainingTimeInSeconds: version.billableTrainingTimeInSeconds,
                  trainingImages: version.trainingImages ?? summary?.trainingImages,
                  testingImages: version.testingImages ?? summary?.testingImages,
                  f1Score: version.f1Score ?? summary?.f1Score, precision: summary?.precision, recall: summary?.recall,
                  labels: summary?.labels ?? version.labels)
    }

    /// Assumed threshold (0–1) per label name.
    public var thresholds: [String: Double] {
        Dictionary(labels.map { ($0.label, $0.threshold) }, uniquingKeysWith: { first, _ in first })
    }

    /// The evaluation as the `evaluation` command shows it.
    public var evaluation: EvaluationSummary {
        EvaluationSummary(f1Score: f1Score, precision: precision, recall: recall, trainingImages: trainingImages,
                          testingImages: testingImages, labels: labels)
    }

    /// The version's members, one per line (labels one per line inside), without indentation of the block.
    func encodedLines() -> [String] {
        var lines = [
            ProjectRecording.member("VersionName", .string(versionName)),
            ProjectRecording.member("ProjectVersionArn", .string(arn.description)),
            ProjectRecording.member("Status", .string(status.rawValue)),
        ]
        let optional: [(String, JSONValue?)] = [
            ("BillableTrainingTimeInSeconds", billableTrainingTimeInSeconds.map(JSONValue.int)),
            ("TrainingImages", trainingImages.map(JSONValue.int)), ("TestingImages", testingImages.map(JSONValue.int)),
            ("F1Score", f1Score.map(JSONValue.double)), ("Precision", precision.map(JSONValue.double)), ("Recall", recall.map(JSONValue.double)),
        ]
        for (key, value) in optional { if let value { lines.append(ProjectRecording.member(key, value)) } }
        if labels.isEmpty {
            lines.append("\"Labels\": []")
        } else {
            let entries = labels.map { label -> String in
                var members = [ProjectRecording.member("Name", .string(label.label)), ProjectRecording.member("AssumedThreshold", .double(label.threshold))]
                let metrics: [(String, JSONValue?)] = [
                    ("F1Score", label.f1Score.map(JSONValue.double)), ("Precision", label.precision.map(JSONValue.double)),
                    ("Recall", label.recall.map(JSONValue.double)), ("TestingImages", label.testingImages.map(JSONValue.int)),
                ]
                for (key, value) in metrics { if let value { members.append(ProjectRecording.member(key, value)) } }
                return "  {" + members.joined(separator: ", ") + "}"
            }
            lines.append("\"Labels\": [\n" + entries.map { "    " + $0 }.joined(separator: ",\n") + "\n    ]")
        }
        if let comment { lines.append(ProjectRecording.member("Comment", .string(comment))) }
        return lines
    }

    static func decode(_ json: JSONCursor, project: ProjectArn) throws -> VersionRecording {
        try json.rejectUnknownKeys(RecordingFormat.versionKeys)
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
        let statusCursor = try json.member("Status")
        let status = try VersionStatus(json: statusCursor)
        guard RecordingFormat.recordableStatuses.contains(status) else {
            throw statusCursor.invalid(Catalog.recordingLiveStatus(status.rawValue), hint: Catalog.recordingLiveStatusHint)
        }
        let labelsCursor = try json.member("Labels")
        let labelCursors = try labelsCursor.elements()
        guard !labelCursors.isEmpty else { throw labelsCursor.invalid(Catalog.recordingNoLabels) }
        var labels: [LabelEvaluation] = []
        for cursor in labelCursors {
            try cursor.rejectUnknownKeys(RecordingFormat.labelKeys)
            let labelName = try cursor.member("Name")
            let text = try labelName.string()
            guard !text.isEmpty else { throw labelName.invalid(Catalog.recordingEmptyName) }
            if labels.contains(where: { $0.label == text }) { throw labelName.invalid(Catalog.recordingDuplicateLabel(text)) }
            labels.append(LabelEvaluation(label: text, threshold: try RecordingFormat.ratio(cursor.member("AssumedThreshold")),
                                          f1Score: try RecordingFormat.optionalRatio(cursor, "F1Score"),
                                          precision: try RecordingFormat.optionalRatio(cursor, "Precision"),
                                          recall: try RecordingFormat.optionalRatio(cursor, "Recall"),
                                          testingImages: try RecordingFormat.optionalCount(cursor, "TestingImages")))
        }
        return VersionRecording(versionName: name, arn: arn, status: status,
                                billableTrainingTimeInSeconds: try RecordingFormat.optionalCount(json, "BillableTrainingTimeInSeconds"),
                                trainingImages: try RecordingFormat.optionalCount(json, "TrainingImages"),
                                testingImages: try RecordingFormat.optionalCount(json, "TestingImages"),
                                f1Score: try RecordingFormat.optionalRatio(json, "F1Score"),
                                precision: try RecordingFormat.optionalRatio(json, "Precision"),
                                recall: try RecordingFormat.optionalRatio(json, "Recall"), labels: labels,
                                comment: try RecordingFormat.optionalComment(json))
    }
}
