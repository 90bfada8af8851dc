import PanyaSupport
import Testing
@testable import CustomLabels

@Test func startAndStopOnlyFromTheirStates() throws {
    #expect(try VersionLifecycle.start(from: .trainingCompleted, arn: "a") == .starting)
    #expect(try VersionLifecycle.start(from: .stopped, arn: "a") == .starting)
    #expect(try VersionLifecycle.stop(from: .running, arn: "a") == .stopping)
    for status in [VersionStatus.running, .starting, .stopping, .trainingInProgress, .trainingFailed] {
        let error = try #require(throws: ServiceError.self) { try VersionLifecycle.start(from: status, arn: "a") }
        #expect(error.kind == .resourceInUse)
    }
    #expect(throws: ServiceError.self) { try VersionLifecycle.stop(from: .stopped, arn: "a") }
    #expect(throws: ServiceError.self) { try VersionLifecycle.validateUnits(min: 0, max: nil) }
    #expect(throws: ServiceError.self) { try VersionLifecycle.validateUnits(min: 2, max: 1) }
}

@Test func automaticTransitionsFollowTheClock() {
    #expect(VersionLifecycle.status(.starting, since: 0, at: 299).status == .starting)
    #expect(VersionLifecycle.status(.starting, since: 0, at: 300) == (.running, 300))
    #expect(VersionLifecycle.status(.stopping, since: 100, at: 160) == (.stopped, 160))
    #expect(VersionLifecycle.status(.running, since: 0, at: 1e9).status == .running)
}

@Test func pricingMatchesTheWalkthrough() {
    let p = Pricing.walkthrough
    #expect(NumberText.money(p.inferenceUSD(seconds: 3 * 3600, units: 1)) == "12.00")
    #expect(NumberText.money(p.inferenceUSD(seconds: 24 * 30 * 3600, units: 1)) == "2,880.00")
    #expect(NumberText.money(p.inferenceUSD(seconds: 13 * 30 * 3600, units: 1)) == "1,560.00")
    #expect(p.jpy(2880) == 403_200)
    #expect(Pricing.billedMinutes(seconds: 1) == 1)
    #expect(Pricing.billedMinutes(seconds: 0) == 1)
    #expect(Pricing.billedMinutes(seconds: 60) == 1)
    #expect(Pricing.billedMinutes(seconds: 61) == 2)
    #expect(p.inferenceUSD(seconds: 3600, units: 2) == 2 * p.inferenceUSD(seconds: 3600, units: 1))
    #expect(abs(p.trainingUSD(seconds: 1800) - 0.685) < 1e-9)
    #expect(NumberText.grouped(403_200) == "403,200")
}

@Test func iso8601AndDurations() throws {
    let t = try #require(ISO8601.parse("2023-08-01T19:00:00+09:00"))
    #expect(t.seconds == 1690884000)
    #expect(t.text == "2023-08-01T19:00:00+09:00")
    #expect(ISO8601.format(seconds: 1690884000, offsetSeconds: 0) == "2023-08-01T10:00:00Z")
    #expect(ISO8601.parse("2023-08-01T10:00:00.5Z")?.seconds == 1690884000.5)
    #expect(ISO8601.parse("2023-02-30T10:00:00Z") == nil)
    #expect(ISO8601.parse("yesterday") == nil)
    #expect(ISO8601.parse("2023-08-01T19:00", defaultOffsetSeconds: 32400)?.seconds == 1690884000)
    #expect(ISO8601.parse("2023-08-01T10:00Z", defaultOffsetSeconds: 32400)?.seconds == 1690884000)
    #expect(ISO8601.format(seconds: -1, offsetSeconds: 0) == "1969-12-31T23:59:59Z")
    #expect(try ClockDuration.parse("90s") == 90)
    #expect(try ClockDuration.parse("30m") == 1800)
    #expect(try ClockDuration.parse("3h") == 10800)
    #expect(try ClockDuration.parse("2d") == 172800)
    #expect(try ClockDuration.parse("1h30m") == 5400)
    #expect(throws: ClockInputError.self) { try ClockDuration.parse("3 hours") }
    #expect(throws: ClockInputError.self) { try ClockDuration.parse("h") }
    #expect(ClockDuration.format(5400) == "1h30m")
}
