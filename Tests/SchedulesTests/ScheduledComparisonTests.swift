import CustomLabels
import Testing
@testable import Schedules

/// The schedules' model against always on, the other models kept apart.
@Suite struct ScheduledComparisonTests {
    /// 2026-04-01T00:00:00+09:00.
    static let april1 = 1_774_969_200.0
    static let day = 86_400.0

    /// The seed's model, RUNNING 6:35–19:30 (its start at 6:30 spends 5 minutes STARTING) each of 30 days.
    static func scheduled(_ arn: String) -> [RunningStretch] {
        (0..<30).map { RunningStretch(versionArn: arn, units: 1, from: april1 + Double($0) * day + 6 * 3600 + 35 * 60,
                                      until: april1 + Double($0) * day + 19 * 3600 + 30 * 60) }
    }

    @Test func theSeedsMonthBesideAModelLeftRunning() throws {
        let stretches = Self.scheduled("seed") + [RunningStretch(versionArn: "class", units: 1, from: Self.april1 - 3600, until: nil)]
        let comparison = try #require(ScheduledComparison.compute(stretches, targets: [.init(versionArn: "seed", units: 1)], from: Self.april1,
                                                                  to: Self.april1 + 30 * Self.day, offsetSeconds: 9 * 3600, pricing: .walkthrough))
        #expect(comparison.days.count == 30)
        #expect(abs(comparison.scheduledUSD - 1550) < 1e-9)
        #expect(abs(comparison.scheduledHours - 387.5) < 1e-9)
        #expect(comparison.alwaysOnUSD == 2880)
        #expect(comparison.alwaysOnHours == 720)
        #expect(abs(comparison.otherModelsUSD - 2880) < 1e-9, "the model left running bills the whole month, apart from the comparison")
        #expect(abs(comparison.savedUSD - 1330) < 1e-9)
    }

    @Test func unitsComeFromTheStartSchedulesAndNoScheduleIsNoComparison() {
        let targets = ScheduledComparison.targets([("a", false, 1), ("a", true, 3), ("b", true, 2), ("a", true, 1)])
        #expect(targets == [.init(versionArn: "a", units: 3), .init(versionArn: "b", units: 2)])
        let always = ScheduledComparison.compute([], targets: [.init(versionArn: "a", units: 2)], from: 0, to: 3600, offsetSeconds: 0, pricing: .walkthrough)
        #expect(always?.alwaysOnUSD == 8)
        #expect(always?.scheduledUSD == 0)
        #expect(ScheduledComparison.compute([], targets: [], from: 0, to: 3600, offsetSeconds: 0, pricing: .walkthrough) == nil)
    }
}
