import CustomLabels
import Foundation
import Testing
@testable import PanyaServer

/// MaxResults and NextToken on the list operations.
@Suite struct PageRequestTests {
    @Test(arguments: [("DescribeProjects", "{}"), ("DescribeProjectVersions", #"{"ProjectArn":"\#(ServerFixture.projectArn)"}"#)])
    func maxResultsOutsideOneToAHundredIsAValidationError(operation: String, body: String) throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        for (value, constraint) in [(0, "greater than or equal to 1"), (101, "less than or equal to 100")] {
            var object = try JSONParser.parse(body).cursor.object()
            object.append("MaxResults", .int(value))
            let response = fixture.respond(ServerFixture.rekognition(operation, JSONPrinter.compact(.object(object))))
            #expect(response.errorType == "ValidationException")
            #expect(response.bodyText.contains("1 validation error detected: Value '\(value)' at 'maxResults' failed to satisfy constraint: Member must have value \(constraint)"))
        }
    }

    @Test func projectsComePageByPage() throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        for name in ["p1", "p2"] {
            #expect(fixture.respond(ServerFixture.rekognition("CreateProject", #"{"ProjectName":"\#(name)"}"#)).status == 200)
        }
        var seen: [String] = []
        var token: String? = nil
        var pages = 0
        repeat {
            let body = token.map { #"{"MaxResults":1,"NextToken":"\#($0)"}"# } ?? #"{"MaxResults":1}"#
            let response = fixture.respond(ServerFixture.rekognition("DescribeProjects", body))
            let page = try DescribeProjectsPage(json: JSONParser.parse(response.bodyText).cursor)
            #expect(page.projects.count == 1)
            seen += page.projects.map(\.projectName)
            token = page.nextToken
            pages += 1
        } while token != nil && pages < 10
        #expect(seen == ["verification001", "p1", "p2"])
        #expect(pages == 3)
    }

    @Test(arguments: ["garbage", "cGFueWEtcGFnZS9EZXNjcmliZVByb2plY3RWZXJzaW9ucy8x", "cGFueWEtcGFnZS9EZXNjcmliZVByb2plY3RzLy0x"])
    func aTokenThisServerDidNotGiveIsInvalid(token: String) throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        // The second token is another operation's; the third a negative offset.
        let response = fixture.respond(ServerFixture.rekognition("DescribeProjects", #"{"NextToken":"\#(token)"}"#))
        #expect(response.status == 400)
        #expect(response.errorType == "InvalidPaginationTokenException")
    }

    @Test func pagesCutTheListAndTheLastHasNoToken() {
        let page = PageRequest(size: 2, offset: 0, operation: "X")
        let first = page.page([1, 2, 3])
        #expect(first.items == [1, 2])
        #expect(first.nextToken.flatMap { PageRequest.offset(token: $0, operation: "X") } == 2)
        let last = PageRequest(size: 2, offset: 2, operation: "X").page([1, 2, 3])
        #expect(last.items == [3] && last.nextToken == nil)
    }
}
