import CustomLabels
import Foundation
import PanyaStore
import PanyaTestSupport
import Testing
@testable import Workbench

/// The workbench alone, as the live backend has it: the wall clock, no recordings, no buckets.
@Suite struct LocalWorkbenchTests {
    static let anpan = RepositoryRoot.file("lessons/photos/train/anpan-01.jpg")

    @Test func aProjectIsDatedByTheClockItWasGivenAndBecomesCurrent() throws {
        let workbench = LocalWorkbench(database: try .inMemory(), region: "us-east-1", clock: { 1_700_000_000.5 })
        let project = try workbench.createProject(name: "bakery")
        #expect(project.creationTimestamp == 1_700_000_000.5)
        #expect(project.projectArn.hasPrefix("arn:aws:rekognition:us-east-1:"))
        #expect(project.projectArn.hasSuffix(":project/bakery/1700000000500"))
        #expect(try workbench.currentTrainingProject() == "bakery")
        #expect(try workbench.useProject(name: "bakery") == project)
        #expect(throws: WorkbenchError.projectExists("bakery")) { _ = try workbench.createProject(name: "bakery") }
        #expect(throws: WorkbenchError.invalidProjectName("パン屋")) { _ = try workbench.createProject(name: "パン屋") }
        #expect(throws: WorkbenchError.unknownProject("cafe", known: ["bakery"])) { _ = try workbench.useProject(name: "cafe") }
    }

    @Test func aRecordedProjectIsTakenOnUnderItsArnWithoutBecomingCurrent() throws {
        let recorded = try #require(ProjectArn("arn:aws:rekognition:ap-northeast-1:111122223333:project/seed/1690000000000"))
        let workbench = LocalWorkbench(database: try .inMemory(), recordedProject: { $0 == "seed" ? recorded : nil })
        #expect(throws: WorkbenchError.projectExists("seed")) { _ = try workbench.createProject(name: "seed") }
        _ = try workbench.createProject(name: "mine")
        try workbench.createDataset(project: "seed", kind: .training)
        #expect(try workbench.useProject(name: "seed").projectArn == recorded.description)
        #expect(try workbench.datasets(project: "seed").training == [])
        #expect(throws: WorkbenchError.unknownProject("other", known: ["seed", "mine"])) {
            try workbench.createDataset(project: "other", kind: .training)
        }
    }

    @Test func withoutBucketsAnS3PhotoOfAManifestIsNotFound() throws {
        let folder = try TemporaryFolder(prefix: "panya-workbench-tests")
        defer { folder.remove() }
        let line = #"{"source-ref":"s3://bucket/anpan.jpg","bounding-box":{"image_size":[{"width":640,"height":480,"depth":3}],"#
            + #""annotations":[{"class_id":0,"top":10,"left":20,"width":100,"height":80}]},"bounding-box-metadata":{"class-map":{"0":"anpan"},"#
            + #""type":"groundtruth/object-detection","human-annotated":"yes"}}"#
        let manifest = try folder.write("s3.manifest", line + "\n")
        let workbench = LocalWorkbench(database: try .inMemory())
        _ = try workbench.createProject(name: "bakery")
        try workbench.createDataset(project: "bakery", kind: .training)
        let error = try #require(throws: ServiceError.self) { _ = try workbench.importManifest(project: "bakery", kind: .training, path: manifest) }
        #expect(error.kind == .invalidS3Object)
        #expect(error.detail?.en.contains("s3://bucket/anpan.jpg") == true)
    }

    @Test func photosLabelsAndBoxesAreKeptPerDataset() throws {
        let workbench = LocalWorkbench(database: try .inMemory())
        _ = try workbench.createProject(name: "bakery")
        #expect(throws: WorkbenchError.noDataset(project: "bakery", kind: .training)) {
            _ = try workbench.addPhotos(project: "bakery", kind: .training, paths: [Self.anpan], label: nil)
        }
        try workbench.createDataset(project: "bakery", kind: .training)
        #expect(throws: WorkbenchError.datasetExists(project: "bakery", kind: .training)) { try workbench.createDataset(project: "bakery", kind: .training) }
        #expect(try workbench.addLabels(project: "bakery", ["anpan", "melonpan", "anpan"]) == ["anpan", "melonpan"])
        let added = try workbench.addPhotos(project: "bakery", kind: .training, paths: [Self.anpan], label: nil)
        #expect(added.map(\.name) == [Self.anpan])
        #expect(added.first?.format == .jpeg)
        let box = LabelledBox(label: "anpan", box: BoundingBox(width: 0.5, height: 0.5, left: 0.1, top: 0.1))
        #expect(try workbench.addBox(project: "bakery", path: Self.anpan, box: box).boxes == [box])
        #expect(throws: WorkbenchError.unknownLabel("curry", known: ["anpan", "melonpan"])) {
            _ = try workbench.addBox(project: "bakery", path: Self.anpan, box: LabelledBox(label: "curry", box: box.box))
        }
        #expect(try workbench.removeLabels(project: "bakery", ["anpan"]).map(\.boxes) == [1])
        #expect(try workbench.datasetPhoto(project: "bakery", path: Self.anpan).photo.boxes.isEmpty)
        let datasets = try workbench.datasets(project: "bakery")
        #expect(datasets.labels == ["melonpan"])
        #expect(datasets.test == nil)
    }
}
