import CustomLabels

/// The schedules as EventBridge Scheduler takes them: `aws scheduler create-schedule` command
/// lines, or the same requests as JSON (`--cli-input-json`).
public enum ScheduleExport {
    /// What a schedule does when it fires.
    public enum Action: String, Sendable, Hashable, CaseIterable {
        case start, stop

        /// The universal target: `arn:aws:scheduler:::aws-sdk:rekognition:startProjectVersion`.
        public var targetArn: String { "arn:aws:scheduler:::aws-sdk:rekognition:\(rawValue)ProjectVersion" }
    }

    /// One schedule, as `schedule add` makes it.
    public struct Schedule: Sendable, Hashable {
        /// The schedule name (`open`).
        public var name: String
        /// When it fires.
        public var expression: ScheduleExpression
        /// The IANA time zone the expression is read in.
        public var timeZone: String
        /// Start or stop.
        public var action: Action
        /// The model version it starts or stops.
        public var versionArn: String
        /// Inference units for a start (MinInferenceUnits).
        public var units: Int
        /// The role the scheduler assumes.
        public var roleArn: String
        /// ENABLED or DISABLED.
        public var enabled: Bool

        public init(name: String, expression: ScheduleExpression, timeZone: String, action: Action, versionArn: String,
                    units: Int = 1, roleArn: String, enabled: Bool = true) {
            self.name = name
            self.expression = expression
            self.timeZone = timeZone
            self.action = action
            self.versionArn = versionArn
            self.units = units
            self.roleArn = roleArn
            self.enabled = enabled
        }

        /// The target's Input: `{"ProjectVersionArn": "…", "MinInferenceUnits": 1}` for a start.
        public var input: JSONValue {
            var object: JSONObject = ["ProjectVersionArn": .string(versionArn)]
            if action == .start { object.append("MinInferenceUnits", .int(units)) }
            return .object(object)
        }

        /// `{"Arn": …, "RoleArn": …, "Input": "<input as text>"}`.
        public var target: JSONValue {
            .object(["Arn": .string(action.targetArn), "RoleArn": .string(roleArn), "Input": .string(ScheduleExport.inline(input))])
        }

        /// The CreateSchedule request.
        public var request: JSONValue {
            .object([
                "Name": .string(name),
                "ScheduleExpression": .string(expression.description),
                "ScheduleExpressionTimezone": .string(timeZone),
                "FlexibleTimeWindow": .object(["Mode": .string("OFF")]),
                "State": .string(enabled ? "ENABLED" : "DISABLED"),
                "Target": target,
            ])
        }
    }

    /// One `aws scheduler create-schedule` command, one option a line.
    public static func command(_ schedule: Schedule) -> String {
        let words: [(String, String)] = [
            ("--name", schedule.name),
            ("--schedule-expression", schedule.expression.description),
            ("--schedule-expression-timezone", schedule.timeZone),
            ("--flexible-time-window", inline(.object(["Mode": .string("OFF")]))),
            ("--state", schedule.enabled ? "ENABLED" : "DISABLED"),
            ("--target", inline(schedule.target)),
        ]
        return (["aws scheduler create-schedule"] + words.map { "    \($0.0) \(shellQuoted($0.1))" }).joined(separator: " \\\n")
    }

    /// The commands for every schedule, separated by a blank line, ending with a newline.
    public static func commands(_ schedules: [Schedule]) -> String {
        schedules.map(command).joined(separator: "\n\n") + (schedules.isEmpty ? "" : "\n")
    }

    /// The CreateSchedule requests as a JSON list, printed as the AWS CLI prints.
    public static func json(_ schedules: [Schedule]) -> String {
        JSONPrinter.awsCLI(.array(schedules.map(\.request)))
    }

    /// JSON on one line with Python's separators: `{"Mode": "OFF"}`.
    public static func inline(_ value: JSONValue) -> String {
        switch value {
        case .array(let elements):
            return "[" + elements.map(inline).joined(separator: ", ") + "]"
        case .object(let object):
            return "{" + object.members.map { JSONPrinter.compact(.string($0.key)) + ": " + inline($0.value) }.joined(separator: ", ") + "}"
        default:
            return JSONPrinter.compact(value)
        }
    }

    /// A word for a POSIX shell: as is when it is safe, else in single quotes (`'` written
    /// `'\''`); non-ASCII text is kept as it is.
    public static func shellQuoted(_ word: String) -> String {
        let safe = !word.isEmpty && word.unicodeScalars.allSatisfy {
            $0.isASCII && (($0.properties.isAlphabetic || ("0"..."9").contains($0)) || "_@%+=:,./-".unicodeScalars.contains($0))
        }
        if safe { return word }
        return "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}

