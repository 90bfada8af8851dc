import PanyaStore
import Testing
@testable import MockBackend

@Test func storesStatesAndLedgerAndAResetForgetsTheClockAndSelectionToo() throws {
    let database = try PanyaDatabase.inMemory()
    let store = MockStateStore(database)
    let clock = SimulatedClockStore(database)
    let selections = ModelSelectionStore(database)
    try clock.setClock("2023-08-02T06:30:00+09:00")
    try selections.setSelection(BackendSelection(backend: "mock", projectArn: "p", versionArn: "v"))

    try store.transition(arn: "v") { current in
        #expect(current == nil)
        return (MockVersionState(versionArn: "v", status: "STARTING", units: 2, statusSince: 100), .open(units: 2, from: 400), ())
    }
    try store.transition(arn: "v") { current in
        #expect(current?.units == 2)
        return (MockVersionState(versionArn: "v", status: "STOPPING", units: 2, statusSince: 1000), .close(until: 1000), ())
    }
    #expect(try store.billing() == [MockBillingEntry(id: 1, versionArn: "v", units: 2, runningFrom: 400, runningUntil: 1000)])
    struct Refused: Error {}
    #expect(throws: Refused.self) {
        try store.transition(arn: "v") { _ -> (MockVersionState, MockStateStore.BillingChange, Void) in throw Refused() }
    }
    #expect(try store.versionState(arn: "v")?.status == "STOPPING")
    try store.reset()
    #expect(try store.allVersionStates().isEmpty && store.billing().isEmpty && clock.clock() == nil)
    #expect(try selections.selection(backend: "mock") == nil)
}
