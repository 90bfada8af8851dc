import CustomLabels
import Foundation
import PanyaStore
import PanyaTestSupport
import Testing
@testable import MockBackend

/// DeleteProjectVersion on the mock, and CreateDataset from a manifest in the bucket folder.
@Suite struct DeleteVersionTests {
    @Test func aTrainedVersionIsDeletedFromTheStoreAndTheLifecycle() throws {
        let backend = try makeBackend()
        let project = try backend.createProject(name: "empty")
        // No datasets: the training fails at once, without the engine.
        let failed = try backend.train(project: "empty", versionName: "v1")
        #expect(failed.status == .trainingFailed)
        #expect(try backend.deleteProjectVersion(arn: failed.projectVersionArn) == .deleting)
        #expect(try backend.trained.store.version(arn: failed.projectVersionArn) == nil)
        #expect(try backend.describeProjectVersions(projectArn: project.projectArn, versionNames: nil).isEmpty)
        #expect(throws: ServiceError.versionNotFound(failed.projectVersionArn)) { _ = try backend.deleteProjectVersion(arn: failed.projectVersionArn) }
        // The name can be used again.
        #expect(try backend.train(project: "empty", versionName: "v1").status == .trainingFailed)
    }

    @Test func aRecordedVersionIsNotDeleted() throws {
        let backend = try makeBackend()
        #expect(throws: TrainingError.recordedVersion(seedVersion)) { _ = try backend.deleteProjectVersion(arn: seedVersion) }
        #expect(try backend.status(versionArn: seedVersion) == .trainingCompleted)
    }

    @Test func theStoreForgetsTheVersionAndItsState() throws {
        let database = try PanyaDatabase.inMemory()
        let store = TrainedVersionStore(database)
        try store.saveVersion(TrainedVersion(arn: "arn:v", project: "p", name: "v", createdSeconds: 0, outcome: "TRAINING_FAILED",
                                                   statusMessageEn: nil, statusMessageJa: nil, trainingSeconds: 0, trainingImages: 0, testingImages: 0,
                                                   modelJSON: nil, evaluationJSON: nil, testResultsJSON: nil, outputBucket: "b", outputKeyPrefix: "o/"))
        #expect(try store.version(arn: "arn:v")?.outputKeyPrefix == "o/")
        let state = MockStateStore(database)
        try state.saveVersionState(MockVersionState(versionArn: "arn:v", status: "STOPPED", units: 1, statusSince: 0))
        #expect(try store.deleteVersion(arn: "arn:v"))
        try state.deleteVersionState(arn: "arn:v")
        #expect(try store.version(arn: "arn:v") == nil)
        #expect(try state.versionState(arn: "arn:v") == nil)
        #expect(try !store.deleteVersion(arn: "arn:v"))
    }

    @Test func aDatasetIsCreatedFromAManifestInTheBucketFolder() throws {
        let folder = try TemporaryFolder(prefix: "panya-mock-tests")
        defer { folder.remove() }
        let backend = try makeBackend(s3Root: folder.path)
        _ = try backend.createProject(name: "m")
        try backend.s3.createBucket("bkt")
        let photo = [UInt8](try Data(contentsOf: URL(fileURLWithPath: photosFolder + "/train/anpan-01.jpg")))
        try backend.s3.write(bucket: "bkt", key: "train/anpan-01.jpg", bytes: photo)
        let entry = ManifestEntry(sourceRef: "s3://bkt/train/anpan-01.jpg", imageWidth: 640, imageHeight: 480,
                                  boxes: [LabelledBox(label: "あんぱん", box: BoundingBox(width: 0.25, height: 0.5, left: 0.125, top: 0.25))])
        try backend.s3.write(bucket: "bkt", key: "train.manifest", bytes: Array(ManifestWriter.write([entry], labels: []).utf8))
        let created = try backend.createDataset(project: "m", kind: .training, manifest: S3Location(bucket: "bkt", key: "train.manifest"))
        #expect(created.datasetArn.hasPrefix("arn:aws:rekognition:ap-northeast-1:123456789012:project/m/dataset/train/"))
        #expect(created.imported.added.count == 1)
        #expect(try backend.datasets(project: "m").training?.first?.boxes.map(\.label) == ["あんぱん"])
        #expect(try backend.datasets(project: "m").labels == ["あんぱん"])
        // A source-ref that leaves the bucket is refused before anything is created.
        let escaping = ManifestEntry(sourceRef: "s3://bkt/../outside.jpg", imageWidth: 640, imageHeight: 480, boxes: entry.boxes)
        try backend.s3.write(bucket: "bkt", key: "test.manifest", bytes: Array(ManifestWriter.write([escaping], labels: []).utf8))
        #expect(throws: ServiceError.self) { _ = try backend.createDataset(project: "m", kind: .test, manifest: S3Location(bucket: "bkt", key: "test.manifest")) }
        #expect(try backend.datasets(project: "m").test == nil)
    }
}
