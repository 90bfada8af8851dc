import CustomLabels
import Foundation
import PanyaTestSupport
import Testing
@testable import PanyaServer

/// CreateProject, CreateDataset, CreateProjectVersion and DeleteProjectVersion over the wire, with
/// the lesson's photos put into a bucket first (as a boto3 script would).
@Suite struct ModelBuildingTests {
    static let bucket = "bakery-bkt"

    /// The lesson's photos of `role` (`train`, `test`) with their boxes, as Ground Truth entries whose
    /// source-refs are `s3://bakery-bkt/<file>`.
    static func lessonEntries(role: String) throws -> [(file: String, entry: ManifestEntry)] {
        let text = try String(contentsOfFile: RepositoryRoot.file("lessons/photos/manifest.json"), encoding: .utf8)
        return try JSONParser.parse(text).cursor.member("Photos").elements().compactMap { photo in
            guard try photo.member("Role").string() == role else { return nil }
            let file = try photo.member("File").string()
            let boxes = try photo.member("Breads").elements().map {
                LabelledBox(label: try $0.member("Name").string(), box: try BoundingBox(json: $0.member("BoundingBox")))
            }
            return (file, ManifestEntry(sourceRef: "s3://\(bucket)/\(file)", imageWidth: try photo.member("Width").int(),
                                        imageHeight: try photo.member("Height").int(), boxes: boxes))
        }
    }

