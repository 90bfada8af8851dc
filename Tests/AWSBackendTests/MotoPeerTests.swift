import CustomLabels
import Foundation
import MockBackend
import PanyaSupport
import Photos
import Testing
@testable import AWSBackend

/// What `.ci/moto/run-aws-tests.sh` exports: a moto_server with IAM authentication on, a user
/// allowed rekognition:* and s3:GetObject, a user without Rekognition permission, and a bucket
/// holding a photo and an evaluation summary.
struct MotoPeer: Sendable {
    var endpoint: String
    var region: String
    var accessKeyId: String
    var secretAccessKey: String
    var deniedAccessKeyId: String
    var deniedSecretAccessKey: String
    var bucket: String
    var photoKey: String
    var summaryKey: String
    var photoPath: String
    var versionArn: String

    /// Nil (and the suite skipped) unless every variable is set.
    static let current: MotoPeer? = {
        let env = ProcessInfo.processInfo.environment
        func value(_ name: String) -> String? { env[name].flatMap { $0.isEmpty ? nil : $0 } }
        guard let endpoint = value("PANYA_MOTO_ENDPOINT"), let region = value("PANYA_MOTO_REGION"),
              let key = value("PANYA_MOTO_ACCESS_KEY_ID"), let secret = value("PANYA_MOTO_SECRET_ACCESS_KEY"),
              let deniedKey = value("PANYA_MOTO_DENIED_ACCESS_KEY_ID"), let deniedSecret = value("PANYA_MOTO_DENIED_SECRET_ACCESS_KEY"),
              let bucket = value("PANYA_MOTO_BUCKET"), let photoKey = value("PANYA_MOTO_PHOTO_KEY"),
              let summaryKey = value("PANYA_MOTO_SUMMARY_KEY"), let photo = value("PANYA_MOTO_PHOTO"),
              let arn = value("PANYA_MOTO_VERSION_ARN") else { return nil }
        return MotoPeer(endpoint: endpoint, region: region, accessKeyId: key, secretAccessKey: secret, deniedAccessKeyId: deniedKey,
                        deniedSecretAccessKey: deniedSecret, bucket: bucket, photoKey: photoKey, summaryKey: summaryKey,
                        photoPath: photo, versionArn: arn)
    }()

    /// An explicit environment (the process environment is never changed) for a temporary HOME.
    func environment(home: TemporaryHome, key: String? = nil, secret: String? = nil) -> [String: String] {
        home.environment([
            "AWS_ACCESS_KEY_ID": key ?? accessKeyId, "AWS_SECRET_ACCESS_KEY": secret ?? secretAccessKey,
            "AWS_REGION": region, "AWS_ENDPOINT_URL": endpoint,
        ])
    }

    /// Short waits: moto answers at once, and some of its 500s are retried.
    static let settings = AWSBackend.Settings(requestTimeout: 20, retryPolicy: RetryPolicy(maxAttempts: 3, baseDelay: 0.05, maxBackoff: 0.2))

    func backend(home: TemporaryHome, key: String? = nil, secret: String? = nil, counter: AttemptCounter? = nil) throws -> AWSBackend {
        let configuration = try AWSConfiguration.resolve(environment: environment(home: home, key: key, secret: secret))
        return AWSBackend(configuration: configuration, settings: Self.settings, onAttempt: counter?.observer)
    }
}

@Suite("Peer test against moto_server with auth on (.ci/moto/run-aws-tests.sh)", .enabled(if: MotoPeer.current != nil, "needs PANYA_MOTO_* from .ci/moto/run-aws-tests.sh"))
struct MotoPeerTests {
    let peer: MotoPeer

    init() throws {
        peer = try #require(MotoPeer.current)
    }

