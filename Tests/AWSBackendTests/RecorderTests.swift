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
        #expect(result.detectionFiles == [dir + "/detections/breads3-png.json"])
        #expect(result.projectFile == dir + "/projects/verification001.json")

        let detectionText = try String(contentsOfFile: dir + "/detections/breads3-png.json", encoding: .utf8)
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
        #expect(projectText.hasPrefix("{\n  \"ProjectName\": \"verification001\",\n"))
        #expect(projectText.contains("\n      {\"Name\": \"あんぱん\", \"AssumedThreshold\": 0.817, \"F1Score\": 1.0, \"Precision\": 1.0, \"Recall\": 1.0, \"TestingImages\": 1},\n"))
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
        let other = "arn:aws:rekognition:ap-northeast-1:\(FakeRekognition.account):project/verification001/version/other/1"
        try home.write("rec/projects/verification001.json", """
            {"ProjectName": "verification001", "ProjectArn": "\(FakeRekognition.projectArn)", "Comment": "kept", "Versions": [
              {"VersionName": "other", "ProjectVersionArn": "\(other)", "Status": "TRAINING_COMPLETED", "Labels": [{"Name": "あんぱん", "AssumedThreshold": 0.5}]},
              {"VersionName": "\(FakeRekognition.versionName)", "ProjectVersionArn": "\(FakeRekognition.versionArn)", "Status": "TRAINING_FAILED",
               "Labels": [{"Name": "x", "AssumedThreshold": 0.5}]}]}
            """)
        let result = try Recorder(backend: FakeRekognition.backend(server))
            .record(photoPaths: [photo, photo], versionArn: FakeRekognition.versionArn, directory: dir, keepAccountId: true)
        // The same photo twice is one recording; another photo of the same name gets its own file.
        #expect(result.detectionFiles == [dir + "/detections/tray-png.json"])
        let otherPhoto = home.path + "/other/tray.png"
        try FileManager.default.createDirectory(atPath: home.path + "/other", withIntermediateDirectories: true)
        try Data(try Photo(width: 64, height: 64, pixels: [UInt8](repeating: 200, count: 64 * 64 * 3))?.encodePNG() ?? []).write(to: URL(fileURLWithPath: otherPhoto))
        let again = try Recorder(backend: FakeRekognition.backend(server))
            .record(photoPaths: [otherPhoto, photo], versionArn: FakeRekognition.versionArn, directory: dir, keepAccountId: true)
        #expect(again.detectionFiles == [dir + "/detections/tray-png-2.json", dir + "/detections/tray-png.json"])
        let project = try ProjectRecording.decode(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/projects/verification001.json"))),
                                                  file: "projects/verification001.json")
        #expect(project.comment == "kept")
        #expect(project.versions.map(\.arn.description) == [other, FakeRekognition.versionArn])
        #expect(project.versions[1].status == .trainingCompleted)
        #expect(project.versions[1].labels.map(\.label) == ["あんぱん", "メロンパン", "焼きそばパン"])
        // What the recorder wrote, the mock reads.
        let library = try RecordingLibrary.load(directory: dir)
        #expect(library.detections.map(\.file) == ["detections/tray-png-2.json", "detections/tray-png.json"])
    }

    @Test func aProjectFileWithAMistakeIsLeftAsItIs() throws {
        let fake = FakeRekognition()
        let server = try LocalHTTPServer { request, _ in fake.reply(request) }
        defer { server.stop() }
        let home = try TemporaryHome()
        let photo = try writePhoto(home, "tray.jpg")
        let broken = #"{"ProjectName": "verification001", "Note": "hand-written"}"#
        try home.write("rec/projects/verification001.json", broken)
        let result = try Recorder(backend: FakeRekognition.backend(server))
            .record(photoPaths: [photo], versionArn: FakeRekognition.versionArn, directory: home.path + "/rec")
        #expect(result.projectFile == nil)
        #expect(result.warnings.map(\.en) == [
            "projects/verification001.json not updated: projects/verification001.json: line 1, column 44, at Note: unknown key \"Note\"",
        ])
        #expect(try String(contentsOfFile: home.path + "/rec/projects/verification001.json", encoding: .utf8) == broken)
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
