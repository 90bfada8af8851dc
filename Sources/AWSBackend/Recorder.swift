import CustomLabels
import Foundation
import PanyaSupport
import Photos

/// Records what a model version sees, for the mock to replay in class (docs/mock.md), through the
/// recording codec (`DetectionRecording`, `ProjectRecording`, `RecordingFormat`'s naming and
/// status rules): `DIR/detections/<name>.json` per photo (every candidate, MinConfidence 0) and
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
    /// `directory/detections/<name>.json` (`breads3.jpg` → `breads3.json`, a PNG → `breads3-png.json`,
    /// `-2` … when another photo's recording has the name; an earlier recording of the same photo
    /// and version is replaced in place); then `directory/projects/<project>.json`
    /// written or updated (other versions and comments kept) when the service describes the version
    /// and the file there has no mistake.
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
        try makeDirectory(directory + "/" + RecordingFormat.detectionsFolder)
        // A photo + version pair is recorded once: an existing recording of it is replaced, and a
        // new one never takes the name of another photo's recording.
        var (taken, existing) = Self.existingRecordings(in: directory)
        var files: [String] = []
        for path in photoPaths {
            try backend.settings.interrupt.check()
            let (bytes, fileName) = try photoBytes(path)
            let header = try Photo.validate(bytes: bytes, name: path)
            let response = try backend.detectAllCandidates(projectVersionArn: versionArn, image: .bytes(bytes))
            var recording = DetectionRecording(photoFile: fileName, sha256: PhotoFingerprint.sha256(bytes), width: header.width,
                                               height: header.height, versionArn: arn, candidates: response.customLabels).sortedHighestFirst()
            if !keepAccountId { recording = recording.withPlaceholderAccount() }
            let key = recording.sha256 + " " + recording.versionArn.description
            recording.file = existing[key] ?? RecordingFormat.detectionFile(photoPath: fileName, taken: taken)
            taken.insert(recording.file)
            existing[key] = recording.file
            let file = directory + "/" + recording.file
            try write(recording.encoded(), to: file)
            if !files.contains(file) { files.append(file) }
        }

        var warnings: [Message] = []
        var projectFile: String? = nil
        let relative = RecordingFormat.projectFile(projectName: arn.projectName)
        do {
            let (recorded, versionWarnings) = try projectRecording(for: arn, existingAt: directory + "/" + relative)
            warnings += versionWarnings
            let project = keepAccountId ? recorded : recorded.withPlaceholderAccount()
            try makeDirectory(directory + "/" + RecordingFormat.projectsFolder)
            let file = directory + "/" + relative
            try write(project.encoded(), to: file)
            projectFile = file
        } catch let error as AWSError {
            warnings.append(Catalog.awsRecorderProjectSkipped(project: arn.projectName, reason: error.message))
        } catch let error as JSONError {
            // The file there has a mistake: rewriting it would lose what it holds.
            warnings.append(Catalog.awsRecorderProjectSkipped(project: arn.projectName, reason: .verbatim(relative + ": ") + error.message))
        }
        return Result(detectionFiles: files, projectFile: projectFile, warnings: warnings)
    }

    /// The project to write: the file at `path` (when there is one) with this version's entry
    /// replaced or added, its other versions and comments kept.
    /// - Throws: `AWSError` when the service does not describe the version, `JSONError` when the
    ///   file there has a mistake.
    func projectRecording(for arn: ProjectVersionArn, existingAt path: String) throws -> (ProjectRecording, [Message]) {
        let projectArnText = try backend.projectArn(for: arn)
        let versions = try backend.describeProjectVersionsWithoutEvaluation(projectArn: projectArnText, versionNames: [arn.versionName])
        guard let version = versions.first(where: { $0.projectVersionArn == arn.description }) ?? versions.first,
              let projectArn = ProjectArn(projectArnText) else {
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
        let entry = VersionRecording(recording: version, arn: ProjectVersionArn(version.projectVersionArn) ?? arn, evaluation: summary)
        var project = ProjectRecording(projectName: arn.projectName, projectArn: projectArn, versions: [])
        if let data = FileManager.default.contents(atPath: path) {
            project = try ProjectRecording.decode(bytes: Array(data), file: RecordingFormat.projectFile(projectName: arn.projectName))
            project.projectArn = projectArn
        }
        return (project.replacing(entry), warnings)
    }

    /// The detection files already in `directory` (relative names) and, by "sha256 versionArn",
    /// the file recording each photo and version (read leniently; a broken file keeps its name).
    static func existingRecordings(in directory: String) -> (files: Set<String>, byPhoto: [String: String]) {
        let folder = directory + "/" + RecordingFormat.detectionsFolder
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter(RecordingFormat.isRecordingFileName).sorted()
        var files: Set<String> = []
        var byPhoto: [String: String] = [:]
        for name in names {
            let relative = RecordingFormat.detectionsFolder + "/" + name
            files.insert(relative)
            if let data = FileManager.default.contents(atPath: folder + "/" + name), let key = DetectionRecording.key(of: Array(data)) {
                byPhoto[key.sha256 + " " + key.versionArn] = byPhoto[key.sha256 + " " + key.versionArn] ?? relative
            }
        }
        return (files, byPhoto)
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
