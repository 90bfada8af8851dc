import CustomLabels
import Foundation
import PanyaStore
import PanyaTestSupport
import Photos
import Testing
@testable import MockBackend

// Detection recordings found lazily through the index in the store (RecordingLibrary.open).

/// A folder with the shipped project file and `detections` (file name → text).
func recordingsFolder(_ detections: [String: String]) throws -> TemporaryFolder {
    let folder = try TemporaryFolder(prefix: "panya-mock-tests")
    try folder.write("projects/verification001.json", String(contentsOfFile: shippedRecordings + "/projects/verification001.json", encoding: .utf8))
    for (name, text) in detections { try folder.write("detections/" + name, text) }
    return folder
}

let shaA = String(repeating: "a", count: 64)
let shaB = String(repeating: "b", count: 64)

@Test func openingReadsNoDetectionFile() throws {
    let folder = try recordingsFolder(["broken.json": "{ not json", "mine.json": detectionText(confidence: "120")])
    defer { folder.remove() }
    let database = try PanyaDatabase.inMemory()
    let index = RecordingIndexStore(database)
    let library = try RecordingLibrary.open(directory: folder.path, index: index)
    #expect(library.projects.map(\.projectName) == ["verification001"])
    #expect(try index.entries(directory: folder.path).isEmpty)
    // The eager load reports both mistakes at once.
    let error = try #require(throws: RecordingError.self) { try RecordingLibrary.load(directory: folder.path) }
    #expect(error.issues.map(\.file) == ["detections/broken.json", "detections/mine.json"])
}

