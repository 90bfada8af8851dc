import CustomLabels
import Foundation
import PanyaStore
import PanyaTestSupport
import Photos
import Testing
import Workbench
@testable import MockBackend

/// The lesson's datasets on a fresh mock: labels by `--label`, 30 training and 3 test photos.
func lessonTrainedBackend(database: PanyaDatabase? = nil) throws -> (MockBackend, ProjectVersionDescription) {
    let backend = try MockBackend(directory: shippedRecordings, database: database ?? .inMemory())
    _ = try backend.createProject(name: "bakery-ai")
    try backend.createDataset(project: "bakery-ai", kind: .training)
    try backend.createDataset(project: "bakery-ai", kind: .test)
    for (prefix, label) in [("anpan", "あんぱん"), ("melonpan", "メロンパン"), ("yakisobapan", "焼きそばパン")] {
        let paths = (1...10).map { photosFolder + "/train/\(prefix)-" + ($0 < 10 ? "0\($0)" : "\($0)") + ".jpg" }
        _ = try backend.addPhotos(project: "bakery-ai", kind: .training, paths: paths, label: label)
        _ = try backend.addPhotos(project: "bakery-ai", kind: .test, paths: [photosFolder + "/test/\(prefix).jpg"], label: label)
    }
    return (backend, try backend.train(project: "bakery-ai", versionName: nil))
}

/// `photo` turned a quarter turn clockwise.
func quarterTurn(_ photo: Photo) -> Photo? {
    var pixels = [UInt8](repeating: 0, count: photo.pixels.count)
    for y in 0..<photo.height {
        for x in 0..<photo.width {
            let source = (y * photo.width + x) * 3
            let target = (x * photo.height + (photo.height - 1 - y)) * 3
            pixels[target] = photo.pixels[source]
            pixels[target + 1] = photo.pixels[source + 1]
            pixels[target + 2] = photo.pixels[source + 2]
        }
    }
    return Photo(width: photo.height, height: photo.width, pixels: pixels)
}

@Suite struct TrainingTests {
    @Test func trainingOnTheLessonPhotosMakesANewVersionThatDetectsAnyPhoto() throws {
        let (backend, version) = try lessonTrainedBackend()
        #expect(version.status == .trainingInProgress)
        #expect(version.versionName == "bakery-ai.2023-08-01T10.30.00")
        #expect(version.f1Score == nil)
        #expect(ProjectVersionArn(version.projectVersionArn)?.creationMillis == 1_690_885_800_000)
        #expect(throws: ServiceError.self) { _ = try backend.startProjectVersion(arn: version.projectVersionArn, minInferenceUnits: 1, maxInferenceUnits: nil) }

        var steps: [String] = []
        #expect(try backend.waitUntilStable(arn: version.projectVersionArn) { steps.append($0.en) } == .trainingCompleted)
        #expect(steps.count == 1)
        #expect(try backend.clock().text == "2023-08-01T20:00:00+09:00")
        let trained = try backend.describeVersion(arn: version.projectVersionArn)
        #expect(trained.f1Score == 1)
        #expect(trained.billableTrainingTimeInSeconds == 1800)
        #expect(trained.labels.map(\.label) == ["あんぱん", "メロンパン", "焼きそばパン"])

        let evaluation = try #require(try backend.trainedEvaluation(versionArn: version.projectVersionArn))
        #expect(evaluation.evaluation.images.flatMap(\.boxes).map(\.outcome) == [.truePositive, .truePositive, .truePositive])
        #expect(evaluation.summaryFile.numberOfTrainingImages == 30)
        #expect(evaluation.summaryFile.numberOfTestingImages == 3)
        // The assumed threshold of each label is its test photo's confidence (F1 = 1 at it).
        for (label, image) in zip(["あんぱん", "メロンパン", "焼きそばパン"], evaluation.evaluation.images) {
            let threshold = try #require(trained.labels.first { $0.label == label }?.threshold)
            #expect(image.boxes.first?.confidence.map { AssumedThreshold.threshold(forConfidence: $0) } == threshold)
        }

        _ = try backend.startProjectVersion(arn: version.projectVersionArn, minInferenceUnits: 1, maxInferenceUnits: nil)
        _ = try backend.waitUntilStable(arn: version.projectVersionArn) { _ in }
        let breads3 = try photoBytes("breads3.jpg")
        let all = try backend.detectCustomLabels(DetectCustomLabelsRequest(projectVersionArn: version.projectVersionArn, image: .bytes(breads3), minConfidence: 50))
        #expect(Set(all.customLabels.map(\.name)) == ["あんぱん", "メロンパン", "焼きそばパン"])
        #expect(all.customLabels.count == 3)

        // A quarter-turned tray photo no recording has: the engine still finds the three breads.
        let turned = try #require(quarterTurn(try Photo.decode(bytes: breads3, name: "breads3.jpg")))
        let turnedBytes = try turned.encodeJPEG()
        let found = try backend.detectCustomLabels(DetectCustomLabelsRequest(projectVersionArn: version.projectVersionArn, image: .bytes(turnedBytes), minConfidence: 50))
        #expect(Set(found.customLabels.map(\.name)) == ["あんぱん", "メロンパン", "焼きそばパン"])
        let melon = try #require(found.customLabels.first { $0.name == "メロンパン" }?.boundingBox)
        // Turned clockwise, the melon-pan (right, lower half) moves to the lower left.
        #expect(melon.left < 0.5 && melon.top > 0.4)

        let bill = try backend.bill()
        let line = try #require(bill.lines.first { $0.versionArn == version.projectVersionArn })
        #expect(line.trainingSeconds == 1800)
    }

