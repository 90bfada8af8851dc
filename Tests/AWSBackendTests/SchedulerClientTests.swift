import Foundation
import PanyaSupport
import Testing
@testable import AWSBackend

enum SchedulerFixtures {
    static let version = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690884000000"
    static let role = "arn:aws:iam::123456789012:role/panya-scheduler"

    static func open(state: String = "ENABLED") -> SchedulerClient.ScheduleInput {
        SchedulerClient.ScheduleInput(name: "open", scheduleExpression: "cron(30 6 * * ? *)", timezone: "Asia/Tokyo", state: state,
                                      targetArn: "arn:aws:scheduler:::aws-sdk:rekognition:startProjectVersion", roleArn: role,
                                      input: "{\"ProjectVersionArn\": \"\(version)\", \"MinInferenceUnits\": 1}")
    }

    static func client(_ url: URL, credentials: Credentials = Fixtures.credentials, region: String = "ap-northeast-1") -> SchedulerClient {
        SchedulerClient(client: AWSClient(credentials: credentials, region: region, retryPolicy: Fixtures.fastRetry, requestTimeout: 10),
                        endpoint: url)
    }
}

@Suite("EventBridge Scheduler calls against a local server")
struct SchedulerClientTests {
    @Test func createScheduleIsASignedRESTJSONPost() throws {
        let server = try LocalHTTPServer { _, _ in
            .respond(status: 200, headers: ["Content-Type": "application/json"],
                     body: #"{"ScheduleArn": "arn:aws:scheduler:ap-northeast-1:123456789012:schedule/default/open"}"#)
        }
        defer { server.stop() }
        let arn = try SchedulerFixtures.client(server.url).createSchedule(SchedulerFixtures.open())
        #expect(arn == "arn:aws:scheduler:ap-northeast-1:123456789012:schedule/default/open")
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/schedules/open")
        #expect(request.header("content-type") == "application/json")
        #expect(request.header("x-amz-target") == nil)
        let authorization = try #require(request.header("authorization"))
        #expect(authorization.contains("/ap-northeast-1/scheduler/aws4_request"))
        #expect(String(decoding: request.body, as: UTF8.self) == """
            {"FlexibleTimeWindow":{"Mode":"OFF"},"ScheduleExpression":"cron(30 6 * * ? *)","ScheduleExpressionTimezone":"Asia/Tokyo",\
            "State":"ENABLED","Target":{"Arn":"arn:aws:scheduler:::aws-sdk:rekognition:startProjectVersion",\
            "RoleArn":"arn:aws:iam::123456789012:role/panya-scheduler",\
            "Input":"{\\"ProjectVersionArn\\": \\"\(SchedulerFixtures.version)\\", \\"MinInferenceUnits\\": 1}"}}
            """)
    }

    @Test func updateIsAPutAndDeleteADeleteWithTheGroup() throws {
        let server = try LocalHTTPServer { request, _ in
            .respond(status: 200, headers: [:], body: request.method == "PUT" ? #"{"ScheduleArn": "arn:x"}"# : "")
        }
        defer { server.stop() }
        let client = SchedulerFixtures.client(server.url)
        var input = SchedulerFixtures.open(state: "DISABLED")
        input.groupName = "panya"
        #expect(try client.updateSchedule(input) == "arn:x")
        try client.deleteSchedule(name: "open", groupName: "panya")
        #expect(server.requests.map(\.method) == ["PUT", "DELETE"])
        #expect(server.requests.map(\.target) == ["/schedules/open", "/schedules/open?groupName=panya"])
        #expect(String(decoding: server.requests[0].body, as: UTF8.self).contains(#""GroupName":"panya""#))
        #expect(String(decoding: server.requests[0].body, as: UTF8.self).contains(#""State":"DISABLED""#))
        #expect(server.requests[1].body.isEmpty)
    }

    @Test func getScheduleReadsTheTarget() throws {
        let server = try LocalHTTPServer { _, _ in
            .respond(status: 200, headers: ["Content-Type": "application/json"], body: """
                {"Arn": "arn:aws:scheduler:ap-northeast-1:123456789012:schedule/default/close", "Name": "close", "GroupName": "default",
                 "State": "ENABLED", "ScheduleExpression": "cron(30 19 * * ? *)", "ScheduleExpressionTimezone": "Asia/Tokyo",
                 "FlexibleTimeWindow": {"Mode": "OFF"}, "CreationDate": 1.7e9,
                 "Target": {"Arn": "arn:aws:scheduler:::aws-sdk:rekognition:stopProjectVersion", "RoleArn": "arn:r", "Input": "{}"}}
                """)
        }
        defer { server.stop() }
        let schedule = try SchedulerFixtures.client(server.url).getSchedule(name: "close")
        #expect(server.requests.first?.target == "/schedules/close")
        #expect(schedule == SchedulerClient.Schedule(
            arn: "arn:aws:scheduler:ap-northeast-1:123456789012:schedule/default/close", name: "close", groupName: "default",
            state: "ENABLED", scheduleExpression: "cron(30 19 * * ? *)", timezone: "Asia/Tokyo",
            targetArn: "arn:aws:scheduler:::aws-sdk:rekognition:stopProjectVersion", roleArn: "arn:r", input: "{}"))
    }

    @Test func listSchedulesFollowsNextToken() throws {
        let server = try LocalHTTPServer { _, number in
            let body = number == 1
                ? #"{"NextToken": "t/2", "Schedules": [{"Arn": "arn:1", "Name": "close", "State": "ENABLED", "Target": {"Arn": "arn:stop"}}]}"#
                : #"{"Schedules": [{"Arn": "arn:2", "Name": "open", "GroupName": "default", "State": "DISABLED"}]}"#
            return .respond(status: 200, headers: [:], body: body)
        }
        defer { server.stop() }
        let schedules = try SchedulerFixtures.client(server.url).listSchedules(namePrefix: "o")
        #expect(schedules.map(\.name) == ["close", "open"])
        #expect(schedules[0].targetArn == "arn:stop")
        #expect(schedules[1].state == "DISABLED")
        #expect(server.requests.map(\.target) == ["/schedules?NamePrefix=o", "/schedules?NamePrefix=o&NextToken=t%2F2"])
    }

    @Test func aRESTJSONErrorKeepsTheServicesCode() throws {
        let server = try LocalHTTPServer { _, _ in
            .respond(status: 404, headers: ["x-amzn-ErrorType": "ResourceNotFoundException:http://internal.amazon.com/",
                                            "x-amzn-RequestId": "req-1"],
                     body: #"{"Message": "Schedule open does not exist."}"#)
        }
        defer { server.stop() }
        let error = try #require(throws: AWSError.self) { try SchedulerFixtures.client(server.url).getSchedule(name: "open") }
        #expect(error.serviceCode == "ResourceNotFoundException")
        #expect(error.httpStatus == 404)
        #expect(error.message.en.contains("EventBridge Scheduler GetSchedule"))
        #expect(error.message.en.contains("Schedule open does not exist."))
        #expect(server.requests.count == 1)
    }

    @Test func aMalformedAnswerIsAnInvalidResponse() throws {
        let server = try LocalHTTPServer { _, _ in .respond(status: 200, headers: [:], body: #"{"Schedules": 3}"#) }
        defer { server.stop() }
        let error = try #require(throws: AWSError.self) { try SchedulerFixtures.client(server.url).listSchedules() }
        #expect(error.kind == .invalidResponse)
        #expect(error.operation == "ListSchedules")
    }

    @Test func theDefaultEndpointIsRegional() {
        #expect(SchedulerClient.defaultEndpoint(region: "ap-northeast-1").absoluteString == "https://scheduler.ap-northeast-1.amazonaws.com")
    }
}

/// Full create/get/list/update/delete against a moto_server started with authentication off:
/// `moto_server -p 5077 & PANYA_MOTO_SCHEDULER_ENDPOINT=http://127.0.0.1:5077 swift test --filter SchedulerClient`.
@Suite("EventBridge Scheduler against moto_server (PANYA_MOTO_SCHEDULER_ENDPOINT)",
       .enabled(if: ProcessInfo.processInfo.environment["PANYA_MOTO_SCHEDULER_ENDPOINT"] != nil, "needs a moto_server"))
struct SchedulerClientMotoTests {
    @Test func createGetListUpdateDelete() throws {
        let endpoint = try #require(ProcessInfo.processInfo.environment["PANYA_MOTO_SCHEDULER_ENDPOINT"].flatMap(URL.init(string:)))
        let credentials = Credentials(accessKeyId: "AKIDMOTO", secretAccessKey: "moto-secret", sessionToken: nil, source: "test")
        let client = SchedulerFixtures.client(endpoint, credentials: credentials)
        let name = "panya-test-open"
        try? client.deleteSchedule(name: name)   // left over from an interrupted run
        var input = SchedulerFixtures.open()
        input.name = name
        let arn = try client.createSchedule(input)
        #expect(arn.hasSuffix("schedule/default/\(name)"))
        let fetched = try client.getSchedule(name: name)
        #expect(fetched.scheduleExpression == "cron(30 6 * * ? *)")
        #expect(fetched.timezone == "Asia/Tokyo")
        #expect(fetched.targetArn == "arn:aws:scheduler:::aws-sdk:rekognition:startProjectVersion")
        #expect(fetched.input == input.input)
        #expect(try client.listSchedules(namePrefix: name).map(\.name) == [name])
        input.state = "DISABLED"
        input.scheduleExpression = "cron(0 7 * * ? *)"
        _ = try client.updateSchedule(input)
        let updated = try client.getSchedule(name: name)
        #expect(updated.state == "DISABLED")
        #expect(updated.scheduleExpression == "cron(0 7 * * ? *)")
        try client.deleteSchedule(name: name)
        let gone = try #require(throws: AWSError.self) { try client.getSchedule(name: name) }
        #expect(gone.serviceCode == "ResourceNotFoundException")
    }
}

/// With authentication on (.ci/moto/run-aws-tests.sh): the peer's user may call Rekognition but
/// not the scheduler, so a correctly signed CreateSchedule is refused for permission, not for
/// its signature.
@Suite("EventBridge Scheduler signing against moto_server with auth on",
       .enabled(if: MotoPeer.current != nil, "needs PANYA_MOTO_* from .ci/moto/run-aws-tests.sh"))
struct SchedulerClientAuthTests {
    @Test func aSignedCallIsJudgedOnPermissionNotSignature() throws {
        let peer = try #require(MotoPeer.current)
        let endpoint = try #require(URL(string: peer.endpoint))
        let credentials = Credentials(accessKeyId: peer.accessKeyId, secretAccessKey: peer.secretAccessKey, sessionToken: nil, source: "test")
        let client = SchedulerFixtures.client(endpoint, credentials: credentials, region: peer.region)
        let error = try #require(throws: AWSError.self) { try client.createSchedule(SchedulerFixtures.open()) }
        #expect(error.serviceCode?.hasPrefix("AccessDenied") == true, "\(error.message.en)")
    }
}
