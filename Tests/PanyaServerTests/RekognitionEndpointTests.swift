import CustomLabels
import Foundation
import Testing
@testable import PanyaServer

@Suite struct RekognitionEndpointTests {
    func detectBody(minConfidence: Double? = nil) -> String {
        var object: JSONObject = ["ProjectVersionArn": .string(ServerFixture.versionArn),
                                  "Image": .object(["Bytes": .string(Data(ServerFixture.photo).base64EncodedString())])]
        object.append("MinConfidence", minConfidence.map(JSONValue.double))
        return JSONPrinter.compact(.object(object))
    }

    @Test(arguments: [(nil, ["メロンパン"]), (80.0, ["焼きそばパン", "メロンパン"]), (75.0, ["焼きそばパン", "メロンパン", "あんぱん"])] as [(Double?, [String])])
    func detectGivesTheSeedsAnswers(minConfidence: Double?, names: [String]) throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        try fixture.startModel()
        let response = fixture.respond(ServerFixture.rekognition("DetectCustomLabels", detectBody(minConfidence: minConfidence)))
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/x-amz-json-1.1")
        let body = try JSONParser.parse(response.bodyText).cursor
        let got = try DetectCustomLabelsResponse(json: body).customLabels.map(\.name)
        #expect(got == names)
        // The wire body is the backend's answer through the project's encoder.
        let direct = try fixture.server.gate.run { backend in
            try backend.detectCustomLabels(DetectCustomLabelsRequest(projectVersionArn: ServerFixture.versionArn, image: .bytes(ServerFixture.photo),
                                                                     minConfidence: minConfidence))
        }
        #expect(response.bodyText == JSONPrinter.compact(direct.jsonValue))
    }

    @Test func detectFromAnS3ObjectPutThroughS3() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        try fixture.startModel()
        #expect(fixture.respond(ServerFixture.s3("PUT", "/chekimagebkt")).status == 200)
        #expect(fixture.respond(ServerFixture.s3("PUT", "/chekimagebkt/check/breads3.jpg", body: ServerFixture.photo)).status == 200)
        let body = #"{"ProjectVersionArn":"\#(ServerFixture.versionArn)","Image":{"S3Object":{"Bucket":"chekimagebkt","Name":"check/breads3.jpg"}},"MinConfidence":75}"#
        let response = fixture.respond(ServerFixture.rekognition("DetectCustomLabels", body))
        #expect(response.status == 200)
        #expect(response.bodyText.hasPrefix(#"{"CustomLabels":[{"Name":"焼きそばパン","Confidence":90.44999694824219,"Geometry":{"BoundingBox":{"Width":0.41152000427246094,"#))
    }

    @Test func aStoppedModelIsNotReady() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        let response = fixture.respond(ServerFixture.rekognition("DetectCustomLabels", detectBody()))
        #expect(response.status == 400)
        #expect(response.errorType == "ResourceNotReadyException")
        #expect(response.header("x-amzn-ErrorType") == "ResourceNotReadyException")
        #expect(response.bodyText == #"{"__type":"ResourceNotReadyException","Message":"ProjectVersion \#(ServerFixture.versionArn) is not ready. Current status: TRAINING_COMPLETED"}"#)
    }

    @Test(arguments: [
        ("DetectCustomLabels", #"{"ProjectVersionArn": "#, "SerializationException"),
        ("DetectCustomLabels", #"[1, 2]"#, "SerializationException"),
        ("DetectCustomLabels", #"{"ProjectVersionArn": 12, "Image": {}}"#, "SerializationException"),
        ("DetectCustomLabels", #"{"Image": {"Bytes": "AAAA"}}"#, "ValidationException"),
        ("StartProjectVersion", #"{"ProjectVersionArn": "x"}"#, "ValidationException"),
        ("StartProjectVersion", #"{"ProjectVersionArn": "arn:nope", "MinInferenceUnits": 1}"#, "ValidationException"),
        ("DescribeProjectVersions", #"{}"#, "ValidationException"),
        ("DetectText", #"{}"#, "UnknownOperationException"),
    ])
    func protocolErrors(operation: String, body: String, code: String) throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        let response = fixture.respond(ServerFixture.rekognition(operation, body))
        #expect(response.status == 400)
        #expect(response.errorType == code)
        #expect(response.errorCode == code)
    }

    @Test func aMissingMemberIsWordedAsTheService() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        let response = fixture.respond(ServerFixture.rekognition("DetectCustomLabels", #"{"Image": {"Bytes": "AAAA"}}"#))
        #expect(response.bodyText == #"{"__type":"ValidationException","Message":"1 validation error detected: Value null at 'projectVersionArn' failed to satisfy constraint: Member must not be null"}"#)
    }

    @Test func imageBytesOverFourMegabytesAreTooLarge() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        try fixture.startModel()
        let big = Data(ServerFixture.photo + [UInt8](repeating: 0, count: 4 * 1024 * 1024)).base64EncodedString()
        let body = #"{"ProjectVersionArn":"\#(ServerFixture.versionArn)","Image":{"Bytes":"\#(big)"}}"#
        let response = fixture.respond(ServerFixture.rekognition("DetectCustomLabels", body))
        #expect(response.status == 400)
        #expect(response.errorType == "ImageTooLargeException")
    }

    @Test func lifecycleThroughTheWire() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        let start = fixture.respond(ServerFixture.rekognition("StartProjectVersion", #"{"ProjectVersionArn":"\#(ServerFixture.versionArn)","MinInferenceUnits":1}"#))
        #expect(start.bodyText == #"{"Status":"STARTING"}"#)
        let again = fixture.respond(ServerFixture.rekognition("StartProjectVersion", #"{"ProjectVersionArn":"\#(ServerFixture.versionArn)","MinInferenceUnits":1}"#))
        #expect(again.errorType == "ResourceInUseException")
        _ = try fixture.server.gate.run { try $0.advance(seconds: 300) }
        let describe = fixture.respond(ServerFixture.rekognition("DescribeProjectVersions", #"{"ProjectArn":"\#(ServerFixture.projectArn)"}"#))
        let versions = try DescribeProjectVersionsPage(json: JSONParser.parse(describe.bodyText).cursor).versions
        #expect(versions.map(\.status) == [.running])
        #expect(versions.first?.minInferenceUnits == 1)
        let stop = fixture.respond(ServerFixture.rekognition("StopProjectVersion", #"{"ProjectVersionArn":"\#(ServerFixture.versionArn)"}"#))
        #expect(stop.bodyText == #"{"Status":"STOPPING"}"#)
        let projects = fixture.respond(ServerFixture.rekognition("DescribeProjects", "{}"))
        #expect(projects.bodyText.hasPrefix(#"{"ProjectDescriptions":[{"ProjectArn":"\#(ServerFixture.projectArn)""#))
    }

    @Test func theRealClockMovesStartingAlong() async throws {
        // 3000× the wall clock: STARTING's 5 simulated minutes take 0.1 s.
        let fixture = try ServerFixture(clock: .real(scale: 3000))
        defer { fixture.removeBuckets() }
        _ = fixture.respond(ServerFixture.rekognition("StartProjectVersion", #"{"ProjectVersionArn":"\#(ServerFixture.versionArn)","MinInferenceUnits":1}"#))
        try await Task.sleep(for: .milliseconds(300))
        let describe = fixture.respond(ServerFixture.rekognition("DescribeProjectVersions", #"{"ProjectArn":"\#(ServerFixture.projectArn)"}"#))
        #expect(describe.bodyText.contains(#""Status":"RUNNING""#))
    }

    @Test func everyOperationIsRegisteredOnce() {
        let names = RekognitionOperations.all.map(\.name)
        #expect(names == ["DetectCustomLabels", "DescribeProjects", "DescribeProjectVersions", "StartProjectVersion", "StopProjectVersion",
                           "CreateProject", "CreateDataset", "CreateProjectVersion", "DeleteProjectVersion", "DeleteProject",
                           "DescribeDataset", "DeleteDataset", "ListDatasetEntries", "ListDatasetLabels", "UpdateDatasetEntries",
                           "DistributeDatasetEntries", "CopyProjectVersion", "PutProjectPolicy", "ListProjectPolicies",
                           "DeleteProjectPolicy", "TagResource", "UntagResource", "ListTagsForResource"])
        #expect(RekognitionOperations.named("DetectText") == nil)
    }
}