@Test func aBrokenRecordingGivesTheSameErrorWhenItIsUsed() throws {
    let folder = try recordingsFolder(["mine.json": detectionText(confidence: "120"), "other.json": detectionText(sha: shaB)])
    defer { folder.remove() }
    let library = try RecordingLibrary.open(directory: folder.path, index: RecordingIndexStore(.inMemory()))
    #expect(try library.recording(sha256: shaB, versionArn: seedVersion)?.file == "detections/other.json")
    let lazy = try #require(throws: RecordingError.self) { try library.recording(sha256: shaA, versionArn: seedVersion) }
    let eager = try #require(throws: RecordingError.self) { try RecordingLibrary.load(directory: folder.path) }
    #expect(lazy.issues == eager.issues)
    #expect(lazy.message.en == """
        1 mistake in the recordings in \(folder.path):
        detections/mine.json: line 5, column 36, at CustomLabels[0].Confidence: the confidence 120.0 is outside 0–100
          confidences are percentages: write 90.45, not 0.9045 or 9045
        """)
    #expect(library.detection(sha256: shaA, versionArn: seedVersion) == nil)
}

@Test func aFileWhosePhotoCannotBeReadIsReportedWhenNoRecordingMatches() throws {
    let folder = try recordingsFolder(["mine.json": detectionText(), "typo.json": detectionText(sha: shaB) + ","])
    defer { folder.remove() }
    let library = try RecordingLibrary.open(directory: folder.path, index: RecordingIndexStore(.inMemory()))
    #expect(try library.recording(sha256: shaA, versionArn: seedVersion)?.candidates.count == 1)
    let error = try #require(throws: RecordingError.self) { try library.recording(sha256: shaB, versionArn: seedVersion) }
    #expect(error.issues.map(\.file) == ["detections/typo.json"])
    #expect(error.issues.first?.message.en.hasPrefix("detections/typo.json: line 8, column 2") == true, "\(error)")
}

@Test func twoRecordingsOfOnePhotoAndVersionAreReportedWhenUsed() throws {
    let folder = try recordingsFolder(["a.json": detectionText(), "b.json": detectionText(confidence: "50")])
    defer { folder.remove() }
    let library = try RecordingLibrary.open(directory: folder.path, index: RecordingIndexStore(.inMemory()))
    let error = try #require(throws: RecordingError.self) { try library.recording(sha256: shaA, versionArn: seedVersion) }
    #expect(error.issues.map(\.file) == ["detections/b.json"])
    #expect(error.message.en.contains("line 2, column 43, at Photo.SHA256: the photo mine.jpg already has a recording for this version in detections/a.json"))
}

@Test func addedChangedAndRemovedFilesAreSeenOnTheNextLookup() throws {
    let folder = try recordingsFolder(["mine.json": detectionText()])
    defer { folder.remove() }
    let index = RecordingIndexStore(try .inMemory())
    let library = try RecordingLibrary.open(directory: folder.path, index: index)
    #expect(try library.recording(sha256: shaA, versionArn: seedVersion)?.candidates.first?.confidence == 90.5)
    #expect(try library.recording(sha256: shaB, versionArn: seedVersion) == nil)

    try folder.write("detections/mine.json", detectionText(confidence: "77.25"))
    try folder.write("detections/new.json", detectionText(sha: shaB))
    #expect(try library.recording(sha256: shaA, versionArn: seedVersion)?.candidates.first?.confidence == 77.25)
    #expect(try library.recording(sha256: shaB, versionArn: seedVersion)?.file == "detections/new.json")
    #expect(try library.recordedVersions(sha256: shaB) == [seedVersion])

    try FileManager.default.removeItem(atPath: folder.path + "/detections/mine.json")
    #expect(try library.recording(sha256: shaA, versionArn: seedVersion) == nil)
    #expect(try index.entries(directory: folder.path).map(\.file) == ["detections/new.json"])
}

@Test func theIndexLastsInTheDatabaseFile() throws {
    let folder = try recordingsFolder(["mine.json": detectionText()])
    defer { folder.remove() }
    let path = folder.path + "/state.sqlite"
    do {
        let library = try RecordingLibrary.open(directory: folder.path, index: RecordingIndexStore(PanyaDatabase(path: path)))
        _ = try library.recording(sha256: shaA, versionArn: seedVersion)
    }
    let entries = try RecordingIndexStore(PanyaDatabase(path: path)).entries(directory: folder.path)
    #expect(entries.map(\.file) == ["detections/mine.json"])
    #expect(entries.first?.sha256 == shaA)
    #expect(entries.first?.versionArn == seedVersion)
    #expect(entries.first?.size == Int64(detectionText().utf8.count))
}

@Test func theMockFindsShippedPhotosThroughTheIndexAndNamesOtherVersions() throws {
    let backend = try runningBackend()
    let bytes = try photoBytes("breads3.jpg")
    let request = DetectCustomLabelsRequest(projectVersionArn: seedVersion, image: .bytes(bytes), minConfidence: 0)
    #expect(try backend.detectCustomLabels(request).customLabels.count == 6)
    let unknown = try TestPhotos.small()
    let error = try #require(throws: MockBackendError.self) {
        try backend.detectCustomLabels(DetectCustomLabelsRequest(projectVersionArn: seedVersion, image: .bytes(unknown)))
    }
    guard case .noRecording(_, let sha, _, _, _, let others, _) = error else { Issue.record("\(error)"); return }
    #expect(sha == PhotoFingerprint.sha256(unknown))
    #expect(others.isEmpty)
}

@Test func aThousandRecordingsAreIndexedOnceAndLookedUpByHash() throws {
    var files: [String: String] = [:]
    for n in 0..<1000 {
        let sha = String(repeating: "0", count: 60) + String(format: "%04d", n)
        files[String(format: "r%04d.json", n)] = detectionText(sha: sha)
    }
    let folder = try recordingsFolder(files)
    defer { folder.remove() }
    let index = RecordingIndexStore(try .inMemory())
    let library = try RecordingLibrary.open(directory: folder.path, index: index)
    let sha = String(repeating: "0", count: 60) + "0777"
    #expect(try library.recording(sha256: sha, versionArn: seedVersion)?.file == "detections/r0777.json")
    #expect(try index.entries(directory: folder.path).count == 1000)
    #expect(try library.recording(sha256: sha, versionArn: seedVersion)?.file == "detections/r0777.json")
}

/// Photos the shipped recordings do not know.
enum TestPhotos {
    /// A 64×64 grey JPEG.
    static func small() throws -> [UInt8] {
        guard let photo = Photo(width: 64, height: 64, pixels: [UInt8](repeating: 128, count: 64 * 64 * 3)) else { throw CocoaError(.coderInvalidValue) }
        return try photo.encodeJPEG()
    }
}
