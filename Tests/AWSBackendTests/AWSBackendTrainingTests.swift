import CustomLabels
import Foundation
import MockBackend
import Workbench
import PanyaStore
import PanyaSupport
import PanyaTestSupport
import Photos
import Testing
@testable import AWSBackend

/// A scripted Rekognition + S3 for training: remembers CreateProject, accepts PutObject,
/// CreateDataset and CreateProjectVersion, and serves the evaluation summary it is given.
final class FakeTrainingService: @unchecked Sendable {
    static let account = "987654321098"
    static let projectArn = "arn:aws:rekognition:ap-northeast-1:\(account):project/bakery/1700000000000"
    static let versionArn = "arn:aws:rekognition:ap-northeast-1:\(account):project/bakery/version/v1/1700000600000"
    static let summaryKey = "panya/bakery/output/EvaluationSummary-bakery-v1.json"

    private let lock = NSLock()
    private var projectCreated: Bool
    /// CreateDataset answers ResourceAlreadyExistsException (a project trained before).
    var datasetsExist = false
    /// DescribeProjectVersions' status.
    let status: String
    /// The summary object's text (GET of `summaryKey`).
    let summary: String

    init(projectExists: Bool = false, status: String = "TRAINING_IN_PROGRESS", summary: String = "") {
        self.projectCreated = projectExists
        self.status = status
        self.summary = summary
    }

