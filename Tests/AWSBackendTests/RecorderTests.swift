import CustomLabels
import Foundation
import MockBackend
import PanyaSupport
import Photos
import Testing
@testable import AWSBackend

@Suite("Recorder")
struct RecorderTests {
    func writePhoto(_ home: TemporaryHome, _ name: String) throws -> String {
        let path = home.path + "/" + name
        try Data(try FakeRekognition.photoBytes()).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func writesDetectionsAndProjectWithoutAccount() throws {
        let fake = FakeRekognition()
        let server = try LocalHTTPServer { request, _ in fake.reply(request) }
        defer { server.stop() }
        let home = try TemporaryHome()
        let photo = try writePhoto(home, "breads3.png")
        let dir = home.path + "/mock-responses"
        let result = try Recorder(backend: FakeRekognition.backend(server))
            .record(photoPaths: [photo], versionArn: FakeRekognition.versionArn, directory: dir)
        #expect(result.warnings.isEmpty)
        #expect(result.detectionFiles == [dir + "/detections/breads3.json"])
        #expect(result.projectFile == dir + "/projects/verification001.json")

        let detectionText = try String(contentsOfFile: dir + "/detections/breads3.json", encoding: .utf8)
        #expect(!detectionText.contains(FakeRekognition.account))
        #expect(detectionText.hasPrefix("{\n    \"Photo\": {\n        \"File\": \"breads3.png\""))
        let detection = try JSONParser.parse(detectionText).root
        let bytes = try FakeRekognition.photoBytes()
        #expect(detection["Photo"]?["SHA256"]?.stringValue == PhotoFingerprint.sha256(bytes))
        #expect(detection["Photo"]?["Width"] == .int(96))
        #expect(detection["Photo"]?["Height"] == .int(64))
        #expect(detection["ProjectVersionArn"]?.stringValue == FakeRekognition.versionArn.replacingOccurrences(of: FakeRekognition.account, with: "123456789012"))
        guard case .array(let labels)? = detection["CustomLabels"] else { Issue.record("no CustomLabels"); return }
        #expect(labels.count == 2)
        #expect(labels.first?["Confidence"] == .double(90.44999694824219))
        // The detect call asked for every candidate.
        let detect = try #require(server.requests.first { $0.header("x-amz-target") == "RekognitionService.DetectCustomLabels" })
        #expect(try JSONParser.parse(bytes: detect.body).root["MinConfidence"]?.doubleValue == 0)

        let projectText = try String(contentsOfFile: dir + "/projects/verification001.json", encoding: .utf8)
        #expect(!projectText.contains(FakeRekognition.account))
        let project = try JSONParser.parse(projectText).root
        #expect(project["ProjectName"]?.stringValue == "verification001")
        guard case .array(let versions)? = project["Versions"], let version = versions.first else { Issue.record("no Versions"); return }
        #expect(version["VersionName"]?.stringValue == FakeRekognition.versionName)
        #expect(version["Status"]?.stringValue == "TRAINING_COMPLETED")
        #expect(version["TestingImages"] == .int(3))
        guard case .array(let thresholds)? = version["Labels"] else { Issue.record("no Labels"); return }
        #expect(thresholds.map { $0["AssumedThreshold"]?.doubleValue } == [0.817, 0.862, 0.907])
        #expect(thresholds.first?["Name"]?.stringValue == "あんぱん")

        // The mock loads it back and finds the photo by its hash for the placeholder-account ARN.
        let library = try RecordingLibrary.load(directory: dir)
        let replayArn = FakeRekognition.versionArn.replacingOccurrences(of: FakeRekognition.account, with: "123456789012")
        let replayed = try #require(library.detection(sha256: PhotoFingerprint.sha256(bytes), versionArn: replayArn))
        #expect(replayed.candidates.map(\.name) == ["焼きそばパン", "メロンパン"])
        #expect(replayed.width == 96)
        #expect(library.version(arn: replayArn)?.version.thresholds == ["あんぱん": 0.817, "メロンパン": 0.862, "焼きそばパン": 0.907])
        #expect(library.version(arn: replayArn)?.version.precision == 1.0)

        // Secrets never reach a recording.
        for text in [detectionText, projectText] {
            #expect(!text.contains(Fixtures.secret))
            #expect(!text.contains(Fixtures.token))
            #expect(!text.contains("AKIDTEST"))
        }
    }

    @Test func keepsAccountWhenAskedAndUpdatesInPlace() throws {
        let fake = FakeRekognition()
        let server = try LocalHTTPServer { request, _ in fake.reply(request) }
        defer { server.stop() }
        let home = try TemporaryHome()
        let photo = try writePhoto(home, "tray.png")
        let dir = home.path + "/rec"
        try home.write("rec/projects/verification001.json", """
            {"ProjectName": "verification001", "Note": "kept", "Versions": [
              {"VersionName": "other", "ProjectVersionArn": "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/other/1", "Status": "TRAINING_COMPLETED"},
              {"VersionName": "\(FakeRekognition.versionName)", "Status": "TRAINING_FAILED"}]}
            """)
        let result = try Recorder(backend: FakeRekognition.backend(server))
            .record(photoPaths: [photo, photo], versionArn: FakeRekognition.versionArn, directory: dir, keepAccountId: true)
        #expect(result.detectionFiles == [dir + "/detections/tray.json", dir + "/detections/tray-2.json"])
        let project = try JSONParser.parse(try String(contentsOfFile: dir + "/projects/verification001.json", encoding: .utf8)).root
        #expect(project["Note"]?.stringValue == "kept")
        guard case .array(let versions)? = project["Versions"] else { Issue.record("no Versions"); return }
        #expect(versions.count == 2)
        #expect(versions[1]["ProjectVersionArn"]?.stringValue == FakeRekognition.versionArn)
        #expect(versions[1]["Status"]?.stringValue == "TRAINING_COMPLETED")
    }

    @Test func projectFailureIsAReturnedWarning() throws {
        let fake = FakeRekognition()
        fake.overrides["DescribeProjects"] = .respond(status: 500, headers: [:], body: "<!doctype html><title>500 Internal Server Error</title>")
        let server = try LocalHTTPServer { request, _ in fake.reply(request) }
        defer { server.stop() }
        let home = try TemporaryHome()
        let photo = try writePhoto(home, "breads3.png")
        let result = try Recorder(backend: FakeRekognition.backend(server))
            .record(photoPaths: [photo], versionArn: FakeRekognition.versionArn, directory: home.path + "/rec")
        #expect(result.detectionFiles.count == 1)
        #expect(result.projectFile == nil)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.en.hasPrefix("projects/verification001.json not updated: Rekognition DescribeProjects failed with HTTP 500") == true)
        #expect(result.warnings.first?.ja.contains("projects/verification001.json") == true)
    }

    @Test func badPhotoIsRefusedBeforeAnyCall() throws {
        let fake = FakeRekognition()
        let server = try LocalHTTPServer { request, _ in fake.reply(request) }
        defer { server.stop() }
        let home = try TemporaryHome()
        try home.write("notaphoto.jpg", "hello")
        #expect(throws: PhotoError.self) {
            try Recorder(backend: FakeRekognition.backend(server))
                .record(photoPaths: [home.path + "/notaphoto.jpg"], versionArn: FakeRekognition.versionArn, directory: home.path + "/rec")
        }
        #expect(server.requests.isEmpty)
    }
}
