import Foundation
import PanyaTestSupport
import Testing
@testable import PanyaStore

@Suite struct TrainingStoreTests {
    static func photo(_ path: String, boxes: [StoredTrainingBox] = []) -> StoredTrainingPhoto {
        StoredTrainingPhoto(path: path, sha256: String(repeating: "a", count: 64), byteCount: 1234, format: "jpeg", width: 640, height: 480, boxes: boxes)
    }

    static let anpanBox = StoredTrainingBox(label: "あんぱん", left: 0.1, top: 0.2, width: 0.3, height: 0.4)

    @Test func projectsLabelsDatasetsPhotosAndBoxesRoundTrip() throws {
        let store = TrainingStore(try PanyaDatabase.inMemory())
        #expect(try store.createProject(StoredTrainingProject(name: "bakery", arn: "arn:p/bakery/1", createdSeconds: 10)))
        #expect(try store.createProject(StoredTrainingProject(name: "bakery", arn: "arn:p/bakery/2", createdSeconds: 11)) == false)
        #expect(try store.currentProject() == "bakery")
        #expect(try store.addLabels(project: "bakery", ["あんぱん", "メロンパン", "あんぱん"]) == ["あんぱん", "メロンパン"])
        #expect(try store.addLabels(project: "bakery", ["焼きそばパン"]) == ["あんぱん", "メロンパン", "焼きそばパン"])
        #expect(try store.createDataset(project: "bakery", kind: "test", createdSeconds: 12))
        #expect(try store.createDataset(project: "bakery", kind: "train", createdSeconds: 12))
        #expect(try store.createDataset(project: "bakery", kind: "train", createdSeconds: 13) == false)
        #expect(try store.datasets(project: "bakery") == ["train", "test"])

        try store.addPhotos(project: "bakery", dataset: "train", [Self.photo("/a.jpg", boxes: [Self.anpanBox]), Self.photo("/b.jpg")])
        #expect(try store.photos(project: "bakery", dataset: "train") == [Self.photo("/a.jpg", boxes: [Self.anpanBox]), Self.photo("/b.jpg")])
        // Adding the same path again without boxes keeps its boxes; with boxes replaces them.
        try store.addPhotos(project: "bakery", dataset: "train", [Self.photo("/a.jpg")])
        #expect(try store.photos(project: "bakery", dataset: "train")[0].boxes == [Self.anpanBox])
        let melon = StoredTrainingBox(label: "メロンパン", left: 0, top: 0, width: 1, height: 1)
        #expect(try store.setBoxes(project: "bakery", dataset: "train", path: "/b.jpg", [melon, Self.anpanBox]))
        #expect(try store.photos(project: "bakery", dataset: "train")[1].boxes == [melon, Self.anpanBox])
        #expect(try store.setBoxes(project: "bakery", dataset: "test", path: "/b.jpg", []) == false)
        #expect(try store.removePhoto(project: "bakery", dataset: "train", path: "/a.jpg"))
        #expect(try store.removePhoto(project: "bakery", dataset: "train", path: "/a.jpg") == false)
        #expect(try store.photos(project: "bakery", dataset: "train").map(\.path) == ["/b.jpg"])
        #expect(try store.photos(project: "bakery", dataset: "test").isEmpty)
    }

    @Test func versionsKeepTheirModelAndEvaluation() throws {
        let store = TrainingStore(try PanyaDatabase.inMemory())
        _ = try store.createProject(StoredTrainingProject(name: "p", arn: "arn:p", createdSeconds: 0))
        _ = try store.createProject(StoredTrainingProject(name: "q", arn: "arn:q", createdSeconds: 1))
        let failed = StoredTrainedVersion(arn: "arn:v1", project: "p", name: "p.v1", createdSeconds: 5, outcome: "TRAINING_FAILED",
                                          statusMessageEn: "No labels.", statusMessageJa: "ラベルがありません。", trainingSeconds: 0,
                                          trainingImages: 0, testingImages: 0, modelJSON: nil, evaluationJSON: nil, testResultsJSON: nil)
        let done = StoredTrainedVersion(arn: "arn:v2", project: "p", name: "p.v2", createdSeconds: 9, outcome: "TRAINING_COMPLETED",
                                        statusMessageEn: nil, statusMessageJa: nil, trainingSeconds: 1800, trainingImages: 30, testingImages: 3,
                                        modelJSON: "{\"m\":1}", evaluationJSON: "{\"e\":2}", testResultsJSON: "[]")
        try store.saveVersion(done)
        try store.saveVersion(failed)
        var light = done
        (light.modelJSON, light.testResultsJSON) = (nil, nil)
        #expect(try store.versions(project: "p") == [failed, light], "listed without the model and the test results")
        #expect(try store.versions(project: "q").isEmpty)
        #expect(try store.versions().map(\.arn) == ["arn:v1", "arn:v2"])
        #expect(try store.version(arn: "arn:v2") == light)
        #expect(try store.versionWithResults(arn: "arn:v2") == done)
        #expect(try store.version(arn: "arn:none") == nil)
        try store.setCurrentProject("q")
        #expect(try store.currentProject() == "q")
    }

    @Test func everythingSurvivesReopeningTheFile() throws {
        let folder = try TemporaryFolder(prefix: "panya-store-tests")
        defer { folder.remove() }
        let path = folder.file("panya.sqlite")
        do {
            let store = TrainingStore(try PanyaDatabase(path: path))
            _ = try store.createProject(StoredTrainingProject(name: "bakery", arn: "arn:p", createdSeconds: 0))
            _ = try store.addLabels(project: "bakery", ["あんぱん"])
            _ = try store.createDataset(project: "bakery", kind: "train", createdSeconds: 0)
            try store.addPhotos(project: "bakery", dataset: "train", [Self.photo("/a.jpg", boxes: [Self.anpanBox])])
        }
        let again = TrainingStore(try PanyaDatabase(path: path))
        #expect(try again.currentProject() == "bakery")
        #expect(try again.labels(project: "bakery") == ["あんぱん"])
        #expect(try again.photos(project: "bakery", dataset: "train") == [Self.photo("/a.jpg", boxes: [Self.anpanBox])])
        #expect(try PanyaDatabase(path: path).appliedMigrations().contains("v5-training-output"))
    }
}
