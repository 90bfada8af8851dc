import CustomLabels
import Foundation
import MockBackend
import Testing
import Workbench
@testable import PanyaServer

/// What goes on the wire is worded for programs: the service's words, no shell commands.
@Suite struct ServiceWordingTests {
    @Test func aProjectThatExistsIsSaidWithoutShellHints() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        _ = fixture.respond(ServerFixture.rekognition("CreateProject", #"{"ProjectName":"bakery"}"#))
        let again = fixture.respond(ServerFixture.rekognition("CreateProject", #"{"ProjectName":"bakery"}"#))
        #expect(again.errorType == "ResourceInUseException")
        #expect(again.bodyText == #"{"__type":"ResourceInUseException","Message":"The project bakery already exists."}"#)
        // The shell keeps its hint.
        #expect(WorkbenchError.projectExists("bakery").message.en.contains("project use bakery"))
    }

    @Test func noTrainingErrorOnTheWireNamesAShellCommand() {
        let workbench: [WorkbenchError] = [.noProject, .unknownProject("p", known: ["q"]), .invalidProjectName("a b"), .projectExists("p"),
                                           .noDataset(project: "p", kind: .training), .datasetExists(project: "p", kind: .test),
                                           .photoNotInDataset(path: "x.jpg", project: "p"), .photoNotInThisDataset(path: "x.jpg", kind: .test),
                                           .unknownLabel("l", known: []), .notALabel("l", known: ["m"]),
                                           .noSuchBox(number: 2, count: 1, path: "x.jpg"), .boxOffPhoto(path: "x.jpg")]
        let training: [TrainingError] = [.photoChanged(path: "x.jpg"), .versionExists("v"), .versionMadeMeanwhile("v"), .recordedVersion("arn"),
                                         .outputBucketMissing("b")]
        let errors: [any ServiceWordedError] = workbench.map { $0 } + training.map { $0 }
        for error in errors {
            #expect(!error.serviceMessage.contains("`"), "\(error.serviceMessage)")
        }
    }

    @Test func aBadVersionNameIsNamedVersionName() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        let created = fixture.respond(ServerFixture.rekognition("CreateProject", #"{"ProjectName":"bakery"}"#))
        let projectArn = try #require(try JSONParser.value(created.bodyText)["ProjectArn"]?.stringValue)
        _ = fixture.respond(ServerFixture.s3("PUT", "/out"))
        let response = fixture.respond(ServerFixture.rekognition("CreateProjectVersion",
            #"{"ProjectArn":"\#(projectArn)","VersionName":"v 1/x","OutputConfig":{"S3Bucket":"out","S3KeyPrefix":"p"}}"#))
        #expect(response.errorType == "ValidationException")
        #expect(response.bodyText.contains("Value 'v 1/x' at 'versionName' failed to satisfy constraint"))
        #expect(!response.bodyText.contains("projectVersionArn"))
    }

    @Test(arguments: [
        (#"{"ProjectVersionArn": "#, "Unexpected character"),
        (#"{"ProjectVersionArn": 12, "Image": {}}"#, "Member 'ProjectVersionArn' has the wrong type: expected a string, found a number"),
        (#"[1, 2]"#, "Start of a list found where not expected"),
    ])
    func serializationErrorsSayWhatIsWrong(body: String, message: String) throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        let response = fixture.respond(ServerFixture.rekognition("DetectCustomLabels", body))
        #expect(response.errorType == "SerializationException")
        #expect(response.bodyText.contains(message), "\(response.bodyText)")
    }

    @Test func aRecordedProjectIsFoundByCreateProjectVersion() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        _ = fixture.respond(ServerFixture.s3("PUT", "/out"))
        let response = fixture.respond(ServerFixture.rekognition("CreateProjectVersion",
            #"{"ProjectArn":"\#(ServerFixture.projectArn)","VersionName":"v2","OutputConfig":{"S3Bucket":"out","S3KeyPrefix":"p"}}"#))
        #expect(response.status == 200, "\(response.bodyText)")
        let arn = try #require(try JSONParser.value(response.bodyText)["ProjectVersionArn"]?.stringValue)
        #expect(arn.hasPrefix("arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/v2/"))
        // DescribeProjects still lists the project once, and its versions include the new one.
        let projects = fixture.respond(ServerFixture.rekognition("DescribeProjects", "{}"))
        #expect(projects.bodyText.components(separatedBy: "verification001").count == 2)
        let versions = fixture.respond(ServerFixture.rekognition("DescribeProjectVersions", #"{"ProjectArn":"\#(ServerFixture.projectArn)"}"#))
        #expect(versions.bodyText.contains(arn))
    }

    @Test func aModelOfAnotherRegionIsNotFoundThere() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        try fixture.startModel()
        let other = ServerFixture.versionArn.replacingOccurrences(of: "ap-northeast-1", with: "us-west-2")
        let body = #"{"ProjectVersionArn":"\#(other)","Image":{"S3Object":{"Bucket":"b","Name":"k.jpg"}}}"#
        let response = fixture.respond(ServerFixture.rekognition("DetectCustomLabels", body))
        #expect(response.errorType == "ResourceNotFoundException")
        #expect(response.bodyText == #"{"__type":"ResourceNotFoundException","Message":"The resource \#(other) could not be found."}"#)
        // The shell's backend says why, in both languages.
        let error = try #require(throws: ServiceError.self) {
            try fixture.server.gate.run { try $0.startProjectVersion(arn: other, minInferenceUnits: 1, maxInferenceUnits: nil) }
        }
        #expect(error.message.en.contains("us-west-2") && error.message.en.contains("ap-northeast-1"))
        #expect(error.message.ja.contains("リージョン"))
    }

    @Test func anOutputPrefixThatClimbsOutOfTheBucketIsRefusedBeforeAnythingIsWritten() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        _ = fixture.respond(ServerFixture.s3("PUT", "/out"))
        let before = try FileManager.default.subpathsOfDirectory(atPath: fixture.s3Root)
        let response = fixture.respond(ServerFixture.rekognition("CreateProjectVersion",
            #"{"ProjectArn":"\#(ServerFixture.projectArn)","VersionName":"v3","OutputConfig":{"S3Bucket":"out","S3KeyPrefix":"../../../out"}}"#))
        #expect(response.errorType == "ValidationException")
        #expect(response.bodyText.contains("outputConfig.s3KeyPrefix"))
        #expect(try FileManager.default.subpathsOfDirectory(atPath: fixture.s3Root) == before)
        let versions = fixture.respond(ServerFixture.rekognition("DescribeProjectVersions", #"{"ProjectArn":"\#(ServerFixture.projectArn)"}"#))
        #expect(!versions.bodyText.contains("/v3/"))
    }
}
