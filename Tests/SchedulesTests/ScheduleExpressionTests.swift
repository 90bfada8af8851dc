import Testing
@testable import Schedules

@Suite struct ScheduleExpressionTests {
    @Test(arguments: [
        ("cron(30 6 * * ? *)", "cron(30 6 * * ? *)"),
        ("cron(30 19 * * ? *)", "cron(30 19 * * ? *)"),
        ("cron(0 18 ? * mon-fri *)", "cron(0 18 ? * MON-FRI *)"),
        ("cron( 0  8 1 jan,jul ? 2026-2030 )", "cron(0 8 1 JAN,JUL ? 2026-2030)"),
        ("cron(*/15 * * * ? *)", "cron(*/15 * * * ? *)"),
        ("cron(0/10 8-17 ? * 2-6 *)", "cron(0/10 8-17 ? * 2-6 *)"),
        ("cron(0 12 L * ? *)", "cron(0 12 L * ? *)"),
        ("cron(0 12 LW * ? *)", "cron(0 12 LW * ? *)"),
        ("cron(0 12 15W * ? *)", "cron(0 12 15W * ? *)"),
        ("cron(0 10 ? * 6#3 *)", "cron(0 10 ? * 6#3 *)"),
        ("cron(0 10 ? * fri#3 *)", "cron(0 10 ? * FRI#3 *)"),
        ("cron(0 10 ? * 5L *)", "cron(0 10 ? * 5L *)"),
        ("cron(0 10 ? * L *)", "cron(0 10 ? * L *)"),
        ("cron(0 0 1 1 ? 1970,2199)", "cron(0 0 1 1 ? 1970,2199)"),
        ("rate(1 minute)", "rate(1 minute)"),
        ("rate(5 minutes)", "rate(5 minutes)"),
        ("rate(1 hour)", "rate(1 hour)"),
        ("rate(12 hours)", "rate(12 hours)"),
        ("rate(1 day)", "rate(1 day)"),
        ("rate(7 days)", "rate(7 days)"),
        ("at(2026-04-01T06:30:00)", "at(2026-04-01T06:30:00)"),
        ("at(2028-02-29T23:59:59)", "at(2028-02-29T23:59:59)"),
    ])
    func parsesToCanonicalText(text: String, canonical: String) throws {
        #expect(try ScheduleExpression.parse(text).description == canonical)
    }

    @Test func rateKeepsValueAndUnit() throws {
        guard case .rate(let rate) = try ScheduleExpression.parse("rate(12 hours)") else {
            Issue.record("not a rate"); return
        }
        #expect(rate.value == 12)
        #expect(rate.unit == .hour)
        #expect(rate.seconds == 43200)
    }

    @Test(arguments: [
        ("cron(30 6 * * * *)", "CronBothDaysSet"),
        ("cron(30 6 ? * ? *)", "CronBothDaysUnspecified"),
        ("cron(30 6 * * ?)", "CronFieldCount"),
        ("cron(60 6 * * ? *)", "CronValueOutOfRange"),
        ("cron(0 24 * * ? *)", "CronValueOutOfRange"),
        ("cron(0 6 32 * ? *)", "CronValueOutOfRange"),
        ("cron(0 6 0 * ? *)", "CronValueOutOfRange"),
        ("cron(0 6 * 13 ? *)", "CronValueOutOfRange"),
        ("cron(0 6 ? * 8 *)", "CronValueOutOfRange"),
        ("cron(0 6 * * ? 1969)", "CronValueOutOfRange"),
        ("cron(0 6 * * ? 2200)", "CronValueOutOfRange"),
        ("cron(0 6 ? * MONN *)", "CronUnknownName"),
        ("cron(0 6 * JANUARY ? *)", "CronUnknownName"),
        ("cron(0 6 ? * 6-2 *)", "CronReversedRange"),
        ("cron(*/0 6 * * ? *)", "CronInvalidStep"),
        ("cron(? 6 * * ? *)", "CronQuestionMarkNotAllowed"),
        ("cron(0 6 L,15 * ? *)", "CronSpecialNotAllowed"),
        ("cron(0 6 ? * 6#6 *)", "CronOccurrenceOutOfRange"),
        ("cron(0 6 ? * 6W *)", "CronSpecialNotAllowed"),
        ("cron(0 L * * ? *)", "CronSpecialNotAllowed"),
        ("cron(x 6 * * ? *)", "CronInvalidValue"),
        ("cron(0,,5 6 * * ? *)", "CronInvalidValue"),
        ("corn(30 6 * * ? *)", "UnknownExpressionKind"),
        ("every day", "UnknownExpressionKind"),
        ("cron(30 6 * * ? *", "Parenthesis"),
        ("cron(30 6 * * ? *))", "Parenthesis"),
        ("rate(5)", "RateFormat"),
        ("rate(0 minutes)", "RateValue"),
        ("rate(1.5 hours)", "RateValue"),
        ("rate(5 mins)", "RateUnit"),
        ("rate(1 minutes)", "RateUnitNumber"),
        ("rate(5 minute)", "RateUnitNumber"),
        ("rate(5 Minutes)", "RateUnit"),
        ("at(2026-04-01 06:30)", "AtFormat"),
        ("at(2026-02-30T06:30:00)", "AtInvalidDate"),
        ("at(2026-04-01T24:00:00)", "AtInvalidDate"),
    ])
    func rejects(text: String, code: String) {
        #expect(throws: ScheduleExpressionError.self) { try ScheduleExpression.parse(text) }
        do {
            _ = try ScheduleExpression.parse(text)
        } catch {
            #expect(error.code == code)
            if let example = error.example {
                #expect((try? ScheduleExpression.parse(example)) != nil, "the example \(example) must parse")
            }
        }
    }

    @Test func everyErrorHasAValidExample() {
        for text in ["cron(30 6 * * * *)", "cron(60 6 * * ? *)", "cron(0 6 ? * MONN *)", "cron(*/0 6 * * ? *)",
                     "cron(0 6 ? * 6#6 *)", "cron(30 6 * * ?)", "rate(1 minutes)", "at(2026-02-30T06:30:00)",
                     "cron(60 25 * * * *)"] {
            do {
                _ = try ScheduleExpression.parse(text)
                Issue.record("\(text) parsed")
            } catch {
                #expect(error.example != nil, "\(text) has no example")
            }
        }
    }
}

@Suite struct RateUnitSuggestionTests {
    @Test(arguments: [("rate(5 Minutes)", "minutes"), ("rate(5 mins)", "minutes"), ("rate(1 hr)", "hour"), ("rate(2 dayz)", "days")])
    func suggestsTheUnitMeant(text: String, suggestion: String) {
        do {
            _ = try ScheduleExpression.parse(text)
            Issue.record("parsed")
        } catch {
            guard case .rateUnit(_, let suggested) = error.problem else { Issue.record("\(error.problem)"); return }
            #expect(suggested == suggestion)
        }
    }
}
