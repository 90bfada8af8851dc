import CustomLabels
import PanyaStore
import PanyaTestSupport
import Testing
@testable import MockBackend

/// A detection keeps what it read about a version while the database does not change: these
/// check that every kind of change — this shell's, another shell's, the clock's — is seen at once.
@Suite struct VersionCheckTests {
    let breads3: [UInt8]

    init() throws {
        breads3 = try photoBytes("breads3.jpg")
    }

    func detect(_ backend: MockBackend) throws -> [String] {
        try backend.detectCustomLabels(DetectCustomLabelsRequest(projectVersionArn: seedVersion, image: .bytes(breads3))).customLabels.map(\.name)
    }

    func refusal(_ backend: MockBackend) throws -> ServiceErrorCode {
        try #require(throws: ServiceError.self) { try detect(backend) }.kind
    }

    @Test func aStopInThisShellIsSeenAtOnce() throws {
        let backend = try runningBackend()
        #expect(try detect(backend) == ["メロンパン"])
        #expect(try detect(backend) == ["メロンパン"])
        _ = try backend.stopProjectVersion(arn: seedVersion)
        #expect(try refusal(backend) == .resourceNotReady)
    }

    @Test func anotherShellsStopAndClockAreSeenAtOnce() throws {
        let folder = try TemporaryFolder(prefix: "panya-mock-tests")
        defer { folder.remove() }
        let path = folder.file("panya.sqlite")
        let here = try MockBackend(directory: shippedRecordings, database: PanyaDatabase(path: path))
        let there = try MockBackend(directory: shippedRecordings, database: PanyaDatabase(path: path))
        _ = try there.startProjectVersion(arn: seedVersion, minInferenceUnits: 1, maxInferenceUnits: nil)
        #expect(try refusal(here) == .resourceNotReady)          // STARTING
        try there.advance("5m")
        #expect(try detect(here) == ["メロンパン"])               // RUNNING, by the other shell's clock
        _ = try there.stopProjectVersion(arn: seedVersion)
        #expect(try refusal(here) == .resourceNotReady)          // STOPPING
    }

    @Test func aCheckIsKeptOnlyWhileNothingChanges() throws {
        let backend = try runningBackend()
        let first = try backend.versionCheck(arn: seedVersion)
        #expect(try backend.versionCheck(arn: seedVersion).stamp == first.stamp)
        try backend.advance("1s")
        let second = try backend.versionCheck(arn: seedVersion)
        #expect(second.stamp != first.stamp)
        #expect(second.status == .running)
    }
}
