import PanyaStore
import Testing
@testable import MockBackend

@Test func theRecordingIndexKeepsEachFolderApart() throws {
    let store = RecordingIndexStore(try .inMemory())
    let a = RecordingIndexEntry(directory: "/r1", file: "detections/a.json", modifiedNanoseconds: 1, size: 10, sha256: "aa", versionArn: "arn1")
    let b = RecordingIndexEntry(directory: "/r1", file: "detections/b.json", modifiedNanoseconds: 2, size: 20, sha256: nil, versionArn: nil)
    let other = RecordingIndexEntry(directory: "/r2", file: "detections/a.json", modifiedNanoseconds: 3, size: 30, sha256: "cc", versionArn: "arn2")
    try store.update(directory: "/r1", changed: [b, a], removed: [])
    try store.update(directory: "/r2", changed: [other], removed: [])
    #expect(try store.entries(directory: "/r1") == [a, b])
    #expect(try store.entries(directory: "/r2") == [other])

    var changed = a
    changed.modifiedNanoseconds = 5
    changed.sha256 = "dd"
    try store.update(directory: "/r1", changed: [changed], removed: ["detections/b.json"])
    #expect(try store.entries(directory: "/r1") == [changed])
    #expect(try store.entries(directory: "/r2") == [other])
    try store.update(directory: "/r1", changed: [], removed: [])
    #expect(try store.entries(directory: "/r1") == [changed])
}

@Test func theRecordingIndexMigrationComesLast() {
    #expect(PanyaSchema.migrationNames.contains("v3-recording-index"))
}
