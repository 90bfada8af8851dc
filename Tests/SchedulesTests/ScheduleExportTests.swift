import Testing
@testable import Schedules

@Suite struct ScheduleExportTests {
    static let version = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690884000000"
    static let role = "arn:aws:iam::123456789012:role/panya-scheduler"

    static func seedSchedules() throws -> [ScheduleExport.Schedule] {
        [ScheduleExport.Schedule(name: "open", expression: try ScheduleExpression.parse("cron(30 6 * * ? *)"), timeZone: "Asia/Tokyo",
                                 action: .start, versionArn: version, units: 1, roleArn: role),
         ScheduleExport.Schedule(name: "close", expression: try ScheduleExpression.parse("cron(30 19 * * ? *)"), timeZone: "Asia/Tokyo",
                                 action: .stop, versionArn: version, roleArn: role)]
    }

    @Test func theSeedsSchedulesAsCommandLines() throws {
        #expect(ScheduleExport.commands(try Self.seedSchedules()) == """
            aws scheduler create-schedule \\
                --name open \\
                --schedule-expression 'cron(30 6 * * ? *)' \\
                --schedule-expression-timezone Asia/Tokyo \\
                --flexible-time-window '{"Mode": "OFF"}' \\
                --state ENABLED \\
                --target '{"Arn": "arn:aws:scheduler:::aws-sdk:rekognition:startProjectVersion", "RoleArn": "arn:aws:iam::123456789012:role/panya-scheduler", "Input": "{\\"ProjectVersionArn\\": \\"\(Self.version)\\", \\"MinInferenceUnits\\": 1}"}'

            aws scheduler create-schedule \\
                --name close \\
                --schedule-expression 'cron(30 19 * * ? *)' \\
                --schedule-expression-timezone Asia/Tokyo \\
                --flexible-time-window '{"Mode": "OFF"}' \\
                --state ENABLED \\
                --target '{"Arn": "arn:aws:scheduler:::aws-sdk:rekognition:stopProjectVersion", "RoleArn": "arn:aws:iam::123456789012:role/panya-scheduler", "Input": "{\\"ProjectVersionArn\\": \\"\(Self.version)\\"}"}'

            """)
    }

    @Test func theSeedsSchedulesAsJSON() throws {
        var schedules = try Self.seedSchedules()
        schedules[0].units = 2
        schedules[1].enabled = false
        #expect(ScheduleExport.json(schedules) == """
            [
                {
                    "Name": "open",
                    "ScheduleExpression": "cron(30 6 * * ? *)",
                    "ScheduleExpressionTimezone": "Asia/Tokyo",
                    "FlexibleTimeWindow": {
                        "Mode": "OFF"
                    },
                    "State": "ENABLED",
                    "Target": {
                        "Arn": "arn:aws:scheduler:::aws-sdk:rekognition:startProjectVersion",
                        "RoleArn": "arn:aws:iam::123456789012:role/panya-scheduler",
                        "Input": "{\\"ProjectVersionArn\\": \\"\(Self.version)\\", \\"MinInferenceUnits\\": 2}"
                    }
                },
                {
                    "Name": "close",
                    "ScheduleExpression": "cron(30 19 * * ? *)",
                    "ScheduleExpressionTimezone": "Asia/Tokyo",
                    "FlexibleTimeWindow": {
                        "Mode": "OFF"
                    },
                    "State": "DISABLED",
                    "Target": {
                        "Arn": "arn:aws:scheduler:::aws-sdk:rekognition:stopProjectVersion",
                        "RoleArn": "arn:aws:iam::123456789012:role/panya-scheduler",
                        "Input": "{\\"ProjectVersionArn\\": \\"\(Self.version)\\"}"
                    }
                }
            ]

            """)
    }

    @Test(arguments: [
        ("open", "open"),
        ("Asia/Tokyo", "Asia/Tokyo"),
        ("cron(30 6 * * ? *)", "'cron(30 6 * * ? *)'"),
        ("パン屋の開店", "'パン屋の開店'"),
        ("it's", "'it'\\''s'"),
        ("", "''"),
        ("$HOME", "'$HOME'"),
    ])
    func shellQuoting(word: String, quoted: String) {
        #expect(ScheduleExport.shellQuoted(word) == quoted)
    }

    @Test func japaneseIsKeptAsIsInsideQuotedJSON() throws {
        var schedule = try Self.seedSchedules()[0]
        schedule.name = "開店"
        #expect(ScheduleExport.command(schedule).contains("    --name '開店' \\\n"))
        #expect(ScheduleExport.inline(.object(["Name": .string("開店 'a'")])) == #"{"Name": "開店 'a'"}"#)
    }
}