    /// Puts the bucket, the photos of both roles and `train.manifest`/`test.manifest` through S3.
    static func upload(_ fixture: ServerFixture, photos: Bool = true) throws {
        #expect(fixture.respond(ServerFixture.s3("PUT", "/\(bucket)")).status == 200)
        for role in ["train", "test"] {
            let entries = try lessonEntries(role: role)
            if photos {
                for (file, _) in entries {
                    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: RepositoryRoot.file("lessons/photos/" + file))))
                    #expect(fixture.respond(ServerFixture.s3("PUT", "/\(bucket)/\(file)", body: bytes)).status == 200)
                }
            }
            let manifest = ManifestWriter.write(entries.map(\.entry), labels: [])
            #expect(fixture.respond(ServerFixture.s3("PUT", "/\(bucket)/manifests/\(role).manifest", body: Array(manifest.utf8))).status == 200)
        }
    }

    static func call(_ fixture: ServerFixture, _ operation: String, _ body: JSONValue) throws -> (status: Int, json: JSONValue, type: String?) {
        let response = fixture.respond(ServerFixture.rekognition(operation, JSONPrinter.compact(body)))
        return (response.status, try JSONParser.value(response.bodyText), response.errorType)
    }

    static func datasetBody(_ projectArn: String, _ type: String, key: String) -> JSONValue {
        .object(["ProjectArn": .string(projectArn), "DatasetType": .string(type),
                 "DatasetSource": .object(["GroundTruthManifest": .object(["S3Object": .object(["Bucket": .string(bucket), "Name": .string(key)])])])])
    }

    static func createProject(_ fixture: ServerFixture, _ name: String) throws -> String {
        let created = try call(fixture, "CreateProject", .object(["ProjectName": .string(name)]))
        #expect(created.status == 200)
        return try #require(created.json["ProjectArn"]?.stringValue)
    }

    @Test func aModelIsBuiltStartedUsedAndDeletedOverTheWire() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        try Self.upload(fixture)
        let projectArn = try Self.createProject(fixture, "bakery-ai")
        #expect(ProjectArn(projectArn)?.projectName == "bakery-ai")

        let train = try Self.call(fixture, "CreateDataset", Self.datasetBody(projectArn, "TRAIN", key: "manifests/train.manifest"))
        #expect(train.status == 200)
        let trainArn = try #require(train.json["DatasetArn"]?.stringValue)
        #expect(trainArn.hasPrefix("arn:aws:rekognition:ap-northeast-1:123456789012:project/bakery-ai/dataset/train/"))
        #expect(Int64(trainArn.split(separator: "/").last ?? "") != nil)
        let test = try Self.call(fixture, "CreateDataset", Self.datasetBody(projectArn, "TEST", key: "manifests/test.manifest"))
        #expect(test.json["DatasetArn"]?.stringValue?.contains("/dataset/test/") == true)
        // A second TRAIN dataset is refused as the service does.
        #expect(try Self.call(fixture, "CreateDataset", Self.datasetBody(projectArn, "TRAIN", key: "manifests/train.manifest")).type == "ResourceAlreadyExistsException")

        let created = try Self.call(fixture, "CreateProjectVersion", .object([
            "ProjectArn": .string(projectArn), "VersionName": .string("v1"),
            "OutputConfig": .object(["S3Bucket": .string(Self.bucket), "S3KeyPrefix": .string("output")]),
        ]))
        #expect(created.status == 200)
        let versionArn = try #require(created.json["ProjectVersionArn"]?.stringValue)
        #expect(ProjectVersionArn(versionArn)?.versionName == "v1")
        let describe: JSONValue = .object(["ProjectArn": .string(projectArn), "VersionNames": .array([.string("v1")])])
        let training = try Self.call(fixture, "DescribeProjectVersions", describe).json["ProjectVersionDescriptions"]?[0]
        #expect(training?["Status"]?.stringValue == "TRAINING_IN_PROGRESS")
        #expect(training?["EvaluationResult"] == nil)
        #expect(training?["OutputConfig"]?["S3KeyPrefix"]?.stringValue == "output")
        // Deleting while training is refused.
        #expect(try Self.call(fixture, "DeleteProjectVersion", .object(["ProjectVersionArn": .string(versionArn)])).type == "ResourceInUseException")

        #expect(try fixture.server.gate.run { try $0.waitUntilStable(arn: versionArn) { _ in } } == .trainingCompleted)
        let trained = try #require(try Self.call(fixture, "DescribeProjectVersions", describe).json["ProjectVersionDescriptions"]?[0])
        #expect(trained["Status"]?.stringValue == "TRAINING_COMPLETED")
        #expect(trained["OutputConfig"] == .object(["S3Bucket": .string(Self.bucket), "S3KeyPrefix": .string("output")]))
        let summaryKey = "output/EvaluationSummary-bakery-ai-v1.json"
        #expect(trained["EvaluationResult"]?["Summary"]?["S3Object"] == .object(["Bucket": .string(Self.bucket), "Name": .string(summaryKey)]))
        #expect(trained["EvaluationResult"]?["F1Score"]?.doubleValue != nil)
        let summary = fixture.respond(ServerFixture.s3("GET", "/\(Self.bucket)/\(summaryKey)"))
        #expect(summary.status == 200)
        let summaryFile = try EvaluationSummaryFile(text: summary.bodyText)
        #expect(summaryFile.numberOfTrainingImages == 30)
        #expect(summaryFile.numberOfTestingImages == (try Self.lessonEntries(role: "test")).count)

        #expect(try Self.call(fixture, "StartProjectVersion", .object(["ProjectVersionArn": .string(versionArn), "MinInferenceUnits": .int(1)])).status == 200)
        _ = try fixture.server.gate.run { try $0.advance(seconds: 300) }
        let detect = try Self.call(fixture, "DetectCustomLabels", .object([
            "ProjectVersionArn": .string(versionArn), "Image": .object(["Bytes": .string(Data(ServerFixture.photo).base64EncodedString())]),
        ]))
        #expect(detect.status == 200)
        let names = Set(detect.json["CustomLabels"]?.arrayValue?.compactMap { $0["Name"]?.stringValue } ?? [])
        #expect(!names.isEmpty)
        #expect(names.isSubset(of: ["あんぱん", "メロンパン", "焼きそばパン"]))
        // Deleting a running model is refused.
        let running = try Self.call(fixture, "DeleteProjectVersion", .object(["ProjectVersionArn": .string(versionArn)]))
        #expect(running.status == 400)
        #expect(running.type == "ResourceInUseException")

        #expect(try Self.call(fixture, "StopProjectVersion", .object(["ProjectVersionArn": .string(versionArn)])).json["Status"]?.stringValue == "STOPPING")
        _ = try fixture.server.gate.run { try $0.advance(seconds: 60) }
        let deleted = try Self.call(fixture, "DeleteProjectVersion", .object(["ProjectVersionArn": .string(versionArn)]))
        #expect(deleted.status == 200)
        #expect(deleted.json == .object(["Status": .string("DELETING")]))
        #expect(try Self.call(fixture, "DescribeProjectVersions", describe).json["ProjectVersionDescriptions"] == .array([]))
        #expect(try Self.call(fixture, "DeleteProjectVersion", .object(["ProjectVersionArn": .string(versionArn)])).type == "ResourceNotFoundException")
    }

    @Test func aTakenProjectNameIsInUse() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        _ = try Self.createProject(fixture, "bakery-ai")
        let again = try Self.call(fixture, "CreateProject", .object(["ProjectName": .string("bakery-ai")]))
        #expect(again.status == 400)
        #expect(again.type == "ResourceInUseException")
        // A recorded project's name is taken too, and a name off the pattern is a ValidationException.
        #expect(try Self.call(fixture, "CreateProject", .object(["ProjectName": .string("verification001")])).type == "ResourceInUseException")
        #expect(try Self.call(fixture, "CreateProject", .object(["ProjectName": .string("パン")])).type == "ValidationException")
        #expect(try Self.call(fixture, "CreateProject", .object([:])).type == "ValidationException")
    }

    @Test func aBadManifestLineIsNamedAndNothingIsCreated() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        try Self.upload(fixture)
        let projectArn = try Self.createProject(fixture, "bakery-ai")
        var lines = ManifestWriter.write(try Self.lessonEntries(role: "train").map(\.entry), labels: []).split(separator: "\n").map(String.init)
        lines[1] = "{not json"
        let bad = lines.joined(separator: "\n") + "\n"
        #expect(fixture.respond(ServerFixture.s3("PUT", "/\(Self.bucket)/manifests/bad.manifest", body: Array(bad.utf8))).status == 200)
        let answer = try Self.call(fixture, "CreateDataset", Self.datasetBody(projectArn, "TRAIN", key: "manifests/bad.manifest"))
        #expect(answer.status == 400)
        #expect(answer.type == "InvalidParameterException")
        #expect(answer.json["Message"]?.stringValue?.contains("line 2") == true)
        // Nothing was created: the good manifest still goes in.
        #expect(try Self.call(fixture, "CreateDataset", Self.datasetBody(projectArn, "TRAIN", key: "manifests/train.manifest")).status == 200)
    }

    @Test func aManifestPhotoMissingFromTheBucketIsAnInvalidS3Object() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        try Self.upload(fixture, photos: false)
        let projectArn = try Self.createProject(fixture, "bakery-ai")
        let answer = try Self.call(fixture, "CreateDataset", Self.datasetBody(projectArn, "TEST", key: "manifests/test.manifest"))
        #expect(answer.status == 400)
        #expect(answer.type == "InvalidS3ObjectException")
        // So is a manifest that is not there.
        #expect(try Self.call(fixture, "CreateDataset", Self.datasetBody(projectArn, "TEST", key: "manifests/none.manifest")).type == "InvalidS3ObjectException")
    }

    @Test func datasetTypeAndSourceAreChecked() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        let projectArn = try Self.createProject(fixture, "bakery-ai")
        let unknown = try Self.call(fixture, "CreateDataset", Self.datasetBody(projectArn, "VALIDATION", key: "x.manifest"))
        #expect(unknown.type == "ValidationException")
        #expect(unknown.json["Message"]?.stringValue == "1 validation error detected: Value 'VALIDATION' at 'datasetType' failed to satisfy constraint: Member must satisfy enum value set: [TRAIN, TEST]")
        let copy = try Self.call(fixture, "CreateDataset", .object(["ProjectArn": .string(projectArn), "DatasetType": .string("TEST"),
                                                                    "DatasetSource": .object(["DatasetArn": .string("arn:aws:rekognition:ap-northeast-1:123456789012:project/bakery-ai/dataset/train/1")])]))
        #expect(copy.type == "InvalidParameterException")
        let elsewhere = "arn:aws:rekognition:ap-northeast-1:123456789012:project/nobody/1690848000000"
        #expect(try Self.call(fixture, "CreateDataset", Self.datasetBody(elsewhere, "TEST", key: "x.manifest")).type == "ResourceNotFoundException")
    }

    @Test func aRecordedVersionIsNotDeleted() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        let answer = try Self.call(fixture, "DeleteProjectVersion", .object(["ProjectVersionArn": .string(ServerFixture.versionArn)]))
        #expect(answer.status == 400)
        #expect(answer.type == "InvalidParameterException")
        #expect(answer.json["Message"]?.stringValue == "The project version \(ServerFixture.versionArn) cannot be deleted.")
        // Why is panya's explanation, for the server's log.
        let response = fixture.respond(ServerFixture.rekognition("DeleteProjectVersion", #"{"ProjectVersionArn":"\#(ServerFixture.versionArn)"}"#))
        #expect(response.detail?.contains("recorded version") == true)
        // It is still there.
        let versions = try Self.call(fixture, "DescribeProjectVersions", .object(["ProjectArn": .string(ServerFixture.projectArn)]))
        #expect(versions.json["ProjectVersionDescriptions"]?.arrayValue?.contains { $0["ProjectVersionArn"]?.stringValue == ServerFixture.versionArn } == true)
    }

    @Test func aVersionNeedsAnOutputBucketThatExists() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        let projectArn = try Self.createProject(fixture, "bakery-ai")
        let answer = try Self.call(fixture, "CreateProjectVersion", .object([
            "ProjectArn": .string(projectArn), "VersionName": .string("v1"),
            "OutputConfig": .object(["S3Bucket": .string("no-such-bkt"), "S3KeyPrefix": .string("out/")]),
        ]))
        #expect(answer.type == "InvalidParameterException")
        #expect(try Self.call(fixture, "CreateProjectVersion", .object(["ProjectArn": .string(projectArn), "VersionName": .string("v1")])).type == "ValidationException")
    }
}

private extension JSONValue {
    /// The elements when this is an array.
    var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The element at `index` when this is an array that long.
    subscript(index: Int) -> JSONValue? {
        guard let elements = arrayValue, elements.indices.contains(index) else { return nil }
        return elements[index]
    }
}
