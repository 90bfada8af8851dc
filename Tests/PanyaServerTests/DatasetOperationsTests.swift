import CustomLabels
import Foundation
import PanyaTestSupport
import Testing
@testable import PanyaServer

/// The dataset, project, copy, policy and tag operations over the wire, on the store the shell uses.
@Suite struct DatasetOperationsTests {
    typealias Call = ModelBuildingTests

    static func manifest(role: String) throws -> String {
        ManifestWriter.write(try ModelBuildingTests.lessonEntries(role: role).map(\.entry), labels: [])
    }

    @Test func anEmptyDatasetIsFilledDescribedListedDistributedAndDeleted() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        try ModelBuildingTests.upload(fixture)
        let projectArn = try Call.createProject(fixture, "bakery")
        let train = try Call.call(fixture, "CreateDataset", .object(["ProjectArn": .string(projectArn), "DatasetType": .string("TRAIN")]))
        let trainArn = try #require(train.json["DatasetArn"]?.stringValue)
        let test = try Call.call(fixture, "CreateDataset", .object(["ProjectArn": .string(projectArn), "DatasetType": .string("TEST")]))
        let testArn = try #require(test.json["DatasetArn"]?.stringValue)
        #expect(DatasetArn(trainArn)?.kind == .training && DatasetArn(testArn)?.kind == .test)

        // DescribeProjects lists the project's datasets (how a client retraining in place finds their ARNs).
        let listed = fixture.respond(ServerFixture.rekognition("DescribeProjects", #"{"ProjectNames":["bakery"]}"#))
        #expect(listed.bodyText.contains(#""DatasetType":"TRAIN","DatasetArn":"\#(trainArn)","Status":"CREATE_COMPLETE""#), "\(listed.bodyText)")
        #expect(listed.bodyText.contains(#""DatasetType":"TEST","DatasetArn":"\#(testArn)""#))
        let empty = try Call.call(fixture, "DescribeDataset", .object(["DatasetArn": .string(trainArn)]))
        #expect(empty.json["DatasetDescription"]?["DatasetStats"]?["TotalEntries"] == .int(0))

        let groundTruth = Data(try Self.manifest(role: "train").utf8).base64EncodedString()
        let update = try Call.call(fixture, "UpdateDatasetEntries", .object(["DatasetArn": .string(trainArn),
                                                                             "Changes": .object(["GroundTruth": .string(groundTruth)])]))
        #expect(update.status == 200 && update.json == .object([:]))
        let count = try ModelBuildingTests.lessonEntries(role: "train").count
        let described = try Call.call(fixture, "DescribeDataset", .object(["DatasetArn": .string(trainArn)]))
        let stats = described.json["DatasetDescription"]?["DatasetStats"]
        #expect(stats?["TotalEntries"] == .int(count) && stats?["LabeledEntries"] == .int(count) && stats?["TotalLabels"] == .int(3))
        #expect(described.json["DatasetDescription"]?["Status"]?.stringValue == "CREATE_COMPLETE")

        let entries = try Call.call(fixture, "ListDatasetEntries", .object(["DatasetArn": .string(trainArn), "MaxResults": .int(5)]))
        let lines = try #require(entries.json["DatasetEntries"])
        guard case .array(let items) = lines else { Issue.record("no entries"); return }
        #expect(items.count == 5)
        #expect(items.first?.stringValue?.contains(#""source-ref":"s3://bakery-bkt/"#) == true)
        #expect(entries.json["NextToken"]?.stringValue != nil)
        let filtered = try Call.call(fixture, "ListDatasetEntries", .object(["DatasetArn": .string(trainArn), "SourceRefContains": .string("no-such-photo")]))
        #expect(filtered.json["DatasetEntries"] == .array([]))

        let labels = try Call.call(fixture, "ListDatasetLabels", .object(["DatasetArn": .string(trainArn)]))
        guard case .array(let labelItems)? = labels.json["DatasetLabelDescriptions"] else { Issue.record("no labels"); return }
        #expect(Set(labelItems.compactMap { $0["LabelName"]?.stringValue }) == ["あんぱん", "メロンパン", "焼きそばパン"])

        let distribute = try Call.call(fixture, "DistributeDatasetEntries", .object(["Datasets": .array([
            .object(["Arn": .string(trainArn)]), .object(["Arn": .string(testArn)])])]))
        #expect(distribute.status == 200)
        let moved = try Call.call(fixture, "DescribeDataset", .object(["DatasetArn": .string(testArn)]))
        #expect(moved.json["DatasetDescription"]?["DatasetStats"]?["TotalEntries"] == .int(count / 5))

        #expect(try Call.call(fixture, "DeleteDataset", .object(["DatasetArn": .string(testArn)])).status == 200)
        #expect(try Call.call(fixture, "DescribeDataset", .object(["DatasetArn": .string(testArn)])).type == "ResourceNotFoundException")
        #expect(try Call.call(fixture, "DescribeDataset", .object(["DatasetArn": .string("arn:nope")])).type == "ValidationException")
        let deleted = try Call.call(fixture, "DeleteProject", .object(["ProjectArn": .string(projectArn)]))
        #expect(deleted.json == .object(["Status": .string("DELETING")]))
        #expect(try Call.call(fixture, "DescribeDataset", .object(["DatasetArn": .string(trainArn)])).type == "ResourceNotFoundException")
        #expect(try Call.call(fixture, "DeleteProject", .object(["ProjectArn": .string(projectArn)])).type == "ResourceNotFoundException")
    }

    @Test func aProjectWithVersionsIsInUse() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        let response = try Call.call(fixture, "DeleteProject", .object(["ProjectArn": .string(ServerFixture.projectArn)]))
        #expect(response.type == "ResourceInUseException")
    }

