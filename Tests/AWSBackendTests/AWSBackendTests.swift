import CustomLabels
import Foundation
import PanyaSupport
import Photos
import Testing
@testable import AWSBackend

@Suite("AWSBackend against a scripted local service")
struct AWSBackendTests {
    func serve(_ fake: FakeRekognition) throws -> LocalHTTPServer {
        try LocalHTTPServer { request, _ in fake.reply(request) }
    }

    @Test func aBadPhotoIsNamedBeforeAnyCall() throws {
        let fake = FakeRekognition()
        let server = try serve(fake)
        defer { server.stop() }
        let backend = FakeRekognition.backend(server)
        let request = DetectCustomLabelsRequest(projectVersionArn: FakeRekognition.versionArn, image: .bytes([1, 2, 3]), photoName: "tray.txt")
        #expect(throws: PhotoError.self) { try backend.detectCustomLabels(request) }
        #expect(server.requests.isEmpty)
    }

    @Test func detectWithBytes() throws {
        let fake = FakeRekognition()
        let server = try serve(fake)
        defer { server.stop() }
        let backend = FakeRekognition.backend(server)
        let photo = try Canvas(width: 64, height: 64, color: RGB(250, 250, 245)).photo.encodeJPEG()
        let response = try backend.detectCustomLabels(DetectCustomLabelsRequest(
            projectVersionArn: FakeRekognition.versionArn, image: .bytes(photo), maxResults: 5, minConfidence: 80))
        #expect(response.customLabels.map(\.name) == ["焼きそばパン", "メロンパン"])
        #expect(response.customLabels.first?.confidence == 90.44999694824219)
        #expect(response.customLabels.first?.boundingBox?.width == 0.41152000427246094)
        let request = try #require(server.requests.first)
        #expect(request.header("x-amz-target") == "RekognitionService.DetectCustomLabels")
        let body = try JSONParser.parse(bytes: request.body).root
        #expect(body["ProjectVersionArn"]?.stringValue == FakeRekognition.versionArn)
        #expect(body["Image"]?["Bytes"]?.stringValue == Data(photo).base64EncodedString())
        #expect(body["MaxResults"] == .int(5))
        #expect(body["MinConfidence"]?.doubleValue == 80)
    }

