import CustomLabels
import Foundation
import PanyaSupport

/// Amazon EventBridge Scheduler over REST-JSON (signing name `scheduler`): create, update, get,
/// list and delete the schedules that start and stop a model version. Calls go through
/// `AWSClient`, so they are signed, retried and turned into `AWSError`s like every other call.
public struct SchedulerClient: Sendable {
    /// A schedule as CreateSchedule/UpdateSchedule take it.
    public struct ScheduleInput: Sendable, Equatable {
        /// The schedule's name (`open`).
        public var name: String
        /// The schedule group (nil: `default`).
        public var groupName: String?
        /// `cron(30 6 * * ? *)`, `rate(…)` or `at(…)`.
        public var scheduleExpression: String
        /// The IANA time zone of the expression (nil: UTC).
        public var timezone: String?
        /// `ENABLED` or `DISABLED`.
        public var state: String
        /// The universal target's ARN (`arn:aws:scheduler:::aws-sdk:rekognition:startProjectVersion`).
        public var targetArn: String
        /// The role the scheduler assumes to call the target.
        public var roleArn: String
        /// The target's Input, as JSON text.
        public var input: String?

        public init(name: String, groupName: String? = nil, scheduleExpression: String, timezone: String?, state: String = "ENABLED",
                    targetArn: String, roleArn: String, input: String?) {
            self.name = name
            self.groupName = groupName
            self.scheduleExpression = scheduleExpression
            self.timezone = timezone
            self.state = state
            self.targetArn = targetArn
            self.roleArn = roleArn
            self.input = input
        }

        /// The request body: FlexibleTimeWindow OFF, the expression, its time zone, the state and the target.
        var body: JSONValue {
            var object: JSONObject = ["FlexibleTimeWindow": .object(["Mode": .string("OFF")])]
            object.append("GroupName", groupName.map(JSONValue.string))
            object.append("ScheduleExpression", .string(scheduleExpression))
            object.append("ScheduleExpressionTimezone", timezone.map(JSONValue.string))
            object.append("State", .string(state))
            var target: JSONObject = ["Arn": .string(targetArn), "RoleArn": .string(roleArn)]
            target.append("Input", input.map(JSONValue.string))
            object.append("Target", .object(target))
            return .object(object)
        }
    }

    /// A schedule as GetSchedule answers.
    public struct Schedule: Sendable, Equatable {
        /// The schedule's ARN, name, group, state, expression and time zone, and its target's ARN, role and input.
        public var arn: String
        public var name: String
        public var groupName: String?
        public var state: String?
        public var scheduleExpression: String
        public var timezone: String?
        public var targetArn: String
        public var roleArn: String?
        public var input: String?
    }

    /// One item of ListSchedules.
    public struct ScheduleSummary: Sendable, Equatable {
        /// The schedule's ARN, name, group, state and target ARN.
        public var arn: String
        public var name: String
        public var groupName: String?
        public var state: String?
        public var targetArn: String?
    }

    /// The signing, sending and retrying client.
    public let client: AWSClient
    /// The scheduler's endpoint.
    public let service: ServiceEndpoint
    /// Pages read from ListSchedules before stopping (a guard against a token loop).
    public let maxPages: Int

    /// A client for the scheduler at `endpoint` (default: the region's public endpoint).
    public init(client: AWSClient, endpoint: URL? = nil, maxPages: Int = 50) {
        self.client = client
        let url = endpoint ?? Self.defaultEndpoint(region: client.region)
        self.service = ServiceEndpoint(displayName: "EventBridge Scheduler", signingName: "scheduler", url: url, signing: .standard)
        self.maxPages = maxPages
    }

    /// `https://scheduler.<region>.amazonaws.com`.
    public static func defaultEndpoint(region: String) -> URL {
        URL(string: "https://scheduler.\(region).amazonaws.com") ?? URL(fileURLWithPath: "/")
    }

    /// CreateSchedule; returns the new schedule's ARN.
    public func createSchedule(_ input: ScheduleInput) throws -> String {
        let json = try call("CreateSchedule", method: "POST", path: "/schedules/\(input.name)", body: input.body)
        return try decode("CreateSchedule") { try json.member("ScheduleArn").string() }
    }