    @Test func signedDetectWithBytesIsAccepted() throws {
        let home = try TemporaryHome()
        let backend = try peer.backend(home: home)
        let response = try backend.detectCustomLabels(DetectCustomLabelsRequest(
            projectVersionArn: peer.versionArn, image: try AWSBackend.imageSource(for: peer.photoPath)))
        // moto answers every detect with the same fixed label.
        #expect(response.customLabels.count == 1)
        #expect(response.customLabels.first?.name == "MyLogo")
        #expect(response.customLabels.first?.boundingBox != nil)
    }

    @Test func signedDetectWithS3ObjectIsAccepted() throws {
        let home = try TemporaryHome()
        let backend = try peer.backend(home: home)
        let image = try AWSBackend.imageSource(for: "s3://\(peer.bucket)/\(peer.photoKey)")
        let response = try backend.detectAllCandidates(projectVersionArn: peer.versionArn, image: image)
        #expect(response.customLabels.first?.name == "MyLogo")
    }

    @Test func wrongSecretIsReportedClearly() throws {
        let home = try TemporaryHome()
        let wrongSecret = "Wrong/Secret+Key0123456789abcdefghijklmn"
        let counter = AttemptCounter()
        let backend = try peer.backend(home: home, secret: wrongSecret, counter: counter)
        let error = try #require(throws: AWSError.self) {
            try backend.detectCustomLabels(DetectCustomLabelsRequest(projectVersionArn: peer.versionArn, image: .bytes(motoPhoto())))
        }
        #expect(error.code == "SignatureDoesNotMatch")
        #expect(error.httpStatus == 403)
        #expect(counter.count("DetectCustomLabels") == 1)
        #expect(error.message.en.contains("Rekognition DetectCustomLabels failed with SignatureDoesNotMatch (HTTP 403)"))
        #expect(error.message.en.contains("AWS_SECRET_ACCESS_KEY"))
        #expect(error.message.ja.contains("シークレットアクセスキー"))
        #expect(!"\(error) \(error.message.ja)".contains(wrongSecret))
    }

    @Test func unknownKeyIsReportedClearly() throws {
        let home = try TemporaryHome()
        let backend = try peer.backend(home: home, key: "AKIDUNKNOWN000000000", secret: "whatever-secret")
        let error = try #require(throws: AWSError.self) { try backend.describeProjects() }
        #expect(error.code == "InvalidClientTokenId")
        #expect(error.message.en.contains("access key id is not known"))
    }

    @Test func userWithoutPermissionIsDenied() throws {
        let home = try TemporaryHome()
        let backend = try peer.backend(home: home, key: peer.deniedAccessKeyId, secret: peer.deniedSecretAccessKey)
        let error = try #require(throws: AWSError.self) {
            try backend.detectCustomLabels(DetectCustomLabelsRequest(projectVersionArn: peer.versionArn, image: .bytes(motoPhoto())))
        }
        #expect(error.code == "AccessDenied")
        #expect(error.httpStatus == 403)
        #expect(error.message.en.contains("rekognition:DetectCustomLabels"))
        #expect(error.message.en.contains("docs/aws.md"))
        let s3Error = try #require(throws: AWSError.self) { try backend.getObject(bucket: peer.bucket, key: peer.summaryKey) }
        #expect(s3Error.code == "AccessDenied")
    }

    @Test func profileFromATemporaryHomeWorks() throws {
        let home = try TemporaryHome()
        try home.write(".aws/credentials", "[default]\naws_access_key_id = AKIDNOTTHIS\naws_secret_access_key = nope\n[class]\naws_access_key_id = \(peer.accessKeyId)\naws_secret_access_key = \(peer.secretAccessKey)\n")
        try home.write(".aws/config", "[profile class]\nregion = \(peer.region)\n")
        let backend = try AWSBackend(options: AWSOptions(profile: "class", endpointURL: peer.endpoint),
                                     environment: home.environment(), settings: MotoPeer.settings)
        let response = try backend.detectCustomLabels(DetectCustomLabelsRequest(projectVersionArn: peer.versionArn, image: .bytes(motoPhoto())))
        #expect(response.customLabels.first?.name == "MyLogo")
        #expect(backend.summary.en.contains("profile class"))
    }

    @Test func evaluationSummaryIsReadWithSignedGetObject() throws {
        let home = try TemporaryHome()
        let backend = try peer.backend(home: home)
        let summary = try backend.evaluationSummary(bucket: peer.bucket, key: peer.summaryKey)
        #expect(summary.labels.map(\.label) == ["あんぱん", "メロンパン", "焼きそばパン"])
        #expect(summary.labels.map(\.threshold) == [0.817, 0.862, 0.907])
        #expect(summary.testingImages == 3)
        // A key with a space, read back byte for byte.
        let photo = try backend.getObject(bucket: peer.bucket, key: peer.photoKey)
        #expect(photo == Array(try Data(contentsOf: URL(fileURLWithPath: peer.photoPath))))
        let missing = try #require(throws: AWSError.self) { try backend.getObject(bucket: peer.bucket, key: "no/such key.json") }
        #expect(missing.code == "NoSuchKey")
    }

    @Test func aRecordingFromMotoReadsBack() throws {
        let home = try TemporaryHome()
        let backend = try peer.backend(home: home)
        let dir = home.path + "/mock-responses"
        let result = try Recorder(backend: backend).record(
            photoPaths: [peer.photoPath, "s3://\(peer.bucket)/\(peer.photoKey)"], versionArn: peer.versionArn, directory: dir)
        // The S3 copy is the same photo for the same version: its recording replaces the local one's
        // file in place instead of making a second recording the mock would refuse.
        #expect(result.detectionFiles.count == 1)
        // moto has no DescribeProjects: the project file is skipped with a warning, not an error.
        #expect(result.projectFile == nil)
        #expect(result.warnings.count == 1)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: peer.photoPath)))
        for file in result.detectionFiles {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(!text.contains(peer.secretAccessKey))
            #expect(!text.contains(peer.accessKeyId))
            let root = try JSONParser.parse(text).cursor
            try root.rejectUnknownKeys(["Photo", "ProjectVersionArn", "CustomLabels"])
            let photo = try root.member("Photo")
            #expect(try photo.member("SHA256").string() == PhotoFingerprint.sha256(bytes))
            #expect(try photo.member("Width").int() == 96)
            #expect(try photo.member("Height").int() == 64)
            #expect(try ProjectVersionArn(root.member("ProjectVersionArn").string())?.account == "123456789012")
            let replayed = try DetectCustomLabelsResponse(json: root)
            #expect(replayed.customLabels.map(\.name) == ["MyLogo"])
            #expect(replayed.customLabels.first?.confidence == 77.7729721069336)
        }
        // As the warning says, the teacher adds the project file by hand; then the mock replays it.
        let placeholderArn = ArnSyntax.replacingAccounts(in: peer.versionArn)
        let arn = try #require(ProjectVersionArn(placeholderArn))
        try home.write("mock-responses/projects/\(arn.projectName).json", """
            {"ProjectName": "\(arn.projectName)",
             "ProjectArn": "\(arn.projectArn(creationMillis: 1690848000000))",
             "Versions": [{"VersionName": "\(arn.versionName)", "ProjectVersionArn": "\(placeholderArn)", "Status": "TRAINING_COMPLETED",
                           "Labels": [{"Name": "MyLogo", "AssumedThreshold": 0.5}]}]}
            """)
        let library = try RecordingLibrary.load(directory: dir)
        let recording = try #require(library.detection(sha256: PhotoFingerprint.sha256(bytes), versionArn: placeholderArn))
        #expect(recording.candidates.map(\.name) == ["MyLogo"])
        #expect(library.detections(versionArn: placeholderArn).count == 1)
    }
}

/// A small real photo: the client checks a photo against the service's limits before sending.
private func motoPhoto() -> [UInt8] {
    (try? Canvas(width: 64, height: 64, color: RGB(250, 250, 245)).photo.encodeJPEG()) ?? []
}