    @Test func detectWithS3ObjectAndInspectHelper() throws {
        let fake = FakeRekognition()
        let server = try serve(fake)
        defer { server.stop() }
        let backend = FakeRekognition.backend(server)
        let image = try AWSBackend.imageSource(for: "s3://panya-photos/trays/breads3.jpg")
        #expect(image == .s3Object(bucket: "panya-photos", name: "trays/breads3.jpg", version: nil))
        _ = try backend.detectAllCandidates(projectVersionArn: FakeRekognition.versionArn, image: image)
        let body = try JSONParser.parse(bytes: try #require(server.requests.first).body).root
        #expect(body["Image"]?["S3Object"]?["Bucket"]?.stringValue == "panya-photos")
        #expect(body["Image"]?["S3Object"]?["Name"]?.stringValue == "trays/breads3.jpg")
        #expect(body["MinConfidence"]?.doubleValue == 0)
        #expect(body["MaxResults"] == nil)
    }

    @Test(arguments: ["s3://", "s3://bucket", "s3://bucket/", "s3:///key"])
    func badS3Paths(path: String) {
        #expect(throws: AWSError.self) { try AWSBackend.imageSource(for: path) }
    }

    @Test func versionsArePagedAndCarryThresholdsFromS3() throws {
        let fake = FakeRekognition()
        let server = try serve(fake)
        defer { server.stop() }
        let backend = FakeRekognition.backend(server)
        let versions = try backend.describeProjectVersions(projectArn: FakeRekognition.projectArn, versionNames: nil)
        #expect(versions.count == 2)
        let version = try #require(versions.last)
        #expect(version.versionName == FakeRekognition.versionName)
        #expect(version.labels.map(\.label) == ["あんぱん", "メロンパン", "焼きそばパン"])
        #expect(version.labels.map(\.threshold) == [0.817, 0.862, 0.907])
        #expect(version.testingImages == 3)
        #expect(backend.takeWarnings().isEmpty)
        let get = try #require(server.requests.first { $0.method == "GET" })
        #expect(get.target.hasPrefix("/panya-evals/evals/EvaluationSummary-verification001-"))
        #expect(get.header("x-amz-content-sha256") == SigV4Signer.sha256Hex([]))
        #expect(get.header("authorization")?.contains("/ap-northeast-1/s3/aws4_request") == true)
        // The summary is read once per backend.
        _ = try backend.describeProjectVersions(projectArn: FakeRekognition.projectArn, versionNames: nil)
        #expect(server.requests.filter { $0.method == "GET" }.count == 1)
    }

    @Test func unreadableSummaryIsAWarningNotAFailure() throws {
        let fake = FakeRekognition()
        fake.overrides["GET"] = .respond(status: 403, headers: [:], body: "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")
        let server = try serve(fake)
        defer { server.stop() }
        let backend = FakeRekognition.backend(server)
        let versions = try backend.describeProjectVersions(projectArn: FakeRekognition.projectArn, versionNames: nil)
        #expect(versions.last?.labels.isEmpty == true)
        let warnings = backend.takeWarnings()
        #expect(warnings.count == 1)
        #expect(warnings.first?.en.contains("AccessDenied") == true)
        #expect(backend.takeWarnings().isEmpty)
    }

    @Test func pagingIsBounded() throws {
        let fake = FakeRekognition()
        fake.endlessPaging = true
        let server = try serve(fake)
        defer { server.stop() }
        let versions = try FakeRekognition.backend(server).describeProjectVersionsWithoutEvaluation(projectArn: FakeRekognition.projectArn, versionNames: nil)
        #expect(versions.count == 4)
        #expect(server.requests.count == 4)
    }

    @Test func startAndStop() throws {
        let fake = FakeRekognition()
        let server = try serve(fake)
        defer { server.stop() }
        let backend = FakeRekognition.backend(server)
        #expect(try backend.startProjectVersion(arn: FakeRekognition.versionArn, minInferenceUnits: 2, maxInferenceUnits: nil) == .starting)
        #expect(try backend.stopProjectVersion(arn: FakeRekognition.versionArn) == .stopping)
        let start = try JSONParser.parse(bytes: server.requests[0].body).root
        #expect(start["MinInferenceUnits"] == .int(2))
        #expect(start["MaxInferenceUnits"] == nil)
    }

    @Test func waitPollsUntilRunning() throws {
        let fake = FakeRekognition()
        fake.statuses = ["STARTING", "STARTING", "RUNNING"]
        let server = try serve(fake)
        defer { server.stop() }
        let backend = FakeRekognition.backend(server)
        var lines: [Message] = []
        let status = try backend.waitUntilStable(arn: FakeRekognition.versionArn) { lines.append($0) }
        #expect(status == .running)
        #expect(lines.count == 2)
        #expect(lines.first?.en.hasPrefix("[1/5] status STARTING") == true)
        #expect(lines.first?.ja.contains("STARTING") == true)
        let describes = server.requests.filter { $0.header("x-amz-target") == "RekognitionService.DescribeProjectVersions" }
        #expect(describes.count == 3)
        let body = try JSONParser.parse(bytes: try #require(describes.first).body).root
        #expect(body["ProjectArn"]?.stringValue == FakeRekognition.projectArn)
        #expect(body["VersionNames"] == .array([.string(FakeRekognition.versionName)]))
    }

    @Test func waitGivesUpAfterMaxPolls() throws {
        let fake = FakeRekognition()
        fake.statuses = ["STOPPING"]
        let server = try serve(fake)
        defer { server.stop() }
        var lines = 0
        let error = try #require(throws: AWSError.self) {
            try FakeRekognition.backend(server, maxPolls: 3).waitUntilStable(arn: FakeRekognition.versionArn) { _ in lines += 1 }
        }
        #expect(error.code == "WaitTimedOut")
        #expect(error.message.en.contains("STOPPING after 3 checks"))
        #expect(lines == 2)
    }

    @Test func waitStopsOnCtrlC() throws {
        let fake = FakeRekognition()
        fake.statuses = ["STARTING"]
        let server = try serve(fake)
        defer { server.stop() }
        let interrupt = TestInterrupt()
        let configuration = AWSConfiguration(credentials: Fixtures.credentials, region: "ap-northeast-1",
                                             rekognitionEndpoint: server.url, s3Endpoint: server.url)
        let backend = AWSBackend(configuration: configuration, settings: .init(retryPolicy: Fixtures.fastRetry, pollInterval: 30, interrupt: interrupt.signal))
        Thread { Thread.sleep(forTimeInterval: 0.5); interrupt.raise() }.start()
        let started = Date()
        #expect(throws: Interrupted.self) { try backend.waitUntilStable(arn: FakeRekognition.versionArn) { _ in } }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func summaryNeverShowsSecrets() throws {
        let fake = FakeRekognition()
        let server = try serve(fake)
        defer { server.stop() }
        let backend = FakeRekognition.backend(server)
        let text = backend.summary.en + backend.summary.ja + "\(backend.configuration)"
        #expect(text.contains("ap-northeast-1"))
        #expect(text.contains(server.url.absoluteString))
        #expect(!text.contains(Fixtures.secret))
        #expect(!text.contains(Fixtures.token))
    }

    @Test func builtFromAProfileInATemporaryHome() throws {
        let fake = FakeRekognition()
        let server = try serve(fake)
        defer { server.stop() }
        let home = try TemporaryHome()
        try home.write(".aws/credentials", "[class]\naws_access_key_id = AKIDCLASS\naws_secret_access_key = classsecret\n")
        try home.write(".aws/config", "[profile class]\nregion = ap-northeast-1\n")
        let backend = try AWSBackend(options: AWSOptions(profile: "class", endpointURL: server.url.absoluteString), environment: home.environment())
        _ = try backend.describeProjects()
        #expect(server.requests.first?.header("authorization")?.contains("Credential=AKIDCLASS/") == true)
        #expect(backend.summary.en.contains("profile class"))
    }
}
