import Testing
@testable import PanyaStore

@Test func eachBackendKeepsItsOwnSelection() throws {
    let store = ModelSelectionStore(try .inMemory())
    #expect(try store.selection(backend: "mock") == nil)
    try store.setSelection(BackendSelection(backend: "mock", projectArn: "p", versionArn: "v"))
    #expect(try store.selection(backend: "mock")?.versionArn == "v")
    #expect(try store.selection(backend: "aws") == nil)
    try store.setSelection(BackendSelection(backend: "mock", projectArn: nil, versionArn: "w"))
    #expect(try store.selection(backend: "mock") == BackendSelection(backend: "mock", projectArn: nil, versionArn: "w"))
}
