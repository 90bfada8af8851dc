import CustomLabels
import Foundation
import PanyaTestSupport
import Photos
import Testing
@testable import MockBackend

@Test func everyShippedPhotoHasAMatchingRecording() throws {
    let library = try RecordingLibrary.load(directory: shippedRecordings)
    let manifest = try JSONParser.parse(bytes: photoBytes("manifest.json")).cursor
    // Photos under improve/, and the test photos beyond the first per label (lesson 5's larger test
    // set: test/<bread>-N.jpg, test/tray-N.jpg), were drawn for the models students train themselves:
    // the seed version never saw them.
    let photos = try manifest.member("Photos").elements().filter { photo in
        let file = try photo.member("File").string()
        return !file.hasPrefix("improve/") && !(file.hasPrefix("test/") && (file.contains("-") || file.hasPrefix("test/tray")))
    }
    #expect(photos.count == library.detections.count)
    for photo in photos {
        let file = try photo.member("File").string()
        let bytes = try photoBytes(file)
        let sha = PhotoFingerprint.sha256(bytes)
        let recording = try #require(library.detection(sha256: sha, versionArn: seedVersion), "no recording for \(file)")
        #expect(recording.photoFile == file)
        #expect(recording.width == (try photo.member("Width").int()))
        let boxes = try photo.member("Breads").elements().map { try BoundingBox(json: $0.member("BoundingBox")) }
        for label in recording.candidates {
            #expect(boxes.contains(try #require(label.boundingBox)), "\(file): a box not drawn in the photo")
        }
    }
    let breads3 = try #require(library.detection(sha256: PhotoFingerprint.sha256(photoBytes("breads3.jpg")), versionArn: seedVersion))
    #expect(breads3.candidates.filter { $0.confidence < 75 }.count == 3)
}

/// A project file and one detection file in a temporary folder, with `detection` as the detection's text.
func libraryError(detection: String, project: String? = nil) throws -> RecordingError {
    let folder = try TemporaryFolder(prefix: "panya-mock-tests")
    defer { folder.remove() }
    let projectText = try project ?? String(contentsOfFile: shippedRecordings + "/projects/verification001.json", encoding: .utf8)
    try folder.write("projects/verification001.json", projectText)
    try folder.write("detections/mine.json", detection)
    return try #require(throws: RecordingError.self) { try RecordingLibrary.load(directory: folder.path) }
}

func detectionText(confidence: String = "90.5", box: String = #""Width": 0.5, "Height": 0.5, "Left": 0.1, "Top": 0.1"#,
                   arn: String = seedVersion, name: String = "あんぱん", sha: String = String(repeating: "a", count: 64)) -> String {
    """
    {
      "Photo": {"File": "mine.jpg", "SHA256": "\(sha)", "Width": 1280, "Height": 960},
      "ProjectVersionArn": "\(arn)",
      "CustomLabels": [
        {"Name": "\(name)", "Confidence": \(confidence),
         "Geometry": {"BoundingBox": {\(box)}}}
      ]
    }
    """
}

