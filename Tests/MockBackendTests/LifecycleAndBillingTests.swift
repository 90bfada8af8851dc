import PanyaSupport
import CustomLabels
import PanyaStore
import PanyaTestSupport
import Testing
@testable import MockBackend

@Test func lifecycleFollowsTheSimulatedClock() throws {
    let backend = try makeBackend()
    #expect(try backend.clock().text == "2023-08-01T19:30:00+09:00")
    #expect(try backend.status(versionArn: seedVersion) == .trainingCompleted)
    #expect(try #require(throws: ServiceError.self) { try backend.stopProjectVersion(arn: seedVersion) }.kind == .resourceInUse)
    #expect(try #require(throws: ServiceError.self) { try backend.startProjectVersion(arn: seedVersion, minInferenceUnits: 0, maxInferenceUnits: nil) }.kind == .invalidParameter)
    _ = try backend.startProjectVersion(arn: seedVersion, minInferenceUnits: 1, maxInferenceUnits: nil)
    #expect(try #require(throws: ServiceError.self) { try backend.startProjectVersion(arn: seedVersion, minInferenceUnits: 1, maxInferenceUnits: nil) }.kind == .resourceInUse)
    try backend.advance("4m")
    #expect(try backend.status(versionArn: seedVersion) == .starting)
    try backend.advance("1m")
    #expect(try backend.status(versionArn: seedVersion) == .running)
    #expect(try backend.describeVersion(arn: seedVersion).minInferenceUnits == 1)
    #expect(try backend.stopProjectVersion(arn: seedVersion) == .stopping)
    #expect(try backend.waitUntilStable(arn: seedVersion) { _ in } == .stopped)
    #expect(try backend.clock().text == "2023-08-01T19:36:00+09:00")
    #expect(try backend.waitUntilStable(arn: seedVersion) { _ in } == .stopped)
    #expect(try backend.startProjectVersion(arn: seedVersion, minInferenceUnits: 1, maxInferenceUnits: nil) == .starting)
}

@Test func clockSetAndAdvance() throws {
    let backend = try makeBackend()
    #expect(try backend.setClock("2023-08-02T06:30:00+09:00").text == "2023-08-02T06:30:00+09:00")
    #expect(try backend.advance("90s").text == "2023-08-02T06:31:30+09:00")
    #expect(try backend.setClock("2023-08-02T07:00").text == "2023-08-02T07:00:00+09:00")
    #expect(try backend.setClock("2023-08-02T00:00:00Z").text == "2023-08-02T00:00:00Z")
    #expect(throws: MockBackendError.self) { try backend.setClock("2023-08-01T00:00:00Z") }
    #expect(throws: ClockInputError.self) { try backend.setClock("tomorrow") }
    #expect(throws: ClockInputError.self) { try backend.advance("3 hours") }
}

@Test func threeHoursAtOneUnitIsTwelveDollars() throws {
    let backend = try runningBackend()
    try backend.advance("3h")
    _ = try backend.stopProjectVersion(arn: seedVersion)
    try backend.advance("1d")
    let bill = try backend.bill()
    let line = try #require(bill.lines.first)
    #expect(line.inferenceHours == 3)
    #expect(NumberText.money(line.inferenceUSD) == "12.00")
    // The recorded version was trained before the simulated clock began: no training is billed.
    #expect(line.trainingHours == 0)
    #expect(!line.isRunning)
    #expect(bill.jpy(line) == Pricing.walkthrough.jpy(12))
}

@Test func oneSecondIsBilledAsAMinuteAndUnitsMultiply() throws {
    let backend = try runningBackend()
    try backend.advance(seconds: 1)
    _ = try backend.stopProjectVersion(arn: seedVersion)
    #expect(try backend.bill().lines.first?.billedMinutes == 1)
    #expect(try backend.bill().lines.first.map { NumberText.money($0.inferenceUSD) } == "0.07")

    let two = try makeBackend()
    _ = try two.startProjectVersion(arn: seedVersion, minInferenceUnits: 2, maxInferenceUnits: nil)
    _ = try two.waitUntilStable(arn: seedVersion) { _ in }
    try two.advance("3h")
    let line = try #require(try two.bill().lines.first)
    #expect(line.isRunning)
    #expect(NumberText.money(line.inferenceUSD) == "24.00")
    #expect(line.units == 2)
}

@Test func forgettingToStopKeepsBilling() throws {
    let backend = try runningBackend()
    try backend.advance("30d")
    let line = try #require(try backend.bill().lines.first)
    #expect(NumberText.money(line.inferenceUSD) == "2,880.00")
}

@Test func twoShellsShareTheState() throws {
    let folder = try TemporaryFolder(prefix: "panya-mock-tests")
    defer { folder.remove() }
    let path = folder.path + "/panya.sqlite"
    let a = try MockBackend(directory: shippedRecordings, database: PanyaDatabase(path: path))
    let b = try MockBackend(directory: shippedRecordings, database: PanyaDatabase(path: path))
    _ = try a.startProjectVersion(arn: seedVersion, minInferenceUnits: 1, maxInferenceUnits: nil)
    try a.advance("5m")
    #expect(try b.status(versionArn: seedVersion) == .running)
}

/// What the shell's `model wait` and `simulate` ask of the simulator (as any ``SimulatedTime``):
/// the state a start or stop left and the ledger, as the service's words, not stored rows.
@Test func theSimulatorTellsItsLifecycleAndLedgerThroughItsCapability() throws {
    let backend = try makeBackend()
    let simulator = try #require(backend.simulatedTime)
    #expect(try simulator.lifecycleState(versionArn: seedVersion) == nil)
    #expect(try simulator.billedStretches().isEmpty)
    let started = try backend.clock().seconds
    _ = try backend.startProjectVersion(arn: seedVersion, minInferenceUnits: 2, maxInferenceUnits: nil)
    let state = try #require(try simulator.lifecycleState(versionArn: seedVersion))
    #expect(state == LifecycleState(status: .starting, since: started, units: 2))
    #expect(state.current(at: started + 299).status == .starting)
    #expect(state.current(at: started + 300) == (status: .running, since: started + 300))
    try backend.advance("1h")
    _ = try backend.stopProjectVersion(arn: seedVersion)
    #expect(try simulator.lifecycleState(versionArn: seedVersion)?.status == .stopping)
    #expect(try simulator.billedStretches() == [RunningStretch(versionArn: seedVersion, units: 2, from: started + 300, until: started + 3600)])
    // A status the service does not have (an edited row) is no state: the backend's own wait decides.
    try backend.state.saveVersionState(MockVersionState(versionArn: seedVersion, status: "SLEEPING", units: 1, statusSince: started))
    #expect(try simulator.lifecycleState(versionArn: seedVersion) == nil)
}
