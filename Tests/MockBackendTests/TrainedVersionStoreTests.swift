import Foundation
import PanyaStore
import PanyaTestSupport
import Testing
@testable import MockBackend

@Suite struct TrainedVersionStoreTests {
    @Test func versionsKeepTheirModelAndEvaluation() throws {
        let store = TrainedVersionStore(try PanyaDatabase.inMemory())
        let failed = TrainedVersion(arn: "arn:v1", project: "p", name: "p.v1", createdSeconds: 5, outcome: "TRAINING_FAILED",
                                          statusMessageEn: "No labels.", statusMessageJa: "ラベルがありません。", trainingSeconds: 0,
                                          trainingImages: 0, testingImages: 0, modelJSON: nil, evaluationJSON: nil, testResultsJSON: nil)
        let done = TrainedVersion(arn: "arn:v2", project: "p", name: "p.v2", createdSeconds: 9, outcome: "TRAINING_COMPLETED",
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
    }
}