    @Test func trainingFailsWithTheServiceReasons() throws {
        let backend = try makeBackend()
        _ = try backend.createProject(name: "empty")
        try backend.createDataset(project: "empty", kind: .training)
        try backend.createDataset(project: "empty", kind: .test)
        let failed = try backend.train(project: "empty", versionName: "v1")
        #expect(failed.status == .trainingFailed)
        let expected = TrainingValidation.statusMessage([.noLabels, .tooFewTrainingImages(count: 0), .emptyTestSet])
        #expect(failed.statusMessage == expected?.en)
        #expect(try backend.trainingFailure(versionArn: failed.projectVersionArn) == expected)
        #expect(throws: TrainingError.versionExists("v1")) { _ = try backend.train(project: "empty", versionName: "v1") }

        // A test photo that is also a training photo.
        let anpan = photosFolder + "/train/anpan-01.jpg"
        _ = try backend.addPhotos(project: "empty", kind: .training, paths: (1...9).map { photosFolder + "/train/anpan-0\($0).jpg" }, label: "あんぱん")
        _ = try backend.addPhotos(project: "empty", kind: .training, paths: [photosFolder + "/train/anpan-10.jpg"], label: "あんぱん")
        _ = try backend.addPhotos(project: "empty", kind: .test, paths: [anpan], label: "あんぱん")
        let again = try backend.train(project: "empty", versionName: "v2")
        #expect(again.statusMessage == TrainingValidation.statusMessage([.testPhotoInTraining(test: anpan, training: anpan)])?.en)
        #expect(try backend.waitUntilStable(arn: again.projectVersionArn) { _ in } == .trainingFailed)
    }

