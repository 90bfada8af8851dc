import CustomLabels
import Foundation
import PanyaLanguage
import PanyaStore
import PanyaSupport
import PanyaTestSupport
import Schedules
import Session
import Testing
@testable import Shell

/// The scheduler on the simulated clock: fires that change nothing are counted, not called; each
/// fire is recorded once, as it happens, whatever other shell runs the clock too.
@Suite struct ScheduleRunnerTests {
    /// 60 days of `rate(1 minute)` starting a model that is already running, beside the walkthrough's
    /// two daily schedules: every fire is accounted for, and the history holds a few rows per day,
    /// not one per minute.
    @Test func fireAfterFireThatChangesNothingIsCountedInOneRow() throws {
        let h = try SessionHarness()
        h.type("clock set 2026-04-01T00:00:00+09:00",
               "schedule add every \"rate(1 minute)\" start --timezone Asia/Tokyo",
               "schedule add close \"cron(30 19 * * ? *)\" stop --timezone Asia/Tokyo")
        h.type("let r = simulate(\"60d\")")
        let minutes = 60 * 24 * 60
        #expect(h.type("let n = 0\nfor e in r.events { n += e.repeats }\nprint(n)") == "\(minutes + 60)\n")
        // Each day: the close stop succeeds, the next minute's start succeeds, a few runs of refused starts.
        let rows = try #require(Int(h.type("len(r.events)").trimmingCharacters(in: .newlines)))
        #expect(rows < 8 * 60, "\(rows) rows for \(minutes) fires")
        #expect(h.type("r.events[0].result", "r.events[0].ok") == "STARTING\ntrue\n")
        // The first refused start is called; the ones after it are counted while nothing can change.
        #expect(h.type("r.events[1].result", "r.events[1].repeats", "r.events[1].time", "r.to") ==
                "ResourceInUseException\n1\n2026-04-01T00:02:00+09:00\n2026-05-31T00:00:00+09:00\n")
        #expect(h.type("r.events[2].result", "r.events[2].repeats", "r.events[2].time", "r.events[2].last_time") ==
                "ResourceInUseException\n3\n2026-04-01T00:03:00+09:00\n2026-04-01T00:05:00+09:00\n")
        // The history holds the same rows and counts.
        #expect(h.type("len(schedule_history(count: 10000))") == "\(rows)\n")
        #expect(h.type("let m = 0\nfor e in schedule_history(count: 10000) { m += e.repeats }\nprint(m)") == "\(minutes + 60)\n")
        // The rendered summary counts every fire.
        let shown = h.type("simulate 1d")
        #expect(shown.contains("every start verification001.2023-08-01T10.00.00 ×1440: 1 ok, 1439 failed"))
    }

    /// A start refused while STARTING is asked again once the version is RUNNING (its answer could
    /// have changed then): the runs end at the status change.
    @Test func aKnownAnswerEndsWhenTheStatusChangesByItself() throws {
        let h = try SessionHarness()
        h.type("clock set 2026-04-01T00:00:00+09:00", "schedule add every \"rate(1 minute)\" start --timezone UTC")
        h.type("let r = simulate(\"20m\")")
        // 00:01 starts; 00:02 is refused (STARTING) and 00:03–00:05 counted; at 00:06 the version is
        // RUNNING, so the start is called again, refused, and 00:07–00:20 counted.
        #expect(h.type("len(r.events)", "r.events[0].result", "r.events[2].repeats", "r.events[2].last_time") ==
                "5\nSTARTING\n3\n2026-04-01T00:05:00+09:00\n")
        #expect(h.type("r.events[3].time", "r.events[3].repeats", "r.events[4].repeats", "r.events[4].result") ==
                "2026-04-01T00:06:00+09:00\n1\n14\nResourceInUseException\n")
    }

    /// Two shells on one file each simulate the same days with a `rate(10 minutes)` schedule (and
    /// a stop every hour) at the same time: each fire time is in the history once.
    @Test func twoShellsSimulatingTogetherRecordEachFireOnce() throws {
        let folder = try TemporaryFolder(prefix: "panya-shell-tests")
        defer { folder.remove() }
        let path = folder.file("two.sqlite")
        let setup = try SessionHarness(database: path)
        setup.type("clock set 2026-04-01T00:00:00Z",
                   "schedule add tick \"rate(10 minutes)\" start --timezone UTC",
                   "schedule add hourly \"cron(5 * * * ? *)\" stop --timezone UTC")
        let outcomes = OutputCapture()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                let shell = try SessionHarness(database: path)
                outcomes.append(shell.type("simulate(\"2d\").to"))
            } catch {
                outcomes.append("\(error)")
            }
        }
        // Each shell ran 2 days from the clock it read: from the start, after the other, or from
        // wherever the other had moved the shared clock when it read it (fires are written as they
        // happen). So the clock ends between 2 and 4 days on, and the history covers that span.
        let ends = outcomes.entries.compactMap { ISO8601.parse($0.trimmingCharacters(in: .whitespacesAndNewlines))?.seconds }
        let start = try #require(ISO8601.parse("2026-04-01T00:00:00Z")).seconds
        #expect(ends.count == 2, "\(outcomes.entries)")
        #expect(ends.allSatisfy { $0 >= start + 2 * 86400 && $0 <= start + 4 * 86400 }, "\(outcomes.entries)")
        let end = ends.max() ?? start
        let history = try ScheduleStore(PanyaDatabase(path: path)).fires()
        var covered: [String: Int] = [:]
        for fire in history {
            var time = fire.time
            let last = fire.lastTime ?? fire.time
            let step: Double = fire.schedule == "tick" ? 600 : 3600
            var count = 0
            while time <= last {
                covered["\(fire.schedule) \(Int(time))", default: 0] += 1
                time += step
                count += 1
            }
            #expect(count == fire.repeats, "\(fire)")
        }
        // Every fire from the start to the clock's end is in the history once: none twice, none missed.
        #expect(covered.values.allSatisfy { $0 == 1 }, "\(covered.filter { $0.value > 1 })")
        let ticks = stride(from: Int(start) + 600, through: Int(end), by: 600).map { "tick \($0)" }
        let hours = stride(from: Int(start) + 300, through: Int(end), by: 3600).map { "hourly \($0)" }
        #expect(ticks.allSatisfy { covered[$0] == 1 }, "missed: \(ticks.filter { covered[$0] == nil }.prefix(5))")
        #expect(covered.keys.filter { $0.hasPrefix("tick ") }.count == ticks.count)
        #expect(hours.allSatisfy { covered[$0] == 1 }, "missed: \(hours.filter { covered[$0] == nil }.prefix(5))")
        #expect(covered.keys.filter { $0.hasPrefix("hourly ") }.count == hours.count)
    }

    /// A simulation stopped on the way (Ctrl-C, a lesson's time limit) keeps the history of the
    /// time it passed: every fire up to the clock is recorded, with its outcome.
    @Test(arguments: [3, 8, 13])
    func aStoppedSimulationKeepsTheHistoryOfTheTimeItPassed(checksBeforeStopping: Int) throws {
        let h = try SessionHarness()
        h.type("clock set 2026-04-01T00:00:00Z",
               "schedule add open \"cron(0 8 * * ? *)\" start --timezone UTC",
               "schedule add close \"cron(0 18 * * ? *)\" stop --timezone UTC")
        let runner = try #require(h.session.scheduleRunner)
        let start = try runner.simulator.clock().seconds
        var checks = 0
        #expect(throws: Interrupted.self) {
            try InterruptSignal.polling({ checks += 1; return checks > checksBeforeStopping }) {
                try runner.advance(to: start + 30 * 86400)
            }
        }
        let clock = try runner.simulator.clock().seconds
        #expect(clock < start + 30 * 86400)
        let history = try ScheduleStore(h.session.database).fires()
        var expected: [Double] = []
        for day in 0..<30 {
            for hour in [8.0, 18.0] {
                let time: Double = start + Double(day * 86400) + hour * 3600
                if time <= clock { expected.append(time) }
            }
        }
        #expect(history.map(\.time) == expected)
        #expect(history.count == checksBeforeStopping)
        #expect(history.allSatisfy { $0.succeeded && $0.result != ScheduleRunner.interrupted })
    }

    /// The clock's last year ends a simulation with its error; what was passed is kept.
    @Test func theClocksEndStopsASimulationWithItsHistoryKept() throws {
        let h = try SessionHarness()
        h.type("clock set 2099-12-29T00:00:00Z", "schedule add open \"cron(0 8 * * ? *)\" start --timezone UTC")
        #expect(h.type("simulate 30d").contains("2000-01-01 to 2099-12-31"))
        #expect(h.type("clock").contains("2099-12-31T08:00:00"))
        #expect(try ScheduleStore(h.session.database).fires().count == 3)
    }
}
