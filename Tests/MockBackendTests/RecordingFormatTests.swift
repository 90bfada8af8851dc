import CustomLabels
import Foundation
import Testing
@testable import MockBackend

// The recording codec (ProjectRecording, DetectionRecording) and RecordingFormat's rules.

func shippedFiles(_ folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: shippedRecordings + "/" + folder).filter { $0.hasSuffix(".json") }.sorted()
}

func shippedBytes(_ relative: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: shippedRecordings + "/" + relative) else { throw CocoaError(.fileNoSuchFile) }
    return [UInt8](data)
}

@Test func everyShippedDetectionFileIsWhatItsDecodingEncodes() throws {
    let files = try shippedFiles("detections")
    #expect(files.count == 38)
    for name in files {
        let bytes = try shippedBytes("detections/" + name)
        let recording = try DetectionRecording.decode(bytes: bytes, file: "detections/" + name)
        #expect(Array(recording.encoded().utf8) == bytes, "detections/\(name) does not round-trip")
        #expect(try DetectionRecording.decode(bytes: Array(recording.encoded().utf8), file: recording.file) == recording)
        #expect(recording.file == "detections/" + name)
    }
}

@Test func theShippedProjectFileIsWhatItsDecodingEncodes() throws {
    let bytes = try shippedBytes("projects/verification001.json")
    let project = try ProjectRecording.decode(bytes: bytes, file: "projects/verification001.json")
    #expect(project.encoded() == String(decoding: bytes, as: UTF8.self))
    #expect(try ProjectRecording.decode(bytes: Array(project.encoded().utf8), file: project.file) == project)
    #expect(project.versions.map(\.labels.count) == [3])
}

let otherVersion = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/v2/1700000000000"

@Test func decodeOfEncodeIsTheValueForEveryOptionalField() throws {
    let arn = try ProjectVersionArn.parse(seedVersion)
    let bare = VersionRecording(versionName: "v2", arn: try ProjectVersionArn.parse(otherVersion), status: .trainingFailed,
                                labels: [LabelEvaluation(label: "\"quoted\"\nパン", threshold: 0.5)])
    let full = VersionRecording(versionName: arn.versionName, arn: arn, status: .trainingCompleted, billableTrainingTimeInSeconds: 0,
                                trainingImages: 30, testingImages: 3, f1Score: 0.25, precision: 1e-05, recall: 1,
                                labels: [LabelEvaluation(label: "あんぱん", threshold: 0.817, f1Score: 0.1, precision: 0.2, recall: 0.3, testingImages: 0),
                                         LabelEvaluation(label: "メロンパン", threshold: 1)],
                                comment: "the seed")
    let project = ProjectRecording(projectName: "verification001", projectArn: try ProjectArn.parse(seedProject), versions: [full, bare],
                                   comment: "two versions")
    let text = project.encoded()
    #expect(try ProjectRecording.decode(bytes: Array(text.utf8), file: "projects/verification001.json") == project)
    #expect(text.contains("  }, {\n    \"VersionName\": \"v2\""))
    #expect(text.hasSuffix("  }],\n  \"Comment\": \"two versions\"\n}\n"))

    let detection = DetectionRecording(photoFile: "トレイ 1.PNG", sha256: String(repeating: "0", count: 64), width: 64, height: 4096, versionArn: arn,
                                       candidates: [CustomLabel(name: "あんぱん", confidence: 0, boundingBox: nil),
                                                    CustomLabel(name: "あんぱん", confidence: 100, boundingBox: BoundingBox(width: 1, height: 0, left: 0, top: 1))],
                                       comment: "hand-made")
    #expect(detection.file == "detections/トレイ 1-png.json")
    let decoded = try DetectionRecording.decode(bytes: Array(detection.encoded().utf8), file: detection.file,
                                                versions: { $0 == arn ? full : nil })
    #expect(decoded == detection)
}

@Test func commentsAndPolygonsOfCandidatesAndLabelsAreReadNotKept() throws {
    let text = detectionText().replacingOccurrences(of: "\"Name\": \"あんぱん\",", with: "\"Name\": \"あんぱん\", \"Comment\": \"x\",")
        .replacingOccurrences(of: "\"Geometry\": {", with: "\"Geometry\": {\"Polygon\": [], ")
    let recording = try DetectionRecording.decode(bytes: Array(text.utf8), file: "detections/mine.json")
    #expect(recording.candidates == [CustomLabel(name: "あんぱん", confidence: 90.5, boundingBox: BoundingBox(width: 0.5, height: 0.5, left: 0.1, top: 0.1))])
    #expect(!recording.encoded().contains("Comment"))
}

