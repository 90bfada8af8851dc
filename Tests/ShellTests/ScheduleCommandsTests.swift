import CustomLabels
import Foundation
import PanyaLanguage
import PanyaSupport
import PanyaTestSupport
import Testing
@testable import Shell

/// The seed's bakery: a clock at 2026-04-01 00:00 JST and the two schedules of the walkthrough.
private func seedShell(language: UILanguage = .en, columns: Int = 80) throws -> SessionHarness {
    let h = try SessionHarness(language: language, columns: columns)
    h.type("clock set 2026-04-01T00:00:00+09:00",
           "schedule add open \"cron(30 6 * * ? *)\" start --timezone Asia/Tokyo",
           "schedule add close \"cron(30 19 * * ? *)\" stop --timezone Asia/Tokyo")
    return h
}

private let seedVersion = "verification001.2023-08-01T10.00.00"
private let seedArn = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690851600000"
/// A well-formed ARN of a version the mock does not have (as after a deletion).
private let goneArn = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/verification001.2023-07-01T10.00.00/1688205600000"

@Suite struct ScheduleCommandsTests {
    @Test func theScheduleListing() throws {
        let h = try seedShell(columns: 143)
        #expect(h.type("schedule") == """
            schedule  expression           when                             action  version                              state    next run
            --------  -------------------  -------------------------------  ------  -----------------------------------  -------  -------------------------
            open      cron(30 6 * * ? *)   every day at 06:30 (Asia/Tokyo)  start   verification001.2023-08-01T10.00.00  ENABLED  2026-04-01T06:30:00+09:00
            close     cron(30 19 * * ? *)  every day at 19:30 (Asia/Tokyo)  stop    verification001.2023-08-01T10.00.00  ENABLED  2026-04-01T19:30:00+09:00

            """)
        h.type("schedule disable close")
        #expect(h.type("schedule()[1].state", "type(schedule()[1].next)") == "DISABLED\nnil\n")
        h.type("schedule enable close")
        h.session.terminal.columns = 80
        #expect(h.type("schedule") == """
            schedule  expression  action  version              state    next run
            --------  ----------  ------  -------------------  -------  ---------------
            open      cron(30 6   start   verification001.     ENABLED  2026-04-01
                      * * ? *)            2023-08-01T10.00.00           T06:30:00+09:00
            close     cron(30 19  stop    verification001.     ENABLED  2026-04-01
                      * * ? *)            2023-08-01T10.00.00           T19:30:00+09:00

            """, "at 80 columns the summary (the expression again, in words) goes and cells wrap at their seams")
        #expect(h.type("schedule next open --count 2") == "next runs of open (Asia/Tokyo):\n  2026-04-01T06:30:00+09:00\n  2026-04-02T06:30:00+09:00\n")
    }

    @Test func theSeedMonthOnTwoSchedules() throws {
        let h = try seedShell()
        let before = try #require(Double(h.type("bill().total_usd").trimmingCharacters(in: .newlines)))
        h.type("let r = simulate(\"30d\")")
        #expect(h.type("len(r.events)", "len(r.days)", "r.failed_fires") == "60\n30\n0\n")
        #expect(h.type("r.events[0].time", "r.events[0].action", "r.events[1].schedule") == "2026-04-01T06:30:00+09:00\nstart\nclose\n")
        #expect(h.type("abs(r.inference_usd - 1550) < 0.000001", "abs(r.running_hours - 387.5) < 0.000000001") == "true\ntrue\n")
        #expect(h.type("r.unbilled_starting_minutes", "r.total_jpy", "r.to") == "150\n217000\n2026-05-01T00:00:00+09:00\n")
        #expect(h.type("abs(r.days[0].usd - 775 * 4 / 60) < 0.000000001") == "true\n")
        let after = try #require(Double(h.type("bill().total_usd").trimmingCharacters(in: .newlines)))
        let simulated = try #require(Double(h.type("r.total_usd").trimmingCharacters(in: .newlines)))
        #expect(abs((after - before) - simulated) < 0.005, "bill grows by what simulate reports, to the cent")
        let shown = h.type("simulate 1d")
        #expect(shown.contains("open start \(seedVersion) ×1: 1 ok"))
        #expect(shown.contains("2026-05-01        12.92  51.67  7,233"))
        #expect(shown.contains("note: each of the 1 starts spent 5 minutes STARTING"))
        #expect(h.type("len(schedule_history(count: 1000))") == "62\n", "the history is kept")
    }

    @Test func theSeedMonthAsJSONComparesTheSchedulesModelWithAlwaysOn() throws {
        let h = try seedShell()
        let text = h.type("simulate 30d --json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
        #expect((json["events"] as? [Any])?.count == 60)
        #expect((json["days"] as? [Any])?.count == 30)
        let near = { (value: Any?, expected: Double) in abs(((value as? Double) ?? .nan) - expected) < 1e-6 }
        #expect(near(json["inference_usd"], 1550))
        #expect(json["always_on_usd"] as? Double == 2880)
        let scheduled = try #require(json["scheduled"] as? [String: Any])
        #expect(scheduled["models"] as? [String] == [seedVersion])
        #expect(scheduled["arns"] as? [String] == [seedArn])
        #expect(near(scheduled["scheduled_usd"], 1550), "13 h a day less the 5 unbilled STARTING minutes: 12 h 55 min × 30 × 4 USD")
        #expect(scheduled["always_on_usd"] as? Double == 2880, "24 h × 30 days × 4 USD")
        #expect(scheduled["always_on_hours"] as? Double == 720)
        #expect(near(scheduled["saved_usd"], 1330))
        #expect(scheduled["other_models_usd"] as? Double == 0)
        let days = try #require(scheduled["days"] as? [[String: Any]])
        #expect(days.count == 30)
        #expect(abs(days.compactMap { $0["usd"] as? Double }.reduce(0, +) - 1550) < 1e-9)
        #expect(h.type("simulate 1d").contains("the schedules' model \(seedVersion): 51.67 USD on the schedules, 96.00 USD always on (44.33 USD saved)"))
    }

    @Test func withoutASchedulesTheJSONHasNoComparison() throws {
        let h = try SessionHarness()
        h.type("clock set 2026-04-01T00:00:00+09:00", "model start")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(h.type("simulate 1d --json").utf8)) as? [String: Any])
        #expect(json["scheduled"] is NSNull)
        #expect(json["always_on_usd"] is NSNull)
        #expect((json["days"] as? [Any])?.count == 1)
    }

    @Test func theSeedMonthAlwaysOn() throws {
        let h = try SessionHarness()
        h.type("clock set 2026-04-01T00:00:00+09:00", "model start")
        h.type("let r = simulate(\"30d\")")
        #expect(h.type("len(r.events)", "abs(r.inference_usd - 43195 * 4 / 60) < 0.000001", "r.total_jpy") == "0\ntrue\n403153\n")
        #expect(h.type("simulate 1d").contains("2026-05-01        24.00  96.00  13,440"))
    }

    @Test func theMonthChartShowsHoursAlwaysOnAndTheSaving() throws {
        let h = try seedShell()
        let shown = h.type("simulate 30d --chart")
        let day = "04-01 █████████████████████▌                   12.92 h"
        #expect(shown.contains("running hours per day (a full bar is 24 h)\n" + day + "\n"))
        #expect(shown.contains("\n04-30 █████████████████████▌                   12.92 h\n"))
        #expect(shown.contains("""

            always on     ████████████████████████████████████████  2,880.00 USD
            as scheduled  █████████████████████▌                    1,550.00 USD
            saved                                                   1,330.00 USD (46 %)
            always on: 24 h × 30 days × 1 unit × 4.00 USD/h = 2,880.00 USD
            running 387.50 h · inference 1,550.00 USD
            """))
        // The figures are the bill's: what the month cost, and what always-on would have.
        #expect(h.type("let r = simulate(\"30d\")", "r.always_on_usd", "abs(r.inference_usd - 1550) < 0.000001") == "2880\ntrue\n")
        for line in shown.split(separator: "\n") where line.contains("█") { #expect(DisplayWidth.of(String(line)) <= 80) }

        let ja = try seedShell(language: .ja)
        #expect(ja.type("simulate 30d --chart").contains("""
            1 日の稼働時間 (棒いっぱいで 24 時間)
            04-01 █████████████████████▌                   12.92 h
            """))
        #expect(ja.type("simulate 30d --chart").contains("""

            動かしっぱなし      █████████████████████████████████████  2,880.00 USD
            スケジュールどおり  ███████████████████▉                   1,550.00 USD
            節約                                                       1,330.00 USD (46 %)
            動かしっぱなし: 24 時間 × 30 日 × 1 ユニット × 4.00 ドル/時間 = 2,880.00 ドル
            """))
    }

    @Test func alwaysOnCountsTheScheduledUnitsAndThePeriod() throws {
        let h = try SessionHarness()
        h.type("clock set 2026-04-01T00:00:00+09:00",
               "schedule add open \"cron(30 6 * * ? *)\" start --units 2 --timezone Asia/Tokyo",
               "schedule add close \"cron(30 19 * * ? *)\" stop --timezone Asia/Tokyo")
        #expect(h.type("let r = simulate(\"36h\")", "r.always_on_usd") == "288\n")
        let shown = h.type("simulate 1d --chart")
        #expect(shown.contains("always on: 24 h × 1 day × 2 units × 4.00 USD/h = 192.00 USD"))
        #expect(h.type("simulate 90m --chart").contains("always on: 1.5 h × 2 units × 4.00 USD/h = 12.00 USD"))
    }

    @Test func withoutASchedulePeriodHasNothingToCompare() throws {
        // Without a schedule nothing starts or stops inside the period: the model runs all of it or
        // none of it, so "always on" would only repeat the total (or invent a model that never ran).
        let h = try SessionHarness()
        h.type("clock set 2026-04-01T00:00:00+09:00", "model start --units 2", "model wait")
        #expect(h.type("let r = simulate(\"36h\")", "r.always_on_usd == nil", "r.inference_usd < 288 and r.inference_usd > 287") == "true\ntrue\n")
        let shown = h.type("simulate 1d --chart")
        #expect(shown.contains("running hours per day (a full bar is 24 h)\n"))
        #expect(!shown.contains("always on"))
    }

    @Test func failedFiresAreLoggedAndTheMonthGoesOn() throws {
        let h = try seedShell()
        h.type("schedule add again \"cron(31 6 * * ? *)\" start",
               "schedule add late \"cron(31 19 * * ? *)\" stop",
               "schedule add ghost \"cron(0 12 * * ? *)\" start --model \(goneArn)")
        h.type("let r = simulate(\"2d\")")
        #expect(h.type("len(r.events)", "r.failed_fires") == "10\n6\n")
        #expect(h.type("r.events[1].schedule", "r.events[1].result", "r.events[1].ok") == "again\nResourceInUseException\nfalse\n")
        #expect(h.type("r.events[2].schedule", "r.events[2].result") == "ghost\nResourceNotFoundException\n")
        #expect(h.type("r.events[3].result", "r.events[4].result") == "STOPPING\nResourceInUseException\n")
        #expect(h.type("r.events[5].schedule", "r.events[5].result") == "open\nSTARTING\n", "the next day starts as planned")
        #expect(h.type("abs(r.inference_usd - 2 * 775 * 4 / 60) < 0.000001") == "true\n")
    }

    @Test func clockAdvanceAndModelWaitPassThroughFires() throws {
        let h = try seedShell()
        let advanced = h.type("clock advance 7h")
        #expect(advanced == "2026-04-01T06:30:00+09:00  open  start \(seedVersion)  → STARTING\n2026-04-01T07:00:00+09:00\n")
        #expect(h.type("model().status") == "RUNNING\n")
        // Stopped at 19:29, the wait passes the close fire at 19:30 (which fails: already STOPPING).
        h.type("clock set 2026-04-01T19:29:30+09:00", "model stop")
        let waited = h.type("model wait")
        #expect(waited.contains("2026-04-01T19:30:00+09:00  close  stop \(seedVersion)  ✗ ResourceInUseException"))
        #expect(waited.hasSuffix("STOPPED\n"))
        #expect(h.type("clock") == "2026-04-01T19:30:30+09:00\n")
    }

    @Test func staleTargetsAreFlaggedWithTheFix() throws {
        let h = try seedShell(columns: 200)
        h.type("schedule retarget close --model \(goneArn)")
        let listing = h.type("schedule")
        #expect(listing.contains("verification001.2023-07-01T10.00.00 ⚠"))
        let warning = "⚠ the schedule close stops verification001.2023-07-01T10.00.00, which the service does not know (deleted?); the current model is \(seedVersion). Fix: schedule retarget --all"
        #expect(listing.hasSuffix(warning + "\n"))
        #expect(h.type("schedule()[1].stale", "schedule()[0].stale") == "true\nfalse\n")
        #expect(h.type("model use \(seedVersion)").hasPrefix(warning + "\n"))
        #expect(h.type("simulate 1d").contains(warning))
        // The stop never reaches the running version, so the next morning's start finds it RUNNING.
        #expect(h.type("simulate(\"1d\").failed_fires") == "2\n")
        h.type("schedule retarget --all")
        #expect(!h.type("schedule").contains("⚠"))
        #expect(h.type("schedule()[1].arn") == seedArn + "\n")
    }

    @Test func mistakesAreExplained() throws {
        let h = try seedShell()
        let bad = h.type("schedule add x \"cron(30 6 * * * *)\" start")
        #expect(bad.contains("cron(30 6 * * * *)\n              ^\n"))
        #expect(bad.contains("use ? in one of them"))
        #expect(h.type("schedule add open \"rate(1 hour)\" start").contains("ConflictException"))
        #expect(h.type("schedule add \"no way\" \"rate(1 hour)\" start").contains("cannot be a schedule name"))
        #expect(h.type("schedule enable opn").contains("Did you mean open?"))
        #expect(h.type("schedule add y \"rate(1 hour)\" start --timezone Asia/Tokio").contains("UnknownTimeZone"))
        #expect(h.type("schedule retarget").contains("--all"))
    }

    @Test func removeAndExport() throws {
        let h = try seedShell()
        let cli = h.type("schedule export")
        #expect(cli.hasPrefix("aws scheduler create-schedule \\\n    --name open \\\n"))
        #expect(cli.contains("--schedule-expression-timezone Asia/Tokyo"))
        #expect(h.type("schedule export --format json").contains("\"ScheduleExpression\": \"cron(30 19 * * ? *)\""))
        #expect(h.type("schedule remove open") == "removed the schedule open\n")
        #expect(h.type("len(schedule())") == "1\n")
    }

    @Test func theChartIsAPNGThatNeverOverwrites() throws {
        let h = try seedShell()
        let folder = try TemporaryFolder(prefix: "panya-chart")
        defer { folder.remove() }
        let path = folder.file("month.png")
        #expect(h.type("simulate 7d --chart --out \(path)").hasPrefix("wrote the chart to \(path)\n"))
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let clockBefore = h.type("clock")
        #expect(h.type("simulate 7d --out \(path)").contains("already exists"))
        #expect(h.type("clock") == clockBefore, "a refused --out simulates nothing")
        #expect(h.type("simulate 1d --out \(path) --force").hasPrefix("wrote the chart"))
        let jpeg = folder.file("month.jpg")
        let clockThen = h.type("clock")
        #expect(h.type("simulate 1d --out \(jpeg)").contains("end it with PNG (.png)"))
        #expect(h.type("clock") == clockThen, "a chart name that is not .png simulates nothing")
        #expect(!FileManager.default.fileExists(atPath: jpeg))
    }

    @Test func scheduleApplyNeedsTheLiveService() throws {
        let h = try seedShell()
        #expect(h.type("schedule apply --role-arn arn:aws:iam::123456789012:role/x").contains("not available on the mock backend"))
    }
}

@Suite struct PolicyCommandsTests {
    static let policies = RepositoryRoot.path + "/lessons/policies/"

    @Test func theSeedsPolicyAndTrustPass() throws {
        let h = try SessionHarness()
        let shown = h.type("policy check \(Self.policies)scheduler-policy.json --role-trust \(Self.policies)scheduler-trust.json")
        #expect(shown.contains("✓ rekognition:StartProjectVersion"))
        #expect(shown.contains("✓ sts:AssumeRole (scheduler.amazonaws.com)"))
        #expect(!shown.contains("✗"))
        #expect(h.type("policy_check(\"\(Self.policies)scheduler-policy.json\", model: \"\(goneArn)\").passes") == "true\n",
                "project/<name>/* covers every version")
    }

    @Test func aSingleVersionPolicyFailsAfterRetraining() throws {
        let h = try SessionHarness()
        let file = Self.policies + "single-version-policy.json"
        #expect(h.type("policy_check(\"\(file)\").passes") == "true\n")
        let after = h.type("policy check \(file) --model \(goneArn)")
        #expect(after.contains("✗ rekognition:StartProjectVersion"))
        #expect(after.contains(seedVersion), "the message names the version the policy still allows")
        #expect(h.type("policy_check(\"\(file)\", model: \"\(goneArn)\").actions[0].decision") == "notAllowed\n")
    }

    @Test func theShippedDocumentsAreTheTemplates() throws {
        let h = try SessionHarness()
        let policy = try String(contentsOfFile: Self.policies + "scheduler-policy.json", encoding: .utf8)
        let trust = try String(contentsOfFile: Self.policies + "scheduler-trust.json", encoding: .utf8)
        #expect(h.type("policy template") == policy)
        #expect(h.type("policy template --trust") == trust)
    }

    @Test func aMissingOrBrokenFileIsNamed() throws {
        let h = try SessionHarness()
        #expect(h.type("policy check /nonexistent/p.json").contains("Cannot read /nonexistent/p.json"))
    }
}
