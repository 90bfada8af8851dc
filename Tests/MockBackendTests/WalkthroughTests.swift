import CustomLabels
import Photos
import PanyaTestSupport
import Testing
@testable import MockBackend

func detect(_ backend: MockBackend, _ photo: String = "breads3.jpg", min: Double? = nil, max: Int? = nil) throws -> [String] {
    let request = DetectCustomLabelsRequest(projectVersionArn: seedVersion, image: .bytes(try photoBytes(photo)), maxResults: max, minConfidence: min)
    return try backend.detectCustomLabels(request).customLabels.map(\.name)
}

@Test func walkthroughOnBreads3() throws {
    let backend = try makeBackend()
    #expect(try backend.describeProjects().map(\.projectName) == ["verification001"])
    let versions = try backend.describeProjectVersions(projectArn: seedProject, versionNames: nil)
    #expect(versions.map(\.status) == [.trainingCompleted])
    #expect(try backend.thresholds(versionArn: seedVersion).map(\.threshold) == [0.817, 0.862, 0.907])
    #expect(try backend.evaluation(versionArn: seedVersion).f1Score == 1.0)

    #expect(try backend.startProjectVersion(arn: seedVersion, minInferenceUnits: 1, maxInferenceUnits: nil) == .starting)
    var steps: [String] = []
    #expect(try backend.waitUntilStable(arn: seedVersion) { steps.append($0.en) } == .running)
    #expect(steps == ["STARTING → RUNNING at 2023-08-01T19:35:00+09:00 (clock +5m)"])

    #expect(try detect(backend) == ["メロンパン"])
    #expect(try detect(backend, min: 80) == ["焼きそばパン", "メロンパン"])
    #expect(try detect(backend, min: 75) == ["焼きそばパン", "メロンパン", "あんぱん"])
    #expect(try detect(backend, min: 75, max: 1) == ["焼きそばパン"])
    #expect(try detect(backend, min: 75, max: 2) == ["焼きそばパン", "メロンパン"])
    #expect(try detect(backend, min: 0) == ["焼きそばパン", "メロンパン", "あんぱん", "あんぱん", "メロンパン", "メロンパン"])
    #expect(try detect(backend, min: 88.00399780273438) == ["焼きそばパン", "メロンパン"])
    #expect(try detect(backend, min: 88.00399780273438.nextUp) == ["焼きそばパン"])
    #expect(try detect(backend, "breads3.png", min: 75) == ["焼きそばパン", "メロンパン", "あんぱん"])

    let seed = try backend.detectCustomLabels(DetectCustomLabelsRequest(projectVersionArn: seedVersion, image: .bytes(try photoBytes("breads3.jpg")), minConfidence: 75))
    #expect(seed.customLabels.map(\.confidence) == [90.44999694824219, 88.00399780273438, 77.53700256347656])
    #expect(seed.customLabels[0].boundingBox == BoundingBox(width: 0.41152000427246094, height: 0.34727999567985535, left: 0.23639999330043793, top: 0.08641000092029572))

    let rows = try backend.inspect(DetectCustomLabelsRequest(projectVersionArn: seedVersion, image: .bytes(try photoBytes("breads3.jpg"))))
    #expect(rows.prefix(3).map(\.reason.en) == ["hidden: 90.45 < threshold 90.7", "shown", "hidden: 77.54 < threshold 81.7"])
}

@Test(arguments: ["test/anpan.jpg", "test/melonpan.jpg", "test/yakisobapan.jpg"])
func testPhotosAtTheirThresholdAreDetected(photo: String) throws {
    let backend = try runningBackend()
    #expect(try detect(backend, photo).count == 1)
}

@Test func notRunningIsResourceNotReady() throws {
    let backend = try makeBackend()
    let request = DetectCustomLabelsRequest(projectVersionArn: seedVersion, image: .bytes(try photoBytes("breads3.jpg")))
    let error = try #require(throws: ServiceError.self) { try backend.detectCustomLabels(request) }
    #expect(error.kind == .resourceNotReady)
    #expect(error.serviceMessage.contains("TRAINING_COMPLETED"))
    _ = try backend.startProjectVersion(arn: seedVersion, minInferenceUnits: 1, maxInferenceUnits: nil)
    try backend.advance(seconds: 299)
    #expect(try #require(throws: ServiceError.self) { try backend.detectCustomLabels(request) }.kind == .resourceNotReady)
    try backend.advance(seconds: 1)
    #expect(try backend.detectCustomLabels(request).customLabels.count == 1)
}