@Test(arguments: [
    (detectionText(confidence: "120"), "line 5, column 36, at CustomLabels[0].Confidence", "outside 0–100"),
    (detectionText(confidence: "\"high\""), "line 5, column 36, at CustomLabels[0].Confidence", "expected a number, found a string"),
    (detectionText(box: #""Width": 0.5, "Height": 1.5, "Left": 0.1, "Top": 0.1"#), "CustomLabels[0].Geometry.BoundingBox.Height", "outside 0–1"),
    (detectionText(box: #""Width": 0.95, "Height": 0.5, "Left": 0.1, "Top": 0.1"#), "CustomLabels[0].Geometry.BoundingBox.Width", "leaves the photo"),
    (detectionText(box: #""Width": 0.5, "Height": 0.5, "Left": 0.1"#), "line 6, column 34, at CustomLabels[0].Geometry.BoundingBox", "the key \"Top\" is missing"),
    (detectionText(arn: "arn:aws:rekognition:ap-northeast-1:123456789012:model/x"), "line 3, column 24, at ProjectVersionArn", "is not a model version ARN"),
    (detectionText(arn: seedVersion.replacingOccurrences(of: "1690851600000", with: "1")), "at ProjectVersionArn", "no project file declares"),
    (detectionText(name: "クロワッサン"), "at CustomLabels[0].Name", "has no label \"クロワッサン\""),
    (detectionText(sha: "XYZ"), "line 2, column 43, at Photo.SHA256", "is not a SHA-256"),
    (detectionText().replacingOccurrences(of: "\"Confidence\"", with: "\"Confidance\""), "CustomLabels[0].Confidance", "did you mean \"Confidence\""),
    (detectionText().replacingOccurrences(of: "\"Top\": 0.1", with: "\"Top\": 0.1,"), "line 6", "a trailing comma"),
])
func malformedDetectionsNameFileLineAndKey(text: String, place: String, problem: String) throws {
    let error = try libraryError(detection: text)
    let issue = try #require(error.issues.first)
    #expect(error.issues.count == 1)
    #expect(issue.file == "detections/mine.json")
    #expect(issue.message.en.hasPrefix("detections/mine.json: "))
    #expect(issue.message.en.contains(place), "\(issue.message.en)")
    #expect(issue.message.en.contains(problem), "\(issue.message.en)")
    #expect(!issue.message.ja.isEmpty)
}

@Test func duplicateRecordingsForOnePhotoAndVersion() throws {
    let folder = try TemporaryFolder(prefix: "panya-mock-tests")
    defer { folder.remove() }
    try folder.write("projects/verification001.json", String(contentsOfFile: shippedRecordings + "/projects/verification001.json", encoding: .utf8))
    try folder.write("detections/a.json", detectionText())
    try folder.write("detections/b.json", detectionText(confidence: "50"))
    let error = try #require(throws: RecordingError.self) { try RecordingLibrary.load(directory: folder.path) }
    #expect(error.issues.map(\.file) == ["detections/b.json"])
    #expect(error.message.en.contains("already has a recording for this version in detections/a.json"))
}

@Test func malformedProjects() throws {
    let shipped = try String(contentsOfFile: shippedRecordings + "/projects/verification001.json", encoding: .utf8)
    let threshold = try libraryError(detection: detectionText(), project: shipped.replacingOccurrences(of: "0.817", with: "81.7"))
    #expect(threshold.issues.first?.message.en.contains("line 15, column 44, at Versions[0].Labels[0].AssumedThreshold: AssumedThreshold = 81.7 is outside 0–1") == true, "\(threshold)")
    #expect(threshold.issues.first?.message.en.contains("0.817, not 81.7") == true)
    #expect(threshold.issues.count == 1)
    let status = try libraryError(detection: detectionText(), project: shipped.replacingOccurrences(of: "TRAINING_COMPLETED", with: "TRAINED"))
    #expect(status.issues.first?.message.en.contains("at Versions[0].Status: unknown status \"TRAINED\"") == true, "\(status)")
    let missingFolder = try #require(throws: RecordingError.self) { try RecordingLibrary.load(directory: "/nonexistent/panya") }
    #expect(missingFolder.message.en.contains("does not exist"))
}

@Test func whatTheCodecWritesTheLibraryReads() throws {
    let folder = try TemporaryFolder(prefix: "panya-mock-tests")
    defer { folder.remove() }
    let realAccount = seedVersion.replacingOccurrences(of: "123456789012", with: "987654321098")
    let shipped = try ProjectRecording.decode(bytes: shippedBytes("projects/verification001.json"), file: "projects/verification001.json")
    var project = shipped
    project.projectArn = try ProjectArn.parse(seedProject.replacingOccurrences(of: "123456789012", with: "987654321098"))
    project.versions[0].arn = try ProjectVersionArn.parse(realAccount)
    try folder.write(project.file, project.withPlaceholderAccount().encoded())
    let labels = [CustomLabel(name: "あんぱん", confidence: 12.5, boundingBox: nil), CustomLabel(name: "メロンパン", confidence: 88.0, boundingBox: nil)]
    let detection = DetectionRecording(photoFile: "trays/mine.PNG", sha256: String(repeating: "b", count: 64), width: 640, height: 480,
                                       versionArn: try ProjectVersionArn.parse(realAccount), candidates: labels)
        .sortedHighestFirst().withPlaceholderAccount()
    try folder.write(detection.file, detection.encoded())
    let library = try RecordingLibrary.load(directory: folder.path)
    let recording = try #require(library.detection(sha256: String(repeating: "b", count: 64), versionArn: seedVersion))
    #expect(recording.candidates.map(\.name) == ["メロンパン", "あんぱん"])
    #expect(recording.file == "detections/mine-png.json")
    #expect(library.projects == [shipped])
    #expect(library.version(arn: seedVersion)?.version.thresholds == ["あんぱん": 0.817, "メロンパン": 0.862, "焼きそばパン": 0.907])
}
