import BreadVision
import CustomLabels
import Foundation
import PanyaStore
import PanyaSupport
import Photos
import Workbench

/// The mock builds models with panya's own engine (BreadVision): the datasets are prepared on
/// its ``LocalWorkbench`` (every workbench step is the workbench's), training is
/// CreateProjectVersion on the simulated clock, the evaluation computed as the service does and
/// kept with the version.
extension MockBackend: WorkbenchModelTraining {
    /// The workbench this backend's datasets are kept on.
    public func datasetWorkbench() throws -> any DatasetWorkbench { workbench }

    public func createDataset(project: String, kind: DatasetKind, manifest: S3Location) throws -> (datasetArn: String, imported: ManifestImport) {
        try workbench.requireProject(project)
        if try workbench.store.datasets(project: project).contains(kind) { throw WorkbenchError.datasetExists(project: project, kind: kind) }
        let reading = try ManifestFile.read(path: try s3.path(bucket: manifest.bucket, key: manifest.key), limits: LocalWorkbench.manifestLimits)
        // The service keeps a dataset's bad lines as errors of the dataset; panya has no
        // DescribeDataset, so it refuses the manifest and names every error line instead (warnings pass).
        let errors = reading.issues.filter { $0.manifestCode.scope != .warning }
        if !errors.isEmpty {
            let lines = errors.map(\.message.en).joined(separator: "; ")
            throw ServiceError(.invalidParameter, "The manifest file \(manifest) has errors: \(lines)",
                               detail: WorkbenchError.unusableManifest(path: manifest.description, issues: reading.issues).message)
        }
        for row in reading.rows {
            guard S3Location(row.entry.sourceRef) != nil else {
                throw ServiceError(.invalidParameter, "The manifest file \(manifest) has errors: line \(row.line): source-ref \(row.entry.sourceRef) is not an s3:// URI")
            }
        }
        let (photos, photoIssues) = try workbench.manifestPhotos(reading, folder: nil)
        let photoErrors = photoIssues.filter { $0.manifestCode.scope != .warning }
        if !photoErrors.isEmpty {
            throw ServiceError(.invalidParameter, "The manifest file \(manifest) has errors: \(photoErrors.map(\.message.en).joined(separator: "; "))")
        }
        let now = try clock().seconds
        guard try workbench.store.createDataset(project: project, kind: kind, createdSeconds: now) else {
            throw WorkbenchError.datasetExists(project: project, kind: kind)
        }
        try workbench.store.addLabels(project: project, LocalWorkbench.labelsInOrder(photos))
        try workbench.store.addPhotos(project: project, kind: kind, photos)
        let projectArn = try workbench.store.project(named: project).flatMap { ProjectArn($0.projectArn) }
            ?? ProjectArn(region: trained.region, projectName: project, creationMillis: 0)
        let arn = "arn:\(projectArn.partition):rekognition:\(projectArn.region):\(projectArn.account):project/\(project)/dataset/\(kind.rawValue)/\(Int64((now * 1000).rounded(.down)))"
        return (arn, ManifestImport(added: photos, issues: reading.issues + photoIssues))
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
        guard let projectRecord = try workbench.store.project(named: project), let projectArn = ProjectArn(projectRecord.projectArn) else {
            throw WorkbenchError.noProject
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
        var stored = TrainedVersion(arn: arn, project: project, name: name, createdSeconds: now, outcome: VersionStatus.trainingFailed.rawValue,
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
        let last = "\(SimulatedClockStore.clockYears.upperBound)-12-31T23:59:59"
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
        return try LocalWorkbench.decodeForEngine(bytes: bytes, name: photo.name, limits: .serviceS3Object)
    }
}