@Test(arguments: [
    ("breads3.jpg", "breads3.json"), ("trays/breads3.JPEG", "breads3.json"), ("breads3.png", "breads3-png.json"),
    ("a/b/tray.Png", "tray-png.json"), ("notes.txt", "notes.txt.json"),
])
func detectionFileNames(photo: String, expected: String) {
    #expect(RecordingFormat.detectionFileName(photoPath: photo) == expected)
    #expect(RecordingFormat.detectionFile(photoPath: photo) == "detections/" + expected)
}

@Test func aSecondPhotoOfTheSameNameInOneRunGetsANumber() {
    let first = RecordingFormat.detectionFile(photoPath: "a/tray.jpg")
    let second = RecordingFormat.detectionFile(photoPath: "b/tray.jpg", taken: [first])
    let third = RecordingFormat.detectionFile(photoPath: "c/tray.jpg", taken: [first, second])
    #expect([first, second, third] == ["detections/tray.json", "detections/tray-2.json", "detections/tray-3.json"])
    #expect(RecordingFormat.projectFile(projectName: "verification001") == "projects/verification001.json")
}

@Test func aRecordingKeepsTrainingStatusesAndStoresEveryTrainedModelStopped() {
    #expect(RecordingFormat.recordedStatus(.running) == .trainingCompleted)
    #expect(RecordingFormat.recordedStatus(.stopped) == .trainingCompleted)
    #expect(RecordingFormat.recordedStatus(.failed) == .trainingCompleted)
    #expect(RecordingFormat.recordedStatus(.trainingFailed) == .trainingFailed)
    #expect(RecordingFormat.recordedStatus(.copyingInProgress) == .trainingInProgress)
    #expect(RecordingFormat.recordableStatuses == [.trainingInProgress, .trainingCompleted, .trainingFailed, .deprecated, .expired])
    for status in VersionStatus.allCases {
        #expect(RecordingFormat.recordableStatuses.contains(RecordingFormat.recordedStatus(status)))
    }
}

@Test func aLiveStatusInAProjectFileNamesTheFix() throws {
    let shipped = try String(contentsOfFile: shippedRecordings + "/projects/verification001.json", encoding: .utf8)
    let error = try #require(throws: JSONError.self) {
        try ProjectRecording.decode(bytes: Array(shipped.replacingOccurrences(of: "TRAINING_COMPLETED", with: "RUNNING").utf8),
                                    file: "projects/verification001.json")
    }
    #expect(error.message.en == """
        line 7, column 15, at Versions[0].Status: a recording does not keep the live status RUNNING: the mock keeps start and stop in its database
          write TRAINING_COMPLETED for a trained model (it starts stopped; `model start` runs it)
        """)
    #expect(error.message.ja.contains("TRAINING_COMPLETED"))
}

@Test func aProjectFileIsNamedAfterItsProject() throws {
    let bytes = try shippedBytes("projects/verification001.json")
    let error = try #require(throws: JSONError.self) { try ProjectRecording.decode(bytes: bytes, file: "projects/other.json") }
    #expect(error.message.en.hasSuffix("a project file is named after its project: rename projects/other.json to projects/verification001.json"))
}

@Test func placeholderAccountsReplaceRealOnes() throws {
    let real = seedVersion.replacingOccurrences(of: "123456789012", with: "987654321098")
    let recording = DetectionRecording(photoFile: "a.jpg", sha256: String(repeating: "a", count: 64), width: 64, height: 64,
                                       versionArn: try ProjectVersionArn.parse(real), candidates: [])
    #expect(recording.withPlaceholderAccount().versionArn.description == seedVersion)
    #expect(!recording.withPlaceholderAccount().encoded().contains("987654321098"))
}

@Test func keysOfADetectionFileAreReadLeniently() {
    #expect(DetectionRecording.key(of: Array(detectionText(sha: String(repeating: "A", count: 64)).utf8))?.sha256 == String(repeating: "a", count: 64))
    #expect(DetectionRecording.key(of: Array(detectionText(confidence: "500").utf8))?.versionArn == seedVersion)
    #expect(DetectionRecording.key(of: Array("{\"Photo\": {".utf8)) == nil)
    #expect(DetectionRecording.key(of: Array("{\"Photo\": {}, \"ProjectVersionArn\": \"x\"}".utf8)) == nil)
}
