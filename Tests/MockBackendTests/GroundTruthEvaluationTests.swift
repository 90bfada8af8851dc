import CustomLabels
import Foundation
import PanyaTestSupport
import Testing
@testable import MockBackend

/// The test set's boxes are the truth the model is marked against: they come from a Ground Truth
/// manifest (here lesson 6's, made from where the photo generator drew each bread), not from the
/// engine's own proposals, so a misplaced box costs F1 as it does in the service.
@Suite struct GroundTruthEvaluationTests {
    /// Trains the lesson's 30 training photos in `project` with the test set read from `manifest`.
    func trainedEvaluation(_ backend: MockBackend, project: String, manifest: String) throws -> Evaluation {
        _ = try backend.createProject(name: project)
        try backend.createDataset(project: project, kind: .training)
        try backend.createDataset(project: project, kind: .test)
        for (prefix, label) in [("anpan", "あんぱん"), ("melonpan", "メロンパン"), ("yakisobapan", "焼きそばパン")] {
            let paths = (1...10).map { photosFolder + "/train/\(prefix)-" + ($0 < 10 ? "0\($0)" : "\($0)") + ".jpg" }
            _ = try backend.addPhotos(project: project, kind: .training, paths: paths, label: label)
        }
        let imported = try backend.importManifest(project: project, kind: .test, path: manifest)
        #expect(imported.added.count == 3 && imported.issues.isEmpty)
        let version = try backend.train(project: project, versionName: nil)
        #expect(try backend.waitUntilStable(arn: version.projectVersionArn) { _ in } == .trainingCompleted)
        return try #require(try backend.trainedEvaluation(versionArn: version.projectVersionArn)).evaluation
    }

    /// The shipped manifest scores F1 1; the same manifest with the 焼きそばパン box moved off the
    /// bread gives exactly one false negative (the moved box, found by nothing) and one false
    /// positive (the model's right answer, which now matches no box), and a lower F1.
    @Test func aMisplacedGroundTruthBoxIsOneFalseNegativeAndOneFalsePositive() throws {
        let backend = try makeBackend()
        let shipped = photosFolder + "/test/one-each.manifest"
        let truth = try trainedEvaluation(backend, project: "truth", manifest: shipped)
        #expect(truth.aggregated.counts == DetectionCounts(truePositives: 3, falsePositives: 0, falseNegatives: 0))
        #expect(truth.aggregated.f1Score == 1)

        // The same lines with absolute source-refs, the 焼きそばパン box moved to the top of the photo (no bread there).
        let reading = ManifestReader.read(try String(contentsOfFile: shipped, encoding: .utf8))
        #expect(reading.issues.isEmpty && reading.rows.count == 3)
        var entries = reading.rows.map(\.entry)
        let index = try #require(entries.firstIndex { $0.sourceRef == "yakisobapan.jpg" })
        let drawn = try #require(entries[index].boxes.first).box
        let moved = BoundingBox(width: drawn.width, height: drawn.height, left: drawn.left, top: 0.02)
        #expect(moved.bottom < drawn.top)
        entries[index].boxes = [LabelledBox(label: "焼きそばパン", box: moved)]
        for i in entries.indices { entries[i].sourceRef = photosFolder + "/test/" + entries[i].sourceRef }
        let folder = try TemporaryFolder(prefix: "panya-ground-truth")
        defer { folder.remove() }
        let misplaced = folder.path + "/misplaced.manifest"
        try Data(ManifestWriter.write(entries, labels: ["あんぱん", "メロンパン", "焼きそばパン"]).utf8).write(to: URL(fileURLWithPath: misplaced))
        let evaluation = try trainedEvaluation(backend, project: "misplaced", manifest: misplaced)

        #expect(evaluation.aggregated.counts == DetectionCounts(truePositives: 2, falsePositives: 1, falseNegatives: 1))
        #expect(evaluation.aggregated.f1Score < truth.aggregated.f1Score)
        let yakisoba = try #require(evaluation.labels.first { $0.label == "焼きそばパン" })
        #expect(yakisoba.counts == DetectionCounts(truePositives: 0, falsePositives: 1, falseNegatives: 1))
        let boxes = evaluation.images.flatMap(\.boxes)
        let negative = try #require(boxes.first { $0.outcome == .falseNegative })
        // The manifest holds whole pixels: the moved box's top, 0.02 × 480 = 9.6, is read back as 10 px.
        #expect(negative.label == "焼きそばパン" && negative.box.top == 10.0 / 480)
        let positive = try #require(boxes.first { $0.outcome == .falsePositive })
        #expect(positive.label == "焼きそばパン" && positive.box.intersectionOverUnion(drawn) >= 0.5)
        // The other two breads are marked as before.
        #expect(evaluation.labels.filter { $0.label != "焼きそばパン" }.map(\.f1Score) == [1, 1])
    }
}
