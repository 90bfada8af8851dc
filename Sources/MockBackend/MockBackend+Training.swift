import BreadVision
import CustomLabels
import Foundation
import PanyaStore
import PanyaSupport
import Photos

/// The mock builds models with panya's own engine (BreadVision): projects, datasets and boxes
/// in the store, training as CreateProjectVersion on the simulated clock, the evaluation computed
/// as the service does and kept with the version.
extension MockBackend: ModelTraining {
    /// The service's pattern for project names.
    static func isValidProjectName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 255 && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "_.-".unicodeScalars.contains(scalar))
        }
    }

    public func createProject(name: String) throws -> ProjectDescription {
        guard Self.isValidProjectName(name) else { throw TrainingError.invalidProjectName(name) }
        if library.project(named: name) != nil { throw TrainingError.projectExists(name) }
        let now = try clock().seconds
        let arn = ProjectArn(region: trained.region, projectName: name, creationMillis: Int64((now * 1000).rounded(.down)))
        guard try trained.store.createProject(StoredTrainingProject(name: name, arn: arn.description, createdSeconds: now)) else {
            throw TrainingError.projectExists(name)
        }
        return ProjectDescription(projectName: name, projectArn: arn.description, creationTimestamp: now, status: "CREATED")
    }

    public func useProject(name: String) throws -> ProjectDescription {
        guard let project = try trained.store.project(named: name) else {
            throw TrainingError.unknownProject(name, known: try trained.store.projects().map(\.name))
        }
        try trained.store.setCurrentProject(name)
        return ProjectDescription(projectName: project.name, projectArn: project.arn, creationTimestamp: project.createdSeconds, status: "CREATED")
    }

    public func currentTrainingProject() throws -> String {
        guard let name = try trained.store.currentProject(), try trained.store.project(named: name) != nil else { throw TrainingError.noProject }
        return name
    }

    public func createDataset(project: String, kind: DatasetKind) throws {
        try requireProject(project)
        guard try trained.store.createDataset(project: project, kind: kind.rawValue, createdSeconds: clock().seconds) else {
            throw TrainingError.datasetExists(project: project, kind: kind)
        }
    }

    public func datasets(project: String) throws -> ProjectDatasets {
        try requireProject(project)
        let created = try trained.store.datasets(project: project)
        func photos(_ kind: DatasetKind) throws -> [TrainingPhoto]? {
            guard created.contains(kind.rawValue) else { return nil }
            return try trained.store.photos(project: project, dataset: kind.rawValue).map(Self.trainingPhoto)
        }
        return ProjectDatasets(project: project, labels: try trained.store.labels(project: project),
                               training: try photos(.training), test: try photos(.test))
    }

    public func addLabels(project: String, _ names: [String]) throws -> [String] {
        try requireProject(project)
        try Self.checkLabels(names)
        return try trained.store.addLabels(project: project, names)
    }

    public func removeLabels(project: String, _ names: [String]) throws -> [(label: String, boxes: Int)] {
        try requireProject(project)
        let labels = try trained.store.labels(project: project)
        // Every name is checked before anything is removed: one typo removes nothing.
        if let unknown = names.first(where: { !labels.contains($0) }) { throw TrainingError.notALabel(unknown, known: labels) }
        var removed: [(label: String, boxes: Int)] = []
        for name in names where !removed.contains(where: { $0.label == name }) {
            removed.append((name, try trained.store.removeLabel(project: project, name) ?? 0))
        }
        return removed
    }

    public func addPhotos(project: String, kind: DatasetKind, paths: [String], label: String?) throws -> [TrainingPhoto] {
        try requireDataset(project, kind)
        if let label {
            try Self.checkLabels([label])
            try trained.store.addLabels(project: project, [label])
        }
        var stored: [StoredTrainingPhoto] = []
        for path in paths {
            let bytes = try Photo.readBytes(path: path, limits: .serviceS3Object)
            var photo = try Self.facts(bytes: bytes, path: Self.absolute(path))
            if let label {
                let image = try TrainedVersions.decodeForEngine(bytes: bytes, name: path, limits: .serviceS3Object)
                photo.boxes = BreadSegmenter.segment(image).regions.map { Self.storedBox(LabelledBox(label: label, box: $0.box)) }
            }
            stored.append(photo)
        }
        try trained.store.addPhotos(project: project, dataset: kind.rawValue, stored)
        let paths = Set(stored.map(\.path))
        return try trained.store.photos(project: project, dataset: kind.rawValue).filter { paths.contains($0.path) }.map(Self.trainingPhoto)
    }

    public func importManifest(project: String, kind: DatasetKind, path: String) throws -> ManifestImport {
        try requireDataset(project, kind)
        let reading = try ManifestFile.read(path: path, limits: Self.manifestLimits)
        guard reading.isUsable else { throw TrainingError.unusableManifest(path: path, issues: reading.issues) }
        let folder = (Self.absolute(path) as NSString).deletingLastPathComponent
        let (stored, issues) = try manifestPhotos(reading, folder: folder)
        let labels = Self.labelsInOrder(stored)
        guard !stored.isEmpty else {
            throw TrainingError.unusableManifest(path: path, issues: reading.issues + issues + [ManifestIssue(.tooFewLabels, line: nil, detail: Catalog.manifestTooFewLabels)])
        }
        try trained.store.addLabels(project: project, labels)
        try trained.store.addPhotos(project: project, dataset: kind.rawValue, stored)
        return ManifestImport(added: stored.map(Self.trainingPhoto), issues: (reading.issues + issues).sorted { ($0.line ?? Int.max) < ($1.line ?? Int.max) })
    }

    public func createDataset(project: String, kind: DatasetKind, manifest: S3Location) throws -> (datasetArn: String, imported: ManifestImport) {
        try requireProject(project)
        if try trained.store.datasets(project: project).contains(kind.rawValue) { throw TrainingError.datasetExists(project: project, kind: kind) }
        let reading = try ManifestFile.read(path: try s3.path(bucket: manifest.bucket, key: manifest.key), limits: Self.manifestLimits)
        // The service keeps a dataset's bad lines as errors of the dataset; panya has no
        // DescribeDataset, so it refuses the manifest and names every error line instead (warnings pass).
        let errors = reading.issues.filter { $0.manifestCode.scope != .warning }
        if !errors.isEmpty {
            let lines = errors.map(\.message.en).joined(separator: "; ")
            throw ServiceError(.invalidParameter, "The manifest file \(manifest) has errors: \(lines)",
                               detail: TrainingError.unusableManifest(path: manifest.description, issues: reading.issues).message)
        }
        for row in reading.rows {
            guard S3Location(row.entry.sourceRef) != nil else {
                throw ServiceError(.invalidParameter, "The manifest file \(manifest) has errors: line \(row.line): source-ref \(row.entry.sourceRef) is not an s3:// URI")
            }
        }
        let (stored, photoIssues) = try manifestPhotos(reading, folder: nil)
        let photoErrors = photoIssues.filter { $0.manifestCode.scope != .warning }
        if !photoErrors.isEmpty {
            throw ServiceError(.invalidParameter, "The manifest file \(manifest) has errors: \(photoErrors.map(\.message.en).joined(separator: "; "))")
        }
        let now = try clock().seconds
        guard try trained.store.createDataset(project: project, kind: kind.rawValue, createdSeconds: now) else {
            throw TrainingError.datasetExists(project: project, kind: kind)
        }
        try trained.store.addLabels(project: project, Self.labelsInOrder(stored))
        try trained.store.addPhotos(project: project, dataset: kind.rawValue, stored)
        let projectArn = try trained.store.project(named: project).flatMap { ProjectArn($0.arn) }
            ?? ProjectArn(region: trained.region, projectName: project, creationMillis: 0)
        let arn = "arn:\(projectArn.partition):rekognition:\(projectArn.region):\(projectArn.account):project/\(project)/dataset/\(kind.rawValue)/\(Int64((now * 1000).rounded(.down)))"
        return (arn, ManifestImport(added: stored.map(Self.trainingPhoto), issues: reading.issues + photoIssues))
    }

    /// The largest manifest read (256 MB, any bytes).
    static let manifestLimits = PhotoLimits(maxBytes: 256 << 20, minSide: 1, maxSide: Int.max, maxAspectRatio: Int.max)

    /// The photos of a manifest's valid lines, each checked against its file: a line whose
    /// `image_size` is not the photo's real size is left out (`ERROR_INVALID_IMAGE_DIMENSION`
    /// with both sizes), and a later line for a photo an earlier line gave is left out with a
    /// warning naming that line (one photo is one dataset entry; its boxes are the first line's).
    func manifestPhotos(_ reading: ManifestReading, folder: String?) throws -> (photos: [StoredTrainingPhoto], issues: [ManifestIssue]) {
        var photos: [StoredTrainingPhoto] = []
        var issues: [ManifestIssue] = []
        var firstLine: [String: Int] = [:]
        for row in reading.rows {
            let photo = try manifestPhoto(row.entry, folder: folder)
            if let first = firstLine[photo.path] {
                issues.append(ManifestIssue(.duplicateSourceRef, line: row.line, detail: Catalog.manifestDuplicatePhoto(firstLine: first)))
                continue
            }
            guard photo.width == row.entry.imageWidth, photo.height == row.entry.imageHeight else {
                issues.append(ManifestIssue(.invalidImageDimension, line: row.line,
                                            detail: Catalog.manifestImageSizeDiffers(stated: (row.entry.imageWidth, row.entry.imageHeight),
                                                                                     real: (photo.width, photo.height))))
                continue
            }
            firstLine[photo.path] = row.line
            photos.append(photo)
        }
        return (photos, issues)
    }

    /// The labels of the photos' boxes, in the order met.
    static func labelsInOrder(_ photos: [StoredTrainingPhoto]) -> [String] {
        var seen = Set<String>()
        return photos.flatMap(\.boxes).map(\.label).filter { seen.insert($0).inserted }
    }

    /// A manifest line's photo with its boxes: an `s3://` source-ref through the bucket folder
    /// (InvalidS3ObjectException when it is not there), a local one as written or under `folder`
    /// (the manifest's own folder) when relative.
    func manifestPhoto(_ entry: ManifestEntry, folder: String?) throws -> StoredTrainingPhoto {
        let photoPath: String
        if let location = S3Location(entry.sourceRef) {
            photoPath = try s3.path(bucket: location.bucket, key: location.key)
        } else if let folder, !entry.sourceRef.hasPrefix("/") {
            photoPath = folder + "/" + entry.sourceRef
        } else {
            photoPath = entry.sourceRef
        }
        var photo = try Self.facts(bytes: try Photo.readBytes(path: photoPath, limits: .serviceS3Object), path: Self.absolute(photoPath))
        photo.boxes = entry.boxes.map(Self.storedBox)
        return photo
    }

    public func exportManifest(project: String, kind: DatasetKind, relativeTo directory: String?) throws -> String {
        try requireDataset(project, kind)
        let prefix = directory.map { Self.absolute($0) + "/" }
        let entries = try trained.store.photos(project: project, dataset: kind.rawValue).map { photo in
            let ref = prefix.flatMap { photo.path.hasPrefix($0) ? String(photo.path.dropFirst($0.count)) : nil } ?? photo.path
            return ManifestEntry(sourceRef: ref, imageWidth: photo.width, imageHeight: photo.height,
                                 boxes: photo.boxes.map { LabelledBox(label: $0.label, box: BoundingBox(width: $0.width, height: $0.height, left: $0.left, top: $0.top)) })
        }
        return ManifestWriter.write(entries, labels: try trained.store.labels(project: project))
    }

    public func removePhoto(project: String, kind: DatasetKind, path: String) throws {
        try requireDataset(project, kind)
        guard try trained.store.removePhoto(project: project, dataset: kind.rawValue, path: Self.absolute(path)) else {
            throw TrainingError.photoNotInThisDataset(path: path, kind: kind)
        }
    }

    public func proposals(photoPath: String) throws -> [BoundingBox] {
        let bytes = try Photo.readBytes(path: photoPath, limits: .serviceS3Object)
        let image = try TrainedVersions.decodeForEngine(bytes: bytes, name: photoPath, limits: .serviceS3Object)
        return BreadSegmenter.segment(image).regions.map(\.box)
    }

    public func datasetPhoto(project: String, path: String) throws -> (kind: DatasetKind, photo: TrainingPhoto) {
        try requireProject(project)
        let absolute = Self.absolute(path)
        for kind in DatasetKind.allCases {
            if let photo = try trained.store.photos(project: project, dataset: kind.rawValue).first(where: { $0.path == absolute }) {
                return (kind, Self.trainingPhoto(photo))
            }
        }
        throw TrainingError.photoNotInDataset(path: path, project: project)
    }

    public func addBox(project: String, path: String, box: LabelledBox) throws -> TrainingPhoto {
        let (kind, photo) = try datasetPhoto(project: project, path: path)
        let labels = try trained.store.labels(project: project)
        guard labels.contains(box.label) else { throw TrainingError.unknownLabel(box.label, known: labels) }
        guard TrainingValidation.isInsideImage(box.box) else { throw TrainingError.boxOffPhoto(path: path) }
        let boxes = photo.boxes + [box]
        _ = try trained.store.setBoxes(project: project, dataset: kind.rawValue, path: photo.name, boxes.map(Self.storedBox))
        return try datasetPhoto(project: project, path: path).photo
    }

    /// Every box of the photo replaced in one write (all checked first: a bad one changes nothing).
    public func replaceBoxes(project: String, path: String, boxes: [LabelledBox]) throws -> TrainingPhoto {
        let (kind, photo) = try datasetPhoto(project: project, path: path)
        let labels = try trained.store.labels(project: project)
        for box in boxes {
            guard labels.contains(box.label) else { throw TrainingError.unknownLabel(box.label, known: labels) }
            guard TrainingValidation.isInsideImage(box.box) else { throw TrainingError.boxOffPhoto(path: path) }
        }
        guard try trained.store.setBoxes(project: project, dataset: kind.rawValue, path: photo.name, boxes.map(Self.storedBox)) else {
            throw TrainingError.photoNotInDataset(path: path, project: project)
        }
        var saved = photo
        saved.boxes = boxes
        return saved
    }

    public func removeBox(project: String, path: String, number: Int) throws -> TrainingPhoto {
        let (kind, photo) = try datasetPhoto(project: project, path: path)
        guard number >= 1, number <= photo.boxes.count else { throw TrainingError.noSuchBox(number: number, count: photo.boxes.count, path: path) }
        var boxes = photo.boxes
        boxes.remove(at: number - 1)
        _ = try trained.store.setBoxes(project: project, dataset: kind.rawValue, path: photo.name, boxes.map(Self.storedBox))
        return try datasetPhoto(project: project, path: path).photo
    }

    public func train(project: String, versionName: String?, output: OutputConfig?) throws -> ProjectVersionDescription {
        // The text rule first: it says where a NUL or an over-long name goes wrong; then the service's pattern.
        if let versionName, let problem = TextRule.versionName.problem(versionName) { throw TrainingError.invalidText(problem) }
        if let versionName, versionName.utf8.count > 255 || !ArnSyntax.isName(Substring(versionName)) {
            throw ServiceError.validation(value: versionName, member: "versionName",
                                          constraint: #"Member must satisfy regular expression pattern: [a-zA-Z0-9_.\-]+"#)
        }
        if let output, output.s3KeyPrefix.hasPrefix("/") || output.s3KeyPrefix.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) {
            // The bucket folder holds keys as files: a prefix that climbs out of it is refused before anything is read or written.
            throw ServiceError.validation(value: output.s3KeyPrefix, member: "outputConfig.s3KeyPrefix",
                                          constraint: "Member must not contain '.' or '..' path segments or start with '/'")
        }
        let datasets = try datasets(project: project)
        if let output, !s3.bucketExists(output.s3Bucket) { throw TrainingError.outputBucketMissing(output.s3Bucket) }
        guard let projectRecord = try trained.store.project(named: project), let projectArn = ProjectArn(projectRecord.arn) else {
            throw TrainingError.noProject
        }
        let now = try clock().seconds
        let taken = Set(try trained.store.versions(project: project).map(\.name))
        var name = versionName ?? TrainingTime.versionName(project: project, startedAt: now)
        if taken.contains(name) {
            guard versionName == nil else { throw TrainingError.versionExists(name) }
            // `train` again at the same simulated second (after a failed training, which takes no
            // time here): the next free second names it, as a second console click a moment later would.
            var second = 1.0
            while taken.contains(name) {
                name = TrainingTime.versionName(project: project, startedAt: now + second)
                second += 1
            }
        }
        let arn = ProjectVersionArn(region: projectArn.region, account: projectArn.account, projectName: project, versionName: name,
                                    creationMillis: Int64((now * 1000).rounded(.down))).description
        let inputs = datasets.trainingDatasets
        let trainingCount = inputs.training.count, testCount = inputs.test.count
        var failure = TrainingValidation.statusMessage(TrainingValidation.problems(inputs))
        if datasets.training == nil { failure = Message(en: "The project has no training dataset: `dataset create train`.", ja: "トレーニングデータセットがありません: `dataset create train`。") + (failure.map { Message(en: " ", ja: "") + $0 } ?? Message(en: "", ja: "")) }
        var stored = StoredTrainedVersion(arn: arn, project: project, name: name, createdSeconds: now, outcome: VersionStatus.trainingFailed.rawValue,
                                          statusMessageEn: nil, statusMessageJa: nil, trainingSeconds: 0, trainingImages: trainingCount,
                                          testingImages: testCount, modelJSON: nil, evaluationJSON: nil, testResultsJSON: nil,
                                          outputBucket: output?.s3Bucket, outputKeyPrefix: output?.s3KeyPrefix)
        // Training ends by the clock's last second (a clock near the end of its years still sees it complete).
        let duration = min(TrainingTime.durationSeconds(photos: trainingCount + testCount), try Self.secondsLeftOnClock(after: now, offsetSeconds: clock().offsetSeconds))
        if failure == nil {
            do {
                let result = try Self.runEngine(inputs, arn: arn, endsAt: now + Double(duration))
                stored.outcome = VersionStatus.trainingCompleted.rawValue
                stored.trainingSeconds = duration
                stored.modelJSON = result.model.json
                stored.evaluationJSON = result.summary.text
                stored.testResultsJSON = TrainedVersions.encodeTestImages(result.testImages)
            } catch let error as BreadVisionError {
                failure = error.message
            } catch let error as PhotoError {
                // A photo that no longer decodes (truncated, damaged) fails the training, as the service does.
                failure = error.message
            } catch let error as TrainingError {
                failure = error.message
            }
        }
        stored.statusMessageEn = failure?.en
        stored.statusMessageJa = failure?.ja
        // Saved only if no other shell saved this name meanwhile (checked again in the transaction).
        guard try trained.store.insertVersion(stored) else { throw TrainingError.versionMadeMeanwhile(name) }
        // The engine has the evaluation at once, so the summary object is written now; DescribeProjectVersions
        // only points at it once the version's training time has passed.
        if let output, let summary = stored.evaluationJSON {
            do {
                try s3.write(bucket: output.s3Bucket, key: output.key(for: EvaluationSummaryFile.fileName(project: project, version: name)),
                             bytes: Array(summary.utf8))
            } catch {
                _ = try? trained.store.deleteVersion(arn: arn)
                throw error
            }
        }
        return try describeVersion(arn: arn)
    }

    /// Seconds from `now` to the clock's last second (the end of its last year, in its offset), at least 0.
    static func secondsLeftOnClock(after now: Double, offsetSeconds: Int) -> Int {
        let last = "\(MockStateStore.clockYears.upperBound)-12-31T23:59:59"
        guard let end = ISO8601.parse(last, defaultOffsetSeconds: offsetSeconds)?.seconds else { return Int.max }
        return Int(max(0, (end - now).rounded(.down)))
    }

    public func deleteProjectVersion(arn: String) throws -> VersionStatus {
        _ = try ProjectVersionArn.parse(arn)
        if library.version(arn: arn) != nil { throw TrainingError.recordedVersion(arn) }
        guard let found = try trained.find(arn: arn) else { throw ServiceError.versionNotFound(arn) }
        let status = try currentState(found.version, now: clock().seconds).status
        if [.trainingInProgress, .starting, .running, .stopping].contains(status) {
            throw ServiceError.wrongState(arn, status: status, operation: "DeleteProjectVersion")
        }
        try state.deleteVersionState(arn: arn)
        _ = try trained.store.deleteVersion(arn: arn)
        trained.forget(arn: arn)
        return .deleting
    }

    public func trainingFailure(versionArn: String) throws -> Message? {
        guard let stored = try trained.store.version(arn: versionArn), let en = stored.statusMessageEn else { return nil }
        return Message(en: en, ja: stored.statusMessageJa ?? en)
    }

    public func trainedEvaluation(versionArn: String) throws -> TrainedEvaluation? {
        try trained.evaluation(arn: versionArn)
    }

    // MARK: The engine

    /// Trains on the boxed training photos and evaluates on the test photos (each file read again
    /// and checked against the hash it was added with).
    static func runEngine(_ inputs: TrainingDatasets, arn: String, endsAt: Double) throws -> (model: BreadModel, summary: EvaluationSummaryFile, testImages: [TestImage]) {
        var examples: [LabelledPhoto] = []
        for photo in inputs.training where !photo.boxes.isEmpty {
            examples.append(LabelledPhoto(name: photo.name, photo: try decodeUnchanged(photo), boxes: photo.boxes))
        }
        let model = try BreadTrainer.train(examples: examples)
        var testImages: [TestImage] = []
        for photo in inputs.test {
            testImages.append(TestImage(photo: photo.name, groundTruth: photo.boxes, predictions: model.detect(try decodeUnchanged(photo))))
        }
        let evaluation = Evaluation.evaluate(testImages: testImages, labels: inputs.labels)
        let summary = evaluation.summaryFile(projectVersionArn: arn, endedAt: endsAt, trainingImages: inputs.training.count)
        return (model, summary, testImages)
    }

    static func decodeUnchanged(_ photo: TrainingPhoto) throws -> Photo {
        let bytes: [UInt8]
        do { bytes = try Photo.readBytes(path: photo.name, limits: .serviceS3Object) } catch { throw TrainingError.photoChanged(path: photo.name) }
        guard PhotoFingerprint.sha256(bytes) == photo.sha256 else { throw TrainingError.photoChanged(path: photo.name) }
        return try TrainedVersions.decodeForEngine(bytes: bytes, name: photo.name, limits: .serviceS3Object)
    }

    // MARK: Helpers

    /// Refuses labels the label rule refuses (the rule `dataset import` applies to a manifest's labels).
    static func checkLabels(_ names: [String]) throws {
        for name in names {
            if let problem = TextRule.label.problem(name) { throw TrainingError.invalidText(problem) }
        }
    }

    /// Throws unless the project exists; a recorded project (DescribeProjects lists it) is taken
    /// into the training store under its recorded ARN the first time it is given datasets or a
    /// version, without changing the shell's current project.
    func requireProject(_ project: String) throws {
        guard try trained.store.project(named: project) == nil else { return }
        guard let recorded = library.project(named: project) else {
            throw TrainingError.unknownProject(project, known: try trained.store.projects().map(\.name))
        }
        let current = try trained.store.currentProject()
        _ = try trained.store.createProject(StoredTrainingProject(name: project, arn: recorded.projectArn.description,
                                                                  createdSeconds: Double(recorded.projectArn.creationMillis) / 1000))
        if let current { try trained.store.setCurrentProject(current) }
    }

    func requireDataset(_ project: String, _ kind: DatasetKind) throws {
        try requireProject(project)
        guard try trained.store.datasets(project: project).contains(kind.rawValue) else { throw TrainingError.noDataset(project: project, kind: kind) }
    }

    /// A path made absolute against the working folder (so another shell elsewhere finds it).
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (full as NSString).standardizingPath
    }

    /// What the store keeps about a photo's bytes.
    static func facts(bytes: [UInt8], path: String) throws -> StoredTrainingPhoto {
        let header = try PhotoHeader.read(bytes: bytes, name: path)
        return StoredTrainingPhoto(path: path, sha256: PhotoFingerprint.sha256(bytes), byteCount: bytes.count, format: header.format.rawValue,
                                   width: header.width, height: header.height, boxes: [])
    }

    static func storedBox(_ box: LabelledBox) -> StoredTrainingBox {
        StoredTrainingBox(label: box.label, left: box.box.left, top: box.box.top, width: box.box.width, height: box.box.height)
    }

    static func trainingPhoto(_ stored: StoredTrainingPhoto) -> TrainingPhoto {
        let format: TrainingPhoto.Format = stored.format == "jpeg" ? .jpeg : stored.format == "png" ? .png : .other(stored.format)
        return TrainingPhoto(name: stored.path, sha256: stored.sha256, width: stored.width, height: stored.height, byteCount: stored.byteCount,
                             format: format,
                             boxes: stored.boxes.map { LabelledBox(label: $0.label, box: BoundingBox(width: $0.width, height: $0.height, left: $0.left, top: $0.top)) })
    }
}
