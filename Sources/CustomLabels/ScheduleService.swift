/// A schedule as the live EventBridge Scheduler holds it (`schedule` on the aws backend).
public struct RemoteSchedule: Sendable, Equatable {
    /// The schedule's name, expression and IANA time zone (nil: UTC).
    public var name: String
    public var expression: String
    public var timeZone: String?
    /// Whether its state is ENABLED.
    public var enabled: Bool
    /// `start` or `stop` when the target is Rekognition's Start/StopProjectVersion.
    public var action: String?
    /// The ProjectVersionArn and MinInferenceUnits of the target's Input, when it has them.
    public var versionArn: String?
    public var units: Int?
    /// The role the scheduler assumes.
    public var roleArn: String?

    /// A schedule read from the service.
    public init(name: String, expression: String, timeZone: String?, enabled: Bool, action: String?, versionArn: String?, units: Int?, roleArn: String?) {
        self.name = name
        self.expression = expression
        self.timeZone = timeZone
        self.enabled = enabled
        self.action = action
        self.versionArn = versionArn
        self.units = units
        self.roleArn = roleArn
    }
}

/// A schedule to create or update in EventBridge Scheduler, ready for the wire.
public struct ScheduleDefinition: Sendable, Equatable {
    /// The schedule's name, expression and IANA time zone.
    public var name: String
    public var expression: String
    public var timeZone: String
    /// `ENABLED` or `DISABLED`.
    public var state: String
    /// The universal target (`arn:aws:scheduler:::aws-sdk:rekognition:startProjectVersion`).
    public var targetArn: String
    /// The role the scheduler assumes.
    public var roleArn: String
    /// The target's Input as JSON text.
    public var input: String

    /// A definition.
    public init(name: String, expression: String, timeZone: String, state: String, targetArn: String, roleArn: String, input: String) {
        self.name = name
        self.expression = expression
        self.timeZone = timeZone
        self.state = state
        self.targetArn = targetArn
        self.roleArn = roleArn
        self.input = input
    }
}

/// A backend whose account has a real scheduler (AWS): `schedule apply` and `schedule` there.
public protocol ScheduleService: CustomLabelsBackend {
    /// Every schedule in the default group, read whole (ListSchedules, then GetSchedule each).
    func listSchedules() throws -> [RemoteSchedule]
    /// Creates the schedule, or updates it when one with the name exists; returns its ARN and
    /// whether it was created.
    func applySchedule(_ definition: ScheduleDefinition) throws -> (arn: String, created: Bool)
}
