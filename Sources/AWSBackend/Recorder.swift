import CustomLabels
import Foundation
import PanyaSupport
import Photos

/// Records what a model version sees, for the mock to replay in class (formats.md):
/// `DIR/detections/<photo-stem>.json` per photo (every candidate, MinConfidence 0) and
/// `DIR/projects/<project>.json` from DescribeProjectVersions and the evaluation summary.
/// Recordings carry no credentials, no signatures and, unless asked, no account id.
public struct Recorder {
    /// What one `record` wrote.
    public struct Result: Sendable, Equatable {
        /// The detection files written, in the order of the photos.
        public var detectionFiles: [String]
        /// The project file written or updated, nil when it could not be (see `warnings`).
        public var projectFile: String?
        /// What could not be done and why (project file, thresholds); nothing is printed.
        public var warnings: [Message]
    }

    /// The backend calls go through.
    public let backend: AWSBackend

    public init(backend: AWSBackend) {
        self.backend = backend
    }

    /// For each photo, DetectCustomLabels with MinConfidence 0 on `versionArn`, written to
    /// `directory/detections/<photo-stem>.json`; then `directory/projects/<project>.json` written
    /// or updated (other versions and keys kept) when the service describes the version.
    /// - Parameters:
    ///   - photoPaths: local JPEG/PNG files, or `s3://bucket/key` (read with GetObject so the
    ///     recording holds the photo's hash and size).
    ///   - keepAccountId: keep the real account id in ARNs (default: `123456789012`).
    /// - Throws: `AWSError`/`PhotoError` for a photo or call that fails (files written before it
    ///   stay), `Interrupted` on Ctrl-C.
    public func record(photoPaths: [String], versionArn: String, directory: String, keepAccountId: Bool = false) throws -> Result {
        guard let arn = ProjectVersionArn(versionArn) else {
            throw AWSError(kind: .configuration, message: Catalog.awsNotAVersionArn(versionArn), serviceCode: "InvalidParameterException")
        }
        func scrub(_ text: String) -> String {
            keepAccountId ? text : ArnSyntax.replacingAccounts(in: text)
        }

        let detectionsDir = directory + "/detections"
        try makeDirectory(detectionsDir)
        var files: [String] = []
        var usedStems: Set<String> = []
        for path in photoPaths {
            try backend.settings.interrupt.check()
            let (bytes, fileName) = try photoBytes(path)
            let header = try Photo.validate(bytes: bytes, name: path)
            let response = try backend.detectAllCandidates(projectVersionArn: versionArn, image: .bytes(bytes))
            let document: JSONObject = [
                "Photo": .object([
                    "File": .string(fileName), "SHA256": .string(PhotoFingerprint.sha256(bytes)),
                    "Width": .int(header.width), "Height": .int(header.height),
                ]),
                "ProjectVersionArn": .string(versionArn),
                "CustomLabels": .array(response.customLabels.map(\.jsonValue)),
            ]
            var stem = Self.stem(of: fileName)
            if usedStems.contains(stem) {
                var n = 2
                while usedStems.contains("\(stem)-\(n)") { n += 1 }
                stem = "\(stem)-\(n)"
            }
            usedStems.insert(stem)
            let file = detectionsDir + "/" + stem + ".json"
            try write(scrub(JSONPrinter.awsCLI(.object(document))), to: file)
            files.append(file)
        }

        var warnings: [Message] = []
        var projectFile: String? = nil
        do {
            let (project, versionWarnings) = try projectDocument(for: arn, existingAt: directory + "/projects/\(arn.projectName).json")
            warnings += versionWarnings
            try makeDirectory(directory + "/projects")
            let file = directory + "/projects/\(arn.projectName).json"
            try write(scrub(JSONPrinter.awsCLI(.object(project))), to: file)
            projectFile = file
        } catch let error as AWSError {
            warnings.append(Catalog.awsRecorderProjectSkipped(project: arn.projectName, reason: error.message))
        }
        return Result(detectionFiles: files, projectFile: projectFile, warnings: warnings)
    }