    @Test func projectsDatasetsAndBoxesRefuseMistakes() throws {
        let backend = try makeBackend()
        #expect(throws: WorkbenchError.noProject) { _ = try backend.currentTrainingProject() }
        #expect(throws: WorkbenchError.invalidProjectName("パン屋")) { _ = try backend.createProject(name: "パン屋") }
        #expect(throws: WorkbenchError.projectExists("verification001")) { _ = try backend.createProject(name: "verification001") }
        let project = try backend.createProject(name: "p1")
        #expect(try backend.describeProjects().map(\.projectName) == ["verification001", "p1"])
        #expect(try backend.currentTrainingProject() == "p1")
        #expect(throws: WorkbenchError.noDataset(project: "p1", kind: .training)) {
            _ = try backend.addPhotos(project: "p1", kind: .training, paths: [photosFolder + "/breads3.jpg"], label: nil)
        }
        try backend.createDataset(project: "p1", kind: .training)
        #expect(throws: WorkbenchError.datasetExists(project: "p1", kind: .training)) { try backend.createDataset(project: "p1", kind: .training) }
        let tray = photosFolder + "/breads3.jpg"
        _ = try backend.addPhotos(project: "p1", kind: .training, paths: [tray], label: nil)
        #expect(try backend.proposals(photoPath: tray).count == 3)
        let box = LabelledBox(label: "あんぱん", box: BoundingBox(width: 0.3, height: 0.4, left: 0.2, top: 0.47))
        #expect(throws: WorkbenchError.unknownLabel("あんぱん", known: [])) { _ = try backend.addBox(project: "p1", path: tray, box: box) }
        _ = try backend.addLabels(project: "p1", ["あんぱん"])
        #expect(try backend.addBox(project: "p1", path: tray, box: box).boxes == [box])
        let off = LabelledBox(label: "あんぱん", box: BoundingBox(width: 0.5, height: 0.4, left: 0.7, top: 0.1))
        #expect(throws: WorkbenchError.boxOffPhoto(path: tray)) { _ = try backend.addBox(project: "p1", path: tray, box: off) }
        #expect(throws: WorkbenchError.noSuchBox(number: 2, count: 1, path: tray)) { _ = try backend.removeBox(project: "p1", path: tray, number: 2) }
        #expect(try backend.removeBox(project: "p1", path: tray, number: 1).boxes.isEmpty)
        #expect(throws: WorkbenchError.photoNotInDataset(path: photosFolder + "/tray-four.jpg", project: "p1")) {
            _ = try backend.datasetPhoto(project: "p1", path: photosFolder + "/tray-four.jpg")
        }
        try backend.removePhoto(project: "p1", kind: .training, path: tray)
        #expect(try backend.datasets(project: "p1") == ProjectDatasets(project: "p1", labels: ["あんぱん"], training: [], test: nil))
        #expect(project.projectArn.hasPrefix("arn:aws:rekognition:ap-northeast-1:123456789012:project/p1/"))
    }

    @Test func manifestsGoInAndOut() throws {
        let folder = try TemporaryFolder(prefix: "panya-mock-tests")
        defer { folder.remove() }
        let backend = try makeBackend()
        _ = try backend.createProject(name: "m")
        try backend.createDataset(project: "m", kind: .training)
        try backend.createDataset(project: "m", kind: .test)
        _ = try backend.addPhotos(project: "m", kind: .training, paths: [photosFolder + "/train/anpan-01.jpg", photosFolder + "/train/melonpan-01.jpg"], label: nil)
        _ = try backend.addLabels(project: "m", ["あんぱん", "メロンパン"])
        _ = try backend.addBox(project: "m", path: photosFolder + "/train/anpan-01.jpg",
                               box: LabelledBox(label: "あんぱん", box: BoundingBox(width: 0.25, height: 0.5, left: 0.125, top: 0.25)))
        let text = try backend.exportManifest(project: "m", kind: .training, relativeTo: photosFolder)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("{\"source-ref\":\"train/anpan-01.jpg\",\"bounding-box\":{\"image_size\":[{\"width\":640,\"height\":480,\"depth\":3}],\"annotations\":[{\"class_id\":0,\"top\":120,\"left\":80,\"width\":160,\"height\":240}]}"))
        // Written next to the photos and read into the test dataset: the same photos and boxes, plus a bad line named.
        let manifest = folder.path + "/test.manifest"
        let bad = "{\"source-ref\":\"train/melonpan-02.jpg\",\"bounding-box\":{\"image_size\":[{\"width\":640,\"height\":480,\"depth\":3}],\"annotations\":[{\"class_id\":7,\"top\":1,\"left\":1,\"width\":100,\"height\":100}]},\"bounding-box-metadata\":{\"class-map\":{\"0\":\"あんぱん\"},\"type\":\"groundtruth/object-detection\",\"human-annotated\":\"yes\",\"creation-date\":\"2026-04-01T00:00:00\",\"job-name\":\"x\"}}\n"
        let relocated = try backend.exportManifest(project: "m", kind: .training, relativeTo: nil)
        try Data(relocated.utf8).write(to: URL(fileURLWithPath: manifest))
        let imported = try backend.importManifest(project: "m", kind: .test, path: manifest)
        // The line without a box is left out with a warning, as the service does.
        #expect(imported.added.map(\.name) == [(photosFolder + "/train/anpan-01.jpg" as NSString).standardizingPath])
        #expect(imported.added[0].boxes.count == 1)
        #expect(imported.issues.map(\.code) == ["WARNING_NO_ANNOTATIONS"])
        #expect(imported.issues.map(\.line) == [2])
        // One bad line in three is more than the 20 % the service allows: nothing is imported, every line is named.
        try Data((relocated + bad).utf8).write(to: URL(fileURLWithPath: manifest))
        do {
            _ = try backend.importManifest(project: "m", kind: .training, path: manifest)
            Issue.record("a manifest with too many bad lines was imported")
        } catch let WorkbenchError.unusableManifest(path, issues) {
            #expect(path == manifest)
            #expect(issues.map(\.code).contains("ERROR_MISSING_CLASS_MAP_ID"))
            #expect(issues.first { $0.code == "ERROR_MISSING_CLASS_MAP_ID" }?.line == 3)
            #expect(issues.map(\.code).contains("ERROR_TOO_MANY_INVALID_ROWS_IN_MANIFEST"))
        }
    }

    @Test func aTrainedVersionDetectsTheSameInAnotherBackendOnTheSameStore() throws {
        let folder = try TemporaryFolder(prefix: "panya-mock-tests")
        defer { folder.remove() }
        let database = try PanyaDatabase(path: folder.path + "/panya.sqlite")
        let (first, version) = try lessonTrainedBackend(database: database)
        _ = try first.waitUntilStable(arn: version.projectVersionArn) { _ in }
        _ = try first.startProjectVersion(arn: version.projectVersionArn, minInferenceUnits: 1, maxInferenceUnits: nil)
        _ = try first.waitUntilStable(arn: version.projectVersionArn) { _ in }
        let request = DetectCustomLabelsRequest(projectVersionArn: version.projectVersionArn, image: .bytes(try photoBytes("tray-four.jpg")), minConfidence: 0)
        let before = try first.detectCustomLabels(request)
        let second = try MockBackend(directory: shippedRecordings, database: try PanyaDatabase(path: folder.path + "/panya.sqlite"))
        #expect(try second.status(versionArn: version.projectVersionArn) == .running)
        #expect(try second.detectCustomLabels(request) == before)
        #expect(!before.customLabels.isEmpty)
        // The seed's recording still replays exactly.
        _ = try second.startProjectVersion(arn: seedVersion, minInferenceUnits: 1, maxInferenceUnits: nil)
        _ = try second.waitUntilStable(arn: seedVersion) { _ in }
        let seed = try second.detectCustomLabels(DetectCustomLabelsRequest(projectVersionArn: seedVersion, image: .bytes(try photoBytes("breads3.jpg"))))
        #expect(seed.customLabels.map(\.confidence) == [88.00399780273438])
    }
}