    @Test func aTrainedVersionIsCopiedIntoAnotherProject() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        try ModelBuildingTests.upload(fixture)
        let projectArn = try Call.createProject(fixture, "bakery")
        for type in ["TRAIN", "TEST"] {
            _ = try Call.call(fixture, "CreateDataset", Call.datasetBody(projectArn, type, key: "manifests/\(type == "TRAIN" ? "train" : "test").manifest"))
        }
        let output: JSONValue = .object(["S3Bucket": .string(ModelBuildingTests.bucket), "S3KeyPrefix": .string("out")])
        let trained = try Call.call(fixture, "CreateProjectVersion", .object(["ProjectArn": .string(projectArn), "VersionName": .string("v1"), "OutputConfig": output]))
        let versionArn = try #require(trained.json["ProjectVersionArn"]?.stringValue)
        let target = try Call.createProject(fixture, "bakery-copy")
        let body: JSONValue = .object(["SourceProjectArn": .string(projectArn), "SourceProjectVersionArn": .string(versionArn),
                                       "DestinationProjectArn": .string(target), "VersionName": .string("v1-copy"), "OutputConfig": output,
                                       "Tags": .object(["class": .string("2-A")])])
        // Still training: the copy waits for it.
        #expect(try Call.call(fixture, "CopyProjectVersion", body).type == "ResourceInUseException")
        _ = try fixture.server.gate.run { try $0.advance(seconds: 24 * 3600) }
        let copied = try Call.call(fixture, "CopyProjectVersion", body)
        let copyArn = try #require(copied.json["ProjectVersionArn"]?.stringValue, "\(copied.json)")
        #expect(copyArn.contains("project/bakery-copy/version/v1-copy/"))
        let tags = try Call.call(fixture, "ListTagsForResource", .object(["ResourceArn": .string(copyArn)]))
        #expect(tags.json == .object(["Tags": .object(["class": .string("2-A")])]))
        let recorded: JSONValue = .object(["SourceProjectArn": .string(ServerFixture.projectArn), "SourceProjectVersionArn": .string(ServerFixture.versionArn),
                                           "DestinationProjectArn": .string(target), "VersionName": .string("v2"), "OutputConfig": output])
        #expect(try Call.call(fixture, "CopyProjectVersion", recorded).type == "InvalidParameterException")
    }

    @Test func tagsAreSetListedAndRemoved() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        let arn: JSONValue = .string(ServerFixture.versionArn)
        #expect(try Call.call(fixture, "TagResource", .object(["ResourceArn": arn, "Tags": .object(["b": .string("2"), "a": .string("1")])])).status == 200)
        #expect(try Call.call(fixture, "ListTagsForResource", .object(["ResourceArn": arn])).json == .object(["Tags": .object(["a": .string("1"), "b": .string("2")])]))
        #expect(try Call.call(fixture, "UntagResource", .object(["ResourceArn": arn, "TagKeys": .array([.string("a")])])).status == 200)
        #expect(try Call.call(fixture, "ListTagsForResource", .object(["ResourceArn": arn])).json == .object(["Tags": .object(["b": .string("2")])]))
        #expect(try Call.call(fixture, "TagResource", .object(["ResourceArn": arn, "Tags": .object(["aws:x": .string("1")])])).type == "ValidationException")
        let missing = ServerFixture.versionArn.replacingOccurrences(of: "1690851600000", with: "1")
        #expect(try Call.call(fixture, "ListTagsForResource", .object(["ResourceArn": .string(missing)])).type == "ResourceNotFoundException")
    }

    @Test func projectPoliciesHaveRevisions() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        let project: JSONValue = .string(ServerFixture.projectArn)
        let document: JSONValue = .string(#"{"Version":"2012-10-17","Statement":[]}"#)
        let put = try Call.call(fixture, "PutProjectPolicy", .object(["ProjectArn": project, "PolicyName": .string("share"), "PolicyDocument": document]))
        let revision = try #require(put.json["PolicyRevisionId"]?.stringValue)
        #expect(try Call.call(fixture, "PutProjectPolicy", .object(["ProjectArn": project, "PolicyName": .string("share"), "PolicyDocument": document])).type
                == "ResourceAlreadyExistsException")
        #expect(try Call.call(fixture, "PutProjectPolicy", .object(["ProjectArn": project, "PolicyName": .string("share"), "PolicyDocument": document,
                                                                    "PolicyRevisionId": .string("ab")])).type == "InvalidPolicyRevisionIdException")
        #expect(try Call.call(fixture, "PutProjectPolicy", .object(["ProjectArn": project, "PolicyName": .string("x"), "PolicyDocument": .string("not json")])).type
                == "MalformedPolicyDocumentException")
        let listed = try Call.call(fixture, "ListProjectPolicies", .object(["ProjectArn": project]))
        guard case .array(let policies)? = listed.json["ProjectPolicies"] else { Issue.record("no policies"); return }
        #expect(policies.count == 1 && policies.first?["PolicyRevisionId"]?.stringValue == revision)
        #expect(try Call.call(fixture, "ListProjectPolicies", .object(["ProjectArn": project, "MaxResults": .int(6)])).type == "ValidationException")
        #expect(try Call.call(fixture, "DeleteProjectPolicy", .object(["ProjectArn": project, "PolicyName": .string("share"), "PolicyRevisionId": .string(revision)])).status == 200)
        #expect(try Call.call(fixture, "DeleteProjectPolicy", .object(["ProjectArn": project, "PolicyName": .string("share")])).type == "ResourceNotFoundException")
    }
}