    /// The project file's content: the existing file (when it parses) with this version's entry
    /// replaced or added.
    func projectDocument(for arn: ProjectVersionArn, existingAt path: String) throws -> (JSONObject, [Message]) {
        let projectArn = try backend.projectArn(for: arn)
        let versions = try backend.describeProjectVersionsWithoutEvaluation(projectArn: projectArn, versionNames: [arn.versionName])
        guard let version = versions.first(where: { $0.projectVersionArn == arn.description }) ?? versions.first else {
            throw AWSError(kind: .service, message: Catalog.awsVersionNotFound(arn.description), serviceCode: "ResourceNotFoundException",
                           operation: "DescribeProjectVersions")
        }
        var warnings: [Message] = []
        var summary: EvaluationSummary? = nil
        if version.evaluationSummaryS3 == nil {
            warnings.append(Catalog.awsRecorderNoEvaluationPointer)
        } else {
            do {
                summary = try backend.evaluationSummary(for: version)
            } catch let error as AWSError {
                warnings.append(Catalog.awsRecorderNoEvaluation(reason: error.message))
            }
        }
        let entry = Self.versionEntry(version, summary: summary)

        var project: JSONObject = ["ProjectName": .string(arn.projectName), "ProjectArn": .string(projectArn), "Versions": .array([])]
        if let data = FileManager.default.contents(atPath: path),
           let existing = try? JSONParser.parse(bytes: Array(data)).root, case .object(let object) = existing {
            project = object
            project["ProjectArn"] = .string(projectArn)
        }
        var list: [JSONValue] = []
        if case .array(let items)? = project["Versions"] { list = items }
        if let index = list.firstIndex(where: { $0["ProjectVersionArn"]?.stringValue == arn.description || $0["VersionName"]?.stringValue == arn.versionName }) {
            list[index] = .object(entry)
        } else {
            list.append(.object(entry))
        }
        project["Versions"] = .array(list)
        return (project, warnings)
    }

    /// One `Versions` entry in formats.md's form. A live status (RUNNING, STOPPED …) is recorded as
    /// TRAINING_COMPLETED, "trained and stopped": the mock keeps the lifecycle itself.
    static func versionEntry(_ version: ProjectVersionDescription, summary: EvaluationSummary?) -> JSONObject {
        let status: VersionStatus
        switch version.status {
        case .trainingInProgress, .trainingFailed, .deprecated, .expired: status = version.status
        default: status = .trainingCompleted
        }
        var entry: JSONObject = [
            "VersionName": .string(version.versionName),
            "ProjectVersionArn": .string(version.projectVersionArn),
            "Status": .string(status.rawValue),
        ]
        entry.append("BillableTrainingTimeInSeconds", version.billableTrainingTimeInSeconds.map(JSONValue.int))
        entry.append("TrainingImages", (version.trainingImages ?? summary?.trainingImages).map(JSONValue.int))
        entry.append("TestingImages", (version.testingImages ?? summary?.testingImages).map(JSONValue.int))
        entry.append("F1Score", (version.f1Score ?? summary?.f1Score).map(JSONValue.double))
        entry.append("Precision", summary?.precision.map(JSONValue.double))
        entry.append("Recall", summary?.recall.map(JSONValue.double))
        if let summary, !summary.labels.isEmpty {
            entry["Labels"] = .array(summary.labels.map { label in
                var object: JSONObject = ["Name": .string(label.label), "AssumedThreshold": .double(label.threshold)]
                object.append("F1Score", label.f1Score.map(JSONValue.double))
                object.append("Precision", label.precision.map(JSONValue.double))
                object.append("Recall", label.recall.map(JSONValue.double))
                object.append("TestingImages", label.testingImages.map(JSONValue.int))
                return .object(object)
            })
        }
        return entry
    }

    /// The photo's bytes and file name: a local file, or an S3 object read with GetObject.
    func photoBytes(_ path: String) throws -> ([UInt8], String) {
        if path.hasPrefix("s3://") {
            guard case .s3Object(let bucket, let key, _) = try AWSBackend.imageSource(for: path) else {
                throw AWSError(kind: .configuration, message: Catalog.awsInvalidS3URI(path), serviceCode: "InvalidS3ObjectException")
            }
            let name = key.split(separator: "/").last.map(String.init) ?? key
            return (try backend.getObject(bucket: bucket, key: key), name)
        }
        let name = URL(fileURLWithPath: path).lastPathComponent
        return (try Photo.readBytes(path: path), name)
    }

    /// `breads3.jpg` → `breads3`; `.hidden` stays whole.
    static func stem(of fileName: String) -> String {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return fileName }
        return String(fileName[..<dot])
    }

    func makeDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw AWSError(kind: .file, message: Catalog.awsCannotWriteFile(path, detail: Self.reason(error)), serviceCode: "FileNotWritable")
        }
    }

    /// Writes `text` atomically (a reader never sees half a file).
    func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw AWSError(kind: .file, message: Catalog.awsCannotWriteFile(path, detail: Self.reason(error)), serviceCode: "FileNotWritable")
        }
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
