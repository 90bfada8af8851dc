import CustomLabels
import Foundation

/// The account's EventBridge Scheduler: `schedule apply` creates or updates, `schedule` lists.
extension AWSBackend: ScheduleService {
    /// The scheduler's endpoint: the `--endpoint-url` override when one is given (a local
    /// emulator serves every service on one address), else `scheduler.<region>.amazonaws.com`.
    public var schedulerEndpoint: URL {
        let standard = "rekognition.\(configuration.region).amazonaws.com"
        guard let host = configuration.rekognitionEndpoint.host, host != standard, !host.hasSuffix(".amazonaws.com") else {
            return SchedulerClient.defaultEndpoint(region: configuration.region)
        }
        return configuration.rekognitionEndpoint
    }

    /// A scheduler client over this backend's signing client.
    public var scheduler: SchedulerClient {
        SchedulerClient(client: client, endpoint: schedulerEndpoint, maxPages: settings.maxPages)
    }

    /// ListSchedules, then GetSchedule for each (the list lacks the expression and input).
    public func listSchedules() throws -> [RemoteSchedule] {
        let scheduler = self.scheduler
        return try scheduler.listSchedules().map { summary in
            let schedule = try scheduler.getSchedule(name: summary.name, groupName: summary.groupName)
            return Self.remote(schedule)
        }
    }

    /// CreateSchedule; when the service answers ConflictException (the name exists),
    /// UpdateSchedule with the same definition.
    public func applySchedule(_ definition: ScheduleDefinition) throws -> (arn: String, created: Bool) {
        let scheduler = self.scheduler
        let input = SchedulerClient.ScheduleInput(name: definition.name, scheduleExpression: definition.expression, timezone: definition.timeZone,
                                                  state: definition.state, targetArn: definition.targetArn, roleArn: definition.roleArn,
                                                  input: definition.input)
        do {
            return (try scheduler.createSchedule(input), true)
        } catch let error as AWSError where error.serviceCode == "ConflictException" {
            return (try scheduler.updateSchedule(input), false)
        }
    }

    /// A schedule as panya shows it: the action from the universal target, the version and
    /// units from the target's Input.
    static func remote(_ schedule: SchedulerClient.Schedule) -> RemoteSchedule {
        let action: String?
        switch schedule.targetArn.lowercased() {
        case let arn where arn.hasSuffix(":startprojectversion"): action = "start"
        case let arn where arn.hasSuffix(":stopprojectversion"): action = "stop"
        default: action = nil
        }
        var versionArn: String?
        var units: Int?
        if let text = schedule.input, let input = try? JSONParser.parse(text).cursor {
            versionArn = try? input.optionalMember("ProjectVersionArn")?.string()
            units = (try? input.optionalMember("MinInferenceUnits")?.int()) ?? nil
        }
        return RemoteSchedule(name: schedule.name, expression: schedule.scheduleExpression, timeZone: schedule.timezone,
                              enabled: (schedule.state ?? "ENABLED") == "ENABLED", action: action, versionArn: versionArn,
                              units: units, roleArn: schedule.roleArn)
    }
}