    /// UpdateSchedule (a full replacement, as the service does); returns the schedule's ARN.
    public func updateSchedule(_ input: ScheduleInput) throws -> String {
        let json = try call("UpdateSchedule", method: "PUT", path: "/schedules/\(input.name)", body: input.body)
        return try decode("UpdateSchedule") { try json.member("ScheduleArn").string() }
    }

    /// GetSchedule.
    public func getSchedule(name: String, groupName: String? = nil) throws -> Schedule {
        let json = try call("GetSchedule", method: "GET", path: "/schedules/\(name)", query: groupQuery(groupName))
        return try decode("GetSchedule") {
            let target = try json.member("Target")
            return Schedule(arn: try json.member("Arn").string(), name: try json.member("Name").string(),
                            groupName: try json.optionalMember("GroupName")?.string(), state: try json.optionalMember("State")?.string(),
                            scheduleExpression: try json.member("ScheduleExpression").string(),
                            timezone: try json.optionalMember("ScheduleExpressionTimezone")?.string(),
                            targetArn: try target.member("Arn").string(), roleArn: try target.optionalMember("RoleArn")?.string(),
                            input: try target.optionalMember("Input")?.string())
        }
    }

    /// ListSchedules, every page (bounded by `maxPages`), optionally by name prefix and group.
    public func listSchedules(namePrefix: String? = nil, groupName: String? = nil) throws -> [ScheduleSummary] {
        var result: [ScheduleSummary] = []
        var token: String? = nil
        for _ in 0..<maxPages {
            var query: [SignableRequest.QueryItem] = []
            if let namePrefix { query.append(.init(name: "NamePrefix", value: namePrefix)) }
            if let token { query.append(.init(name: "NextToken", value: token)) }
            if let groupName { query.append(.init(name: "ScheduleGroup", value: groupName)) }
            let json = try call("ListSchedules", method: "GET", path: "/schedules", query: query)
            let page: ([ScheduleSummary], String?) = try decode("ListSchedules") {
                let items = try json.member("Schedules").elements().map { item in
                    ScheduleSummary(arn: try item.member("Arn").string(), name: try item.member("Name").string(),
                                    groupName: try item.optionalMember("GroupName")?.string(),
                                    state: try item.optionalMember("State")?.string(),
                                    targetArn: try item.optionalMember("Target")?.optionalMember("Arn")?.string())
                }
                return (items, try json.optionalMember("NextToken")?.string())
            }
            result += page.0
            guard let next = page.1, !next.isEmpty else { return result }
            token = next
        }
        return result
    }

    /// DeleteSchedule.
    public func deleteSchedule(name: String, groupName: String? = nil) throws {
        _ = try call("DeleteSchedule", method: "DELETE", path: "/schedules/\(name)", query: groupQuery(groupName))
    }

    func groupQuery(_ groupName: String?) -> [SignableRequest.QueryItem] {
        groupName.map { [.init(name: "groupName", value: $0)] } ?? []
    }

    /// Sends one REST-JSON call and parses the answer (an empty body reads as `{}`).
    func call(_ operation: String, method: String, path: String, query: [SignableRequest.QueryItem] = [],
              body: JSONValue? = nil) throws -> JSONCursor {
        let headers: [(name: String, value: String)] = body == nil ? [] : [(name: "Content-Type", value: "application/json")]
        let response = try client.call(service, operation: operation, method: method, path: path, query: query, headers: headers,
                                       body: body.map { Array(JSONPrinter.compact($0).utf8) } ?? [])
        do {
            return try JSONParser.parse(bytes: response.body.isEmpty ? Array("{}".utf8) : response.body).cursor
        } catch {
            throw invalidResponse(operation, error)
        }
    }

    func decode<T>(_ operation: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw invalidResponse(operation, error) }
    }

    func invalidResponse(_ operation: String, _ error: Error) -> AWSError {
        let detail = (error as? UserFacingError)?.message.en ?? "\(error)"
        return AWSError(kind: .invalidResponse, message: Catalog.awsInvalidResponse(operation: operation, detail: detail),
                        serviceCode: "InvalidResponse", operation: operation)
    }
}
