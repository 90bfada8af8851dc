import BreadVision
import CustomLabels
import Foundation
import PanyaStore
import PanyaSupport
import Photos
import Workbench

/// The versions `train` made, as the mock's other code sees recorded ones: projects and
/// versions in the recordings' shapes, statuses on the simulated clock (TRAINING_IN_PROGRESS
/// until the training time has passed), the trained engine (decoded once per ARN) and the
/// evaluation kept with each version.
public final class TrainedVersions: @unchecked Sendable {
    /// Where the versions are kept.
    public let store: TrainedVersionStore
    /// Where their projects are kept (the workbench's).
    public let projectStore: WorkbenchStore
    /// The region of new ARNs.
    public let region: String
    private let lock = NSLock()
    private var models: [String: BreadModel] = [:]
    /// Each version's recording with the row it was made from (reused while the row reads the same).
    private var recordings: [String: (stored: TrainedVersion, recording: VersionRecording)] = [:]

    /// Trained versions over a store.
    public init(store: TrainedVersionStore, projects: WorkbenchStore, region: String) {
        self.store = store
        self.projectStore = projects
        self.region = region
    }

    /// Every created project with its versions, in the recordings' shape (oldest first).
    public func projects() throws -> [ProjectRecording] {
        let versions = try store.versions()
        return try projectStore.projects().compactMap { project in
            guard let arn = ProjectArn(project.projectArn) else { return nil }
            let mine = versions.filter { $0.project == project.projectName }.compactMap(recording)
            return ProjectRecording(projectName: project.projectName, projectArn: arn, versions: mine)
        }
    }

    /// The stored version and its project, when `arn` is a trained version.
    public func find(arn: String) throws -> (project: ProjectRecording, version: VersionRecording, stored: TrainedVersion)? {
        guard let stored = try store.version(arn: arn), let version = recording(stored),
              let project = try projectStore.project(named: stored.project), let projectArn = ProjectArn(project.projectArn) else { return nil }
        return (ProjectRecording(projectName: project.projectName, projectArn: projectArn, versions: [version]), version, stored)
    }

    /// A stored version as a recording: status TRAINING_COMPLETED or TRAINING_FAILED (the clock
    /// decides whether it is still in progress, see ``status(_:now:)``), metrics from its evaluation.
    /// Made once per row: every start, stop and describe asks, and the summary is parsed only when the row changed.
    func recording(_ stored: TrainedVersion) -> VersionRecording? {
        lock.lock()
        let kept = recordings[stored.arn]
        lock.unlock()
        if let kept, kept.stored == stored { return kept.recording }
        guard let made = makeRecording(stored) else { return nil }
        lock.lock()
        recordings[stored.arn] = (stored, made)
        lock.unlock()
        return made
    }

    private func makeRecording(_ stored: TrainedVersion) -> VersionRecording? {
        guard let arn = ProjectVersionArn(stored.arn) else { return nil }
        let failed = stored.outcome == VersionStatus.trainingFailed.rawValue
        let summary = stored.evaluationJSON.flatMap { try? EvaluationSummaryFile(text: $0) }
        let labels = summary.map { file in
            file.labels.compactMap { name in file.labelResults.first { $0.label == name } }
        } ?? []
        return VersionRecording(versionName: stored.name, arn: arn, status: failed ? .trainingFailed : .trainingCompleted,
                                billableTrainingTimeInSeconds: failed ? nil : stored.trainingSeconds,
                                trainingImages: stored.trainingImages, testingImages: stored.testingImages,
                                f1Score: summary?.f1Score, precision: summary?.precision, recall: summary?.recall, labels: labels)
    }

    /// The status a trained version has by itself at `now` (before anyone starts it), and since when.
    public func status(_ stored: TrainedVersion, now: Double) -> (status: VersionStatus, since: Double) {
        if stored.outcome == VersionStatus.trainingFailed.rawValue { return (.trainingFailed, stored.createdSeconds) }
        let end = trainingEnd(stored)
        return now < end ? (.trainingInProgress, stored.createdSeconds) : (.trainingCompleted, end)
    }

    /// When training ends (simulated seconds since 1970).
    public func trainingEnd(_ stored: TrainedVersion) -> Double {
        stored.createdSeconds + Double(stored.trainingSeconds)
    }

    /// The engine of a trained version, decoded from the store once.
    public func model(arn: String) throws -> BreadModel? {
        lock.lock()
        if let cached = models[arn] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        guard let json = try store.versionWithResults(arn: arn)?.modelJSON else { return nil }
        let model = try BreadModel(json: Array(json.utf8))
        lock.lock()
        models[arn] = model
        lock.unlock()
        return model
    }

    /// Drops the decoded engine of a deleted version.
    public func forget(arn: String) {
        lock.lock()
        models[arn] = nil
        recordings[arn] = nil
        lock.unlock()
    }

    /// The evaluation kept with a trained version (nil for a failed one).
    public func evaluation(arn: String) throws -> TrainedEvaluation? {
        guard let stored = try store.versionWithResults(arn: arn), let summaryText = stored.evaluationJSON,
              let resultsText = stored.testResultsJSON else { return nil }
        let summary = try EvaluationSummaryFile(text: summaryText)
        let images = try Self.decodeTestImages(resultsText)
        return TrainedEvaluation(versionArn: arn, evaluation: Evaluation.evaluate(testImages: images, labels: summary.labels),
                                 summaryFile: summary)
    }

    // MARK: Test results as data

    /// The test photos' ground truth and predictions as compact JSON (kept with the version).
    public static func encodeTestImages(_ images: [TestImage]) -> String {
        JSONPrinter.compact(.array(images.map { image in
            .object(["Photo": .string(image.photo),
                     "GroundTruth": .array(image.groundTruth.map { .object(["Label": .string($0.label), "BoundingBox": $0.box.jsonValue]) }),
                     "Predictions": .array(image.predictions.map(\.jsonValue))])
        }))
    }

    /// Reads what ``encodeTestImages(_:)`` wrote.
    public static func decodeTestImages(_ text: String) throws -> [TestImage] {
        try JSONParser.parse(text).cursor.elements().map { image in
            TestImage(photo: try image.member("Photo").string(),
                      groundTruth: try image.member("GroundTruth").elements().map {
                          LabelledBox(label: try $0.member("Label").string(), box: try BoundingBox(json: $0.member("BoundingBox")))
                      },
                      predictions: try image.member("Predictions").elements().map(CustomLabel.init(json:)))
        }
    }
}
