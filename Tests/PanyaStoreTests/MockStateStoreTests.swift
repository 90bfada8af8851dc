import Testing
@testable import PanyaStore

@Test func storesSelectionClockStatesAndLedger() throws {
    let store = MockStateStore(try .inMemory())
    #expect(try store.clock() == nil)
    #expect(try store.initializeClock("2023-08-01T19:30:00+09:00") == "2023-08-01T19:30:00+09:00")
    #expect(try store.initializeClock("2000-01-01T00:00:00Z") == "2023-08-01T19:30:00+09:00")
    try store.setClock("2023-08-02T06:30:00+09:00")
    #expect(try store.clock() == "2023-08-02T06:30:00+09:00")

    try store.setSelection(MockSelection(backend: "mock", projectArn: "p", versionArn: "v"))
    #expect(try store.selection(backend: "mock")?.versionArn == "v")
    #expect(try store.selection(backend: "aws") == nil)

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
    #expect(try store.allVersionStates().isEmpty && store.billing().isEmpty && store.clock() == nil)
}