@Test func unknownOrMalformedArns() throws {
    let backend = try runningBackend()
    let unknown = seedVersion.replacingOccurrences(of: "1690851600000", with: "1690851600001")
    let request = DetectCustomLabelsRequest(projectVersionArn: unknown, image: .bytes(try photoBytes("breads3.jpg")))
    #expect(try #require(throws: ServiceError.self) { try backend.detectCustomLabels(request) }.kind == .resourceNotFound)
    let malformed = DetectCustomLabelsRequest(projectVersionArn: "verification001", image: .bytes(try photoBytes("breads3.jpg")))
    #expect(try #require(throws: ServiceError.self) { try backend.detectCustomLabels(malformed) }.kind == .validation)
    #expect(try #require(throws: ServiceError.self) { try backend.describeProjectVersions(projectArn: seedProject + "1", versionNames: nil) }.kind == .resourceNotFound)
}

@Test func invalidParametersAndImages() throws {
    let backend = try runningBackend()
    let bytes = try photoBytes("breads3.jpg")
    let tooHigh = DetectCustomLabelsRequest(projectVersionArn: seedVersion, image: .bytes(bytes), minConfidence: 101)
    #expect(try #require(throws: ServiceError.self) { try backend.detectCustomLabels(tooHigh) }.kind == .invalidParameter)
    let negative = DetectCustomLabelsRequest(projectVersionArn: seedVersion, image: .bytes(bytes), maxResults: -1)
    #expect(try #require(throws: ServiceError.self) { try backend.detectCustomLabels(negative) }.kind == .invalidParameter)
    let text = DetectCustomLabelsRequest(projectVersionArn: seedVersion, image: .bytes(Array("not a photo".utf8)))
    #expect(try #require(throws: ServiceError.self) { try backend.detectCustomLabels(text) }.kind == .invalidImageFormat)
    let truncated = DetectCustomLabelsRequest(projectVersionArn: seedVersion, image: .bytes(Array(bytes.prefix(2000))))
    #expect(try #require(throws: ServiceError.self) { try backend.detectCustomLabels(truncated) }.kind == .invalidImageFormat)
}

@Test func unrecordedPhotoSaysHowToAddOne() throws {
    let backend = try runningBackend()
    var bytes = try photoBytes("breads3.jpg")
    // A different file with the same picture: bytes appended after the JPEG's end.
    bytes.append(contentsOf: [0, 1, 2])
    let request = DetectCustomLabelsRequest(projectVersionArn: seedVersion, image: .bytes(bytes))
    let error = try #require(throws: MockBackendError.self) { try backend.detectCustomLabels(request, photoName: "my-tray.jpg") }
    #expect(error.code == "NoRecording")
    #expect(error.message.en.contains("my-tray.jpg"))
    #expect(error.message.en.contains("panya recording skeleton PHOTO"))
    #expect(error.message.ja.contains("ひな形"))
}

@Test func jsonOutputIsWhatTheAWSCLIPrints() throws {
    let backend = try runningBackend()
    let request = DetectCustomLabelsRequest(projectVersionArn: seedVersion, image: .bytes(try photoBytes("breads3.jpg")), minConfidence: 75)
    let expected = try String(contentsOfFile: RepositoryRoot.path + "/Tests/CustomLabelsTests/.expected/breads3-min75.aws-cli.json", encoding: .utf8)
    #expect(try backend.detectCustomLabels(request).awsCLIJSON() == expected)
}

@Test func describeVersionsFiltersByName() throws {
    let backend = try makeBackend()
    #expect(try backend.describeProjectVersions(projectArn: seedProject, versionNames: ["verification001.2023-08-01T10.00.00"]).count == 1)
    #expect(try backend.describeProjectVersions(projectArn: seedProject, versionNames: ["other"]).isEmpty)
    let version = try backend.describeVersion(arn: seedVersion)
    #expect(version.creationTimestamp == 1690851600)
    #expect(version.billableTrainingTimeInSeconds == 1800)
    #expect(version.trainingImages == 30 && version.testingImages == 3)
}

@Test func aFingerprintTheCallerComputedIsUsedForBytes() throws {
    let backend = try runningBackend()
    let bytes = try photoBytes("breads3.jpg")
    let plain = DetectCustomLabelsRequest(projectVersionArn: seedVersion, image: .bytes(bytes), minConfidence: 75)
    var given = plain
    given.imageSHA256 = PhotoFingerprint.sha256(bytes)
    #expect(try backend.detectCustomLabels(given) == backend.detectCustomLabels(plain))
    // The fingerprint decides which recording answers: another photo's finds that photo's labels.
    given.imageSHA256 = PhotoFingerprint.sha256(try photoBytes("test/anpan.jpg"))
    #expect(try backend.detectCustomLabels(given).customLabels.map(\.name) == ["あんぱん"])
}