    func reply(_ request: LocalHTTPServer.Request) -> LocalHTTPServer.Reply {
        let json = ["Content-Type": "application/x-amz-json-1.1"]
        switch request.method {
        case "PUT": return .respond(status: 200, headers: ["ETag": "\"e\""], body: "")
        case "GET":
            if request.target == "/train-bkt/" + Self.summaryKey { return .respond(status: 200, headers: [:], body: summary) }
            return .respond(status: 404, headers: [:], body: "<Error><Code>NoSuchKey</Code><Message>no</Message></Error>")
        default: break
        }
        let operation = (request.header("x-amz-target") ?? "").replacingOccurrences(of: "RekognitionService.", with: "")
        lock.lock(); defer { lock.unlock() }
        switch operation {
        case "CreateProject":
            projectCreated = true
            return .respond(status: 200, headers: json, body: #"{"ProjectArn":"\#(Self.projectArn)"}"#)
        case "DescribeProjects":
            let datasets = datasetsExist ? #","Datasets":[{"DatasetType":"TRAIN","DatasetArn":"\#(Self.projectArn)/dataset/train/1"},{"DatasetType":"TEST","DatasetArn":"\#(Self.projectArn)/dataset/test/2"}]"# : ""
            let projects = projectCreated ? #"{"ProjectArn":"\#(Self.projectArn)","CreationTimestamp":1700000000.0,"Status":"CREATED"\#(datasets)}"# : ""
            return .respond(status: 200, headers: json, body: #"{"ProjectDescriptions":[\#(projects)]}"#)
        case "CreateDataset" where datasetsExist:
            return .respond(status: 400, headers: json, body: #"{"__type":"ResourceAlreadyExistsException","Message":"The dataset already exists."}"#)
        case "CreateDataset":
            let type = ((try? JSONParser.parse(bytes: request.body).root)?["DatasetType"]?.stringValue ?? "").lowercased()
            return .respond(status: 200, headers: json, body: #"{"DatasetArn":"\#(Self.projectArn)/dataset/\#(type)/1700000300000"}"#)
        case "UpdateDatasetEntries":
            return .respond(status: 200, headers: json, body: "{}")
        case "DescribeDataset":
            return .respond(status: 200, headers: json, body: #"{"DatasetDescription":{"Status":"UPDATE_COMPLETE"}}"#)
        case "CreateProjectVersion":
            return .respond(status: 200, headers: json, body: #"{"ProjectVersionArn":"\#(Self.versionArn)"}"#)
        case "DescribeProjectVersions":
            let evaluation = status == "TRAINING_IN_PROGRESS" || status == "TRAINING_FAILED" ? ""
                : #","EvaluationResult":{"F1Score":0.9,"Summary":{"S3Object":{"Bucket":"train-bkt","Name":"\#(Self.summaryKey)"}}}"#
            let message = status == "TRAINING_FAILED" ? #","StatusMessage":"The manifest has no labels.""# : ""
            return .respond(status: 200, headers: json, body: #"{"ProjectVersionDescriptions":[{"ProjectVersionArn":"\#(Self.versionArn)","CreationTimestamp":1700000600.0,"Status":"\#(status)"\#(message)\#(evaluation)}]}"#)
        default:
            return .respond(status: 400, headers: json, body: #"{"__type":"UnknownOperationException"}"#)
        }
    }

    /// A backend on `server` with a local workbench (in memory).
    static func backend(_ server: LocalHTTPServer, bucket: String? = "train-bkt") throws -> AWSBackend {
        let configuration = AWSConfiguration(credentials: Fixtures.credentials, region: "ap-northeast-1", profile: "test",
                                             rekognitionEndpoint: server.url, s3Endpoint: server.url)
        let workbench = LocalWorkbench(database: try .inMemory())
        return AWSBackend(configuration: configuration,
                          settings: .init(requestTimeout: 5, retryPolicy: Fixtures.fastRetry, pollInterval: 0.01, maxPolls: 3, trainingBucket: bucket),
                          workbench: workbench)
    }
}

@Suite("AWSBackend builds models: the workbench locally, training on AWS")
struct AWSBackendTrainingTests {
    static let anpan = RepositoryRoot.file("lessons/photos/train/anpan-01.jpg")
    static let melonpan = RepositoryRoot.file("lessons/photos/train/melonpan-01.jpg")
    static let testAnpan = RepositoryRoot.file("lessons/photos/test/anpan.jpg")

    func operation(_ request: LocalHTTPServer.Request) -> String {
        if let target = request.header("x-amz-target") { return target.replacingOccurrences(of: "RekognitionService.", with: "") }
        return request.method + " " + request.target
    }

    func prepared(_ backend: AWSBackend) throws {
        _ = try backend.createProject(name: "bakery")
        try backend.createDataset(project: "bakery", kind: .training)
        try backend.createDataset(project: "bakery", kind: .test)
        _ = try backend.addPhotos(project: "bakery", kind: .training, paths: [Self.anpan], label: "あんぱん")
        _ = try backend.addPhotos(project: "bakery", kind: .training, paths: [Self.melonpan], label: "メロンパン")
        _ = try backend.addPhotos(project: "bakery", kind: .test, paths: [Self.testAnpan], label: "あんぱん")
    }

    func sha(_ path: String) throws -> String {
        PhotoFingerprint.sha256([UInt8](try #require(FileManager.default.contents(atPath: path))))
    }

    @Test func createProjectIsOnAWSAndOnTheWorkbench() throws {
        let fake = FakeTrainingService()
        let server = try LocalHTTPServer { request, _ in fake.reply(request) }
        defer { server.stop() }
        let backend = try FakeTrainingService.backend(server)
        let project = try backend.createProject(name: "bakery")
        #expect(project.projectArn == FakeTrainingService.projectArn)
        #expect(try backend.currentTrainingProject() == "bakery")
        #expect(server.requests.map(operation) == ["CreateProject"])
        let body = try JSONParser.parse(bytes: try #require(server.requests.first).body).root
        #expect(body["ProjectName"]?.stringValue == "bakery")
    }

    @Test func trainUploadsPhotosAndManifestsThenCreatesDatasetsAndVersion() throws {
        let fake = FakeTrainingService()
        let server = try LocalHTTPServer { request, _ in fake.reply(request) }
        defer { server.stop() }
        let backend = try FakeTrainingService.backend(server)
        try prepared(backend)
        let before = server.requests.count
        let version = try backend.train(project: "bakery", versionName: "v1")
        #expect(version.status == .trainingInProgress)
        #expect(version.projectVersionArn == FakeTrainingService.versionArn)

        let requests = Array(server.requests.dropFirst(before))
        let (a, m, t) = (try sha(Self.anpan), try sha(Self.melonpan), try sha(Self.testAnpan))
        #expect(requests.map(operation) == [
            "PUT /train-bkt/panya/bakery/\(a).jpg", "PUT /train-bkt/panya/bakery/\(m).jpg", "PUT /train-bkt/panya/bakery/train.manifest",
            "PUT /train-bkt/panya/bakery/\(t).jpg", "PUT /train-bkt/panya/bakery/test.manifest",
            "DescribeProjects", "CreateDataset", "CreateDataset", "CreateProjectVersion", "DescribeProjectVersions",
        ])
        // The photos' bytes, unchanged; every request signed for its service.
        #expect(requests[0].body == [UInt8](try #require(FileManager.default.contents(atPath: Self.anpan))))
        #expect(requests[0].header("authorization")?.contains("/ap-northeast-1/s3/aws4_request") == true)
        #expect(requests[0].header("x-amz-content-sha256") == PhotoFingerprint.sha256(requests[0].body))

        // The manifests: the writer's lines with s3:// source-refs and the labelled boxes.
        let train = ManifestReader.read(bytes: requests[2].body)
        #expect(train.issues.isEmpty)
        #expect(train.entries.map(\.sourceRef) == ["s3://train-bkt/panya/bakery/\(a).jpg", "s3://train-bkt/panya/bakery/\(m).jpg"])
        #expect(Set(train.entries.flatMap { $0.boxes.map(\.label) }) == ["あんぱん", "メロンパン"])
        let workbench = try #require(backend.workbench)
        let photos = try #require(try workbench.datasets(project: "bakery").training)
        let expected = ManifestWriter.write(photos.map {
            ManifestEntry(sourceRef: "s3://train-bkt/panya/bakery/\($0.sha256).jpg", imageWidth: $0.width, imageHeight: $0.height, boxes: $0.boxes)
        }, labels: ["あんぱん", "メロンパン"])
        #expect(String(decoding: requests[2].body, as: UTF8.self) == expected)
        let test = ManifestReader.read(bytes: requests[4].body)
        #expect(test.entries.map(\.sourceRef) == ["s3://train-bkt/panya/bakery/\(t).jpg"])

        let datasets = try [6, 7].map { try JSONParser.parse(bytes: requests[$0].body).root }
        #expect(datasets.map { $0["DatasetType"]?.stringValue } == ["TRAIN", "TEST"])
        #expect(datasets.map { $0["ProjectArn"]?.stringValue } == [FakeTrainingService.projectArn, FakeTrainingService.projectArn])
        #expect(datasets.map { $0["DatasetSource"]?["GroundTruthManifest"]?["S3Object"]?["Name"]?.stringValue }
                    == ["panya/bakery/train.manifest", "panya/bakery/test.manifest"])
        #expect(datasets[0]["DatasetSource"]?["GroundTruthManifest"]?["S3Object"]?["Bucket"]?.stringValue == "train-bkt")

        let create = try JSONParser.parse(bytes: requests[8].body).root
        #expect(create["ProjectArn"]?.stringValue == FakeTrainingService.projectArn)
        #expect(create["VersionName"]?.stringValue == "v1")
        #expect(create["OutputConfig"]?["S3Bucket"]?.stringValue == "train-bkt")
        #expect(create["OutputConfig"]?["S3KeyPrefix"]?.stringValue == "panya/bakery/output")
    }

    @Test func trainingAProjectAgainUpdatesItsDatasetsInPlace() throws {
        let fake = FakeTrainingService()
        fake.datasetsExist = true
        let server = try LocalHTTPServer { request, _ in fake.reply(request) }
        defer { server.stop() }
        let backend = try FakeTrainingService.backend(server)
        try prepared(backend)
        _ = try backend.train(project: "bakery", versionName: "v2")
        let updates = server.requests.filter { $0.header("x-amz-target") == "RekognitionService.UpdateDatasetEntries" }
        #expect(updates.count == 2)
        let first = try JSONParser.parse(bytes: try #require(updates.first).body).root
        #expect(first["DatasetArn"]?.stringValue == FakeTrainingService.projectArn + "/dataset/train/1")
        let manifest = try #require(first["Changes"]?["GroundTruth"]?.stringValue.flatMap { Data(base64Encoded: $0) })
        #expect(String(decoding: manifest, as: UTF8.self).contains("\"source-ref\":\"s3://train-bkt/"))
        #expect(server.requests.contains { $0.header("x-amz-target") == "RekognitionService.CreateProjectVersion" })
    }

    @Test func theDefaultVersionNameIsTheProjectAndTheTime() throws {
        let fake = FakeTrainingService()
        let server = try LocalHTTPServer { request, _ in fake.reply(request) }
        defer { server.stop() }
        let backend = try FakeTrainingService.backend(server)
        try prepared(backend)
        let started = Date()
        _ = try backend.train(project: "bakery", versionName: nil)
        let create = try #require(server.requests.first { $0.header("x-amz-target") == "RekognitionService.CreateProjectVersion" })
        let name = try #require(try JSONParser.parse(bytes: create.body).root["VersionName"]?.stringValue)
        let allowed = [started, started.addingTimeInterval(1), Date()].map { TrainingTime.versionName(project: "bakery", startedAt: $0) }
        #expect(allowed.contains(name))
    }

    @Test func trainWithoutABucketSaysHowToGiveOne() throws {
        let fake = FakeTrainingService()
        let server = try LocalHTTPServer { request, _ in fake.reply(request) }
        defer { server.stop() }
        let backend = try FakeTrainingService.backend(server, bucket: nil)
        try prepared(backend)
        let before = server.requests.count
        let error = try #require(throws: AWSError.self) { try backend.train(project: "bakery", versionName: "v1") }
        #expect(error.serviceCode == "MissingTrainingBucket")
        #expect(error.message.en.contains("--training-bucket") && error.message.en.contains("PANYA_TRAINING_BUCKET"))
        #expect(error.message.ja.contains("--training-bucket") && error.message.ja.contains("バケット"))
        #expect(server.requests.count == before)
    }

    @Test func trainedEvaluationReadsTheSummaryObject() throws {
        let file = EvaluationSummaryFile(projectVersionArn: FakeTrainingService.versionArn, evaluationEndTimestamp: "2023-11-14T22:43:20",
                                         labels: ["あんぱん", "メロンパン"], numberOfTrainingImages: 20, numberOfTestingImages: 2,
                                         precision: 1, recall: 0.5, f1Score: 2.0 / 3, averagePrecision: 0.75, averageRecall: 0.5,
                                         labelResults: [LabelEvaluation(label: "あんぱん", threshold: 0.81, f1Score: 1, precision: 1, recall: 1, testingImages: 1),
                                                        LabelEvaluation(label: "メロンパン", threshold: 0.5, f1Score: 0, precision: 0, recall: 0, testingImages: 1)])
        let fake = FakeTrainingService(projectExists: true, status: "TRAINING_COMPLETED", summary: file.text)
        let server = try LocalHTTPServer { request, _ in fake.reply(request) }
        defer { server.stop() }
        let backend = try FakeTrainingService.backend(server)
        let trained = try #require(try backend.trainedEvaluation(versionArn: FakeTrainingService.versionArn))
        #expect(trained.summaryFile == file)
        #expect(trained.evaluation.thresholds == ["あんぱん": 0.81, "メロンパン": 0.5])
        #expect(trained.evaluation.labels.map(\.testingImages) == [1, 1])
        #expect(trained.evaluation.aggregated.averagePrecision == 0.75)
        #expect(trained.evaluation.images.isEmpty)
        #expect(server.requests.contains { $0.method == "GET" && $0.target == "/train-bkt/" + FakeTrainingService.summaryKey })
        #expect(try backend.trainingFailure(versionArn: FakeTrainingService.versionArn) == nil)
    }

    @Test func aSummaryThatCannotBeReadIsAWarningNotAFailure() throws {
        let fake = FakeTrainingService(projectExists: true, status: "TRAINING_COMPLETED", summary: "{not json")
        let server = try LocalHTTPServer { request, _ in fake.reply(request) }
        defer { server.stop() }
        let backend = try FakeTrainingService.backend(server)
        #expect(try backend.trainedEvaluation(versionArn: FakeTrainingService.versionArn) == nil)
        #expect(backend.takeWarnings().count == 1)
    }

    @Test func aFailedTrainingGivesItsStatusMessageAndNoEvaluation() throws {
        let fake = FakeTrainingService(projectExists: true, status: "TRAINING_FAILED")
        let server = try LocalHTTPServer { request, _ in fake.reply(request) }
        defer { server.stop() }
        let backend = try FakeTrainingService.backend(server)
        #expect(try backend.trainingFailure(versionArn: FakeTrainingService.versionArn)?.en == "The manifest has no labels.")
        #expect(try backend.trainedEvaluation(versionArn: FakeTrainingService.versionArn) == nil)
    }

    @Test func waitingRunsThroughTrainingBeyondMaxPolls() throws {
        let fake = FakeRekognition()
        fake.statuses = Array(repeating: "TRAINING_IN_PROGRESS", count: 6) + ["TRAINING_COMPLETED"]
        let server = try LocalHTTPServer { request, _ in fake.reply(request) }
        defer { server.stop() }
        let backend = FakeRekognition.backend(server, maxPolls: 2)
        var lines: [Message] = []
        #expect(try backend.waitUntilStable(arn: FakeRekognition.versionArn) { lines.append($0) } == .trainingCompleted)
        #expect(lines.count == 6)
    }

    @Test func withoutAWorkbenchTheDatasetCommandsSaySo() throws {
        let fake = FakeRekognition()
        let server = try LocalHTTPServer { request, _ in fake.reply(request) }
        defer { server.stop() }
        let backend = FakeRekognition.backend(server)
        let error = try #require(throws: AWSError.self) { try backend.currentTrainingProject() }
        #expect(error.serviceCode == "NoWorkbench")
        #expect(server.requests.isEmpty)
    }
}
