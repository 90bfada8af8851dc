import CustomLabels
import Foundation
import PanyaStore
import PanyaTestSupport
import Testing
@testable import Workbench

@Suite struct WorkbenchStoreTests {
    static func photo(_ path: String, boxes: [LabelledBox] = [], format: TrainingPhoto.Format = .jpeg) -> TrainingPhoto {
        TrainingPhoto(name: path, sha256: String(repeating: "a", count: 64), width: 640, height: 480, byteCount: 1234, format: format, boxes: boxes)
    }

    static let anpanBox = LabelledBox(label: "あんぱん", box: BoundingBox(width: 0.3, height: 0.4, left: 0.1, top: 0.2))

    @Test func projectsLabelsDatasetsPhotosAndBoxesRoundTrip() throws {
        let store = WorkbenchStore(try PanyaDatabase.inMemory())
        #expect(try store.createProject(name: "bakery", arn: "arn:p/bakery/1", createdSeconds: 10))
        #expect(try store.createProject(name: "bakery", arn: "arn:p/bakery/2", createdSeconds: 11) == false)
        #expect(try store.project(named: "bakery") == ProjectDescription(projectName: "bakery", projectArn: "arn:p/bakery/1",
                                                                         creationTimestamp: 10, status: "CREATED"))
        #expect(try store.currentProject() == "bakery")
        #expect(try store.addLabels(project: "bakery", ["あんぱん", "メロンパン", "あんぱん"]) == ["あんぱん", "メロンパン"])
        #expect(try store.addLabels(project: "bakery", ["焼きそばパン"]) == ["あんぱん", "メロンパン", "焼きそばパン"])
        #expect(try store.createDataset(project: "bakery", kind: .test, createdSeconds: 12))
        #expect(try store.createDataset(project: "bakery", kind: .training, createdSeconds: 12))
        #expect(try store.createDataset(project: "bakery", kind: .training, createdSeconds: 13) == false)
        #expect(try store.datasets(project: "bakery") == [.training, .test])
        #expect(try store.datasetCreatedSeconds(project: "bakery", kind: .test) == 12)

        try store.addPhotos(project: "bakery", kind: .training, [Self.photo("/a.jpg", boxes: [Self.anpanBox]), Self.photo("/b.png", format: .png)])
        #expect(try store.photos(project: "bakery", kind: .training) == [Self.photo("/a.jpg", boxes: [Self.anpanBox]), Self.photo("/b.png", format: .png)])
        // Adding the same path again without boxes keeps its boxes; with boxes replaces them.
        try store.addPhotos(project: "bakery", kind: .training, [Self.photo("/a.jpg")])
        #expect(try store.photos(project: "bakery", kind: .training)[0].boxes == [Self.anpanBox])
        let melon = LabelledBox(label: "メロンパン", box: BoundingBox(width: 1, height: 1, left: 0, top: 0))
        #expect(try store.setBoxes(project: "bakery", kind: .training, path: "/b.png", [melon, Self.anpanBox]))
        #expect(try store.photos(project: "bakery", kind: .training)[1].boxes == [melon, Self.anpanBox])
        #expect(try store.setBoxes(project: "bakery", kind: .test, path: "/b.png", []) == false)
        #expect(try store.removeLabel(project: "bakery", "メロンパン") == 1)
        #expect(try store.removeLabel(project: "bakery", "メロンパン") == nil)
        #expect(try store.removePhoto(project: "bakery", kind: .training, path: "/a.jpg"))
        #expect(try store.removePhoto(project: "bakery", kind: .training, path: "/a.jpg") == false)
        #expect(try store.photos(project: "bakery", kind: .training).map(\.name) == ["/b.png"])
        #expect(try store.photos(project: "bakery", kind: .test).isEmpty)
    }

    @Test func aFormatOtherThanJPEGOrPNGIsKeptByName() throws {
        let store = WorkbenchStore(try PanyaDatabase.inMemory())
        _ = try store.createProject(name: "p", arn: "arn:p", createdSeconds: 0)
        _ = try store.createDataset(project: "p", kind: .training, createdSeconds: 0)
        try store.addPhotos(project: "p", kind: .training, [Self.photo("/a.gif", format: .other("GIF"))])
        #expect(try store.photos(project: "p", kind: .training).first?.format == .other("GIF"))
    }

    @Test func deletingAProjectTakesItsDatasetsLabelsAndCurrencyWithIt() throws {
        let store = WorkbenchStore(try PanyaDatabase.inMemory())
        _ = try store.createProject(name: "p", arn: "arn:p", createdSeconds: 0)
        _ = try store.createProject(name: "q", arn: "arn:q", createdSeconds: 1)
        #expect(try store.projects().map(\.projectName) == ["p", "q"])
        try store.addLabels(project: "q", ["あんぱん"])
        _ = try store.createDataset(project: "q", kind: .training, createdSeconds: 1)
        try store.addPhotos(project: "q", kind: .training, [Self.photo("/a.jpg", boxes: [Self.anpanBox])])
        #expect(try store.deleteProject(name: "q"))
        #expect(try store.deleteProject(name: "q") == false)
        #expect(try store.currentProject() == nil)
        #expect(try store.labels(project: "q").isEmpty)
        #expect(try store.datasets(project: "q").isEmpty)
        #expect(try store.photos(project: "q", kind: .training).isEmpty)
        try store.setCurrentProject("p")
        #expect(try store.currentProject() == "p")
    }

    @Test func everythingSurvivesReopeningTheFile() throws {
        let folder = try TemporaryFolder(prefix: "panya-workbench-tests")
        defer { folder.remove() }
        let path = folder.file("panya.sqlite")
        do {
            let store = WorkbenchStore(try PanyaDatabase(path: path))
            _ = try store.createProject(name: "bakery", arn: "arn:p", createdSeconds: 0)
            _ = try store.addLabels(project: "bakery", ["あんぱん"])
            _ = try store.createDataset(project: "bakery", kind: .training, createdSeconds: 0)
            try store.addPhotos(project: "bakery", kind: .training, [Self.photo("/a.jpg", boxes: [Self.anpanBox])])
        }
        let again = WorkbenchStore(try PanyaDatabase(path: path))
        #expect(try again.currentProject() == "bakery")
        #expect(try again.labels(project: "bakery") == ["あんぱん"])
        #expect(try again.photos(project: "bakery", kind: .training) == [Self.photo("/a.jpg", boxes: [Self.anpanBox])])
        #expect(try PanyaDatabase(path: path).appliedMigrations().contains("v5-training-output"))
    }
}
