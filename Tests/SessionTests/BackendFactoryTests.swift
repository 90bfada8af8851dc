import AWSBackend
import CustomLabels
import Foundation
import MockBackend
import PanyaStore
import PanyaSupport
import PanyaTestSupport
import Testing
import Workbench
@testable import Session

/// The live backend opens without any recordings: its dataset workbench reads no `mock-responses`.
@Suite struct BackendFactoryTests {
    /// Keys in the environment, a region, and an endpoint nothing listens on (no call may succeed).
    static let environment = ["AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_REGION": "ap-northeast-1",
                              "HOME": "/nonexistent-home"]
    static let options = AWSOptions(profile: nil, region: "ap-northeast-1", endpointURL: "http://127.0.0.1:9")

    /// An assets root whose `mock-responses` is `state`: missing, empty, or with a broken project file.
    static func assetsRoot(_ state: String, in folder: TemporaryFolder) throws -> String {
        let root = folder.file("assets")
        let recordings = root + "/mock-responses"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        switch state {
        case "empty":
            try FileManager.default.createDirectory(atPath: recordings, withIntermediateDirectories: true)
        case "broken":
            try FileManager.default.createDirectory(atPath: recordings + "/projects", withIntermediateDirectories: true)
            try Data("{ not json".utf8).write(to: URL(fileURLWithPath: recordings + "/projects/broken.json"))
        default:
            break
        }
        return root
    }

    @Test(arguments: ["missing", "empty", "broken"])
    func theLiveBackendOpensWhateverStateTheRecordingsAreIn(state: String) throws {
        let folder = try TemporaryFolder()
        let root = try Self.assetsRoot(state, in: folder)
        let database = try PanyaDatabase.inMemory()
        if state == "broken" {
            // The mock itself refuses such a folder; the live backend does not depend on it.
            #expect(throws: (any Error).self) { try BackendFactory.makeMock(directory: nil, assetsRoot: root, database: database) }
        }
        let backend = try BackendFactory.makeAWS(Self.options, trainingBucket: nil, assetsRoot: root, database: database,
                                                 environment: Self.environment)
        #expect(backend.kind == .aws)
        #expect(!(backend is UnavailableBackend))
        #expect(backend.training != nil)
    }

    @Test func datasetsAndBoxesArePreparedOfflineOnTheLiveBackend() throws {
        let folder = try TemporaryFolder()
        let root = try Self.assetsRoot("broken", in: folder)
        let database = try PanyaDatabase.inMemory()
        let backend = try BackendFactory.makeAWS(Self.options, trainingBucket: nil, assetsRoot: root, database: database,
                                                 environment: Self.environment)
        let training = try #require(backend.training)
        // CreateProject is a call to AWS; the project's local half is what the workbench keeps.
        _ = try LocalWorkbench(database: database).createProject(name: "bakery")
        #expect(try training.useProject(name: "bakery").projectName == "bakery")
        #expect(try training.currentTrainingProject() == "bakery")
        try training.createDataset(project: "bakery", kind: .training)
        #expect(try training.addLabels(project: "bakery", ["anpan"]) == ["anpan"])
        let photo = RepositoryRoot.file("lessons/photos/train/anpan-01.jpg")
        let added = try training.addPhotos(project: "bakery", kind: .training, paths: [photo], label: nil)
        #expect(added.count == 1)
        let boxed = try training.addBox(project: "bakery", path: photo,
                                        box: LabelledBox(label: "anpan", box: BoundingBox(width: 0.5, height: 0.5, left: 0.1, top: 0.1)))
        #expect(boxed.boxes.map(\.label) == ["anpan"])
        let datasets = try training.datasets(project: "bakery")
        #expect(datasets.training?.count == 1)
        #expect(datasets.test == nil)
    }
}
