import CustomLabels
import Foundation
import PanyaStore
import PanyaTestSupport
import Photos
import Testing
@testable import MockBackend

/// Training's edge cases: a damaged photo, the clock's last hours, two shells naming one version.
@Suite struct TrainingHardeningTests {
    /// A test photo cut short after it was added (without `--label`): the training still makes a
    /// TRAINING_FAILED version whose StatusMessage names the photo.
    @Test func aTestPhotoCutShortFailsTheTrainingWithAVersion() throws {
        let folder = try TemporaryFolder(prefix: "panya-mock-tests")
        defer { folder.remove() }
        let backend = try makeBackend()
        _ = try backend.createProject(name: "cut")
        try backend.createDataset(project: "cut", kind: .training)
        try backend.createDataset(project: "cut", kind: .test)
        _ = try backend.addPhotos(project: "cut", kind: .training, paths: (1...10).map { photosFolder + "/train/melonpan-" + ($0 < 10 ? "0\($0)" : "\($0)") + ".jpg" },
                                  label: "メロンパン")
        let whole = try photoBytes("test/melonpan.jpg")
        let cut = folder.file("cut.jpg")
        try Data(whole).write(to: URL(fileURLWithPath: cut))
        _ = try backend.addPhotos(project: "cut", kind: .test, paths: [cut], label: "メロンパン")
        // Cut after adding: the same name, a third of the bytes (the dataset still has the old hash).
        try Data(whole.prefix(whole.count / 3)).write(to: URL(fileURLWithPath: cut))
        let version = try backend.train(project: "cut", versionName: "after-cut")
        #expect(version.status == .trainingFailed)
        let message = try #require(version.statusMessage)
        #expect(message.contains(cut))
        #expect(try backend.trainingFailure(versionArn: version.projectVersionArn)?.ja.contains(cut) == true)
        #expect(try backend.waitUntilStable(arn: version.projectVersionArn) { _ in } == .trainingFailed)
    }

    /// Training that starts 10 minutes before the clock's end (30 minutes of work) ends at the
    /// clock's last second, so waiting for it finishes.
    @Test(arguments: ["2099-12-31T23:50:00+09:00", "2099-12-31T23:59:59Z"])
    func trainingAtTheEndOfTheClockCompletes(start: String) throws {
        let backend = try makeBackend()
        _ = try backend.createProject(name: "late")
        try backend.createDataset(project: "late", kind: .training)
        try backend.createDataset(project: "late", kind: .test)
        _ = try backend.setClock(start)
        let version = try backend.train(project: "late", versionName: nil)
        #expect(version.status == .trainingFailed || version.status == .trainingInProgress || version.status == .trainingCompleted)
        let end = try backend.waitUntilStable(arn: version.projectVersionArn) { _ in }
        #expect(end == .trainingFailed || end == .trainingCompleted)
        #expect(MockBackend.secondsLeftOnClock(after: try backend.clock().seconds, offsetSeconds: try backend.clock().offsetSeconds) >= 0)
    }

    @Test func secondsLeftOnTheClockCountToItsLastSecond() throws {
        let start = try #require(ISO8601.parse("2099-12-31T23:00:00Z"))
        #expect(MockBackend.secondsLeftOnClock(after: start.seconds, offsetSeconds: 0) == 3599)
        #expect(MockBackend.secondsLeftOnClock(after: start.seconds + 7200, offsetSeconds: 0) == 0)
        // In +09:00 the clock's last second is 9 hours earlier in UTC.
        let tokyo = try #require(ISO8601.parse("2099-12-31T14:00:00Z"))
        #expect(MockBackend.secondsLeftOnClock(after: tokyo.seconds, offsetSeconds: 9 * 3600) == 3599)
    }

    /// Two shells (two openings of one file) training one project at the same simulated second,
    /// over several rounds: no name is saved twice, and each shell is told what really happened.
    @Test func twoShellsTrainingAtOneSecondSaveOneVersion() throws {
        let folder = try TemporaryFolder(prefix: "panya-mock-tests")
        defer { folder.remove() }
        let path = folder.file("race.sqlite")
        let first = try MockBackend(directory: shippedRecordings, database: PanyaDatabase(path: path))
        _ = try first.createProject(name: "race")
        try first.createDataset(project: "race", kind: .training)
        var madeInAll = 0
        for round in 1...5 {
            let results = OutputCapture()
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                do {
                    // Each thread is a shell of its own: its own opening of the file.
                    let shell = try MockBackend(directory: shippedRecordings, database: PanyaDatabase(path: path))
                    results.append(try shell.train(project: "race", versionName: round.isMultiple(of: 2) ? "named-\(round)" : nil).versionName)
                } catch let error as TrainingError {
                    results.append(error.code ?? "?")
                } catch {
                    results.append("\(error)")
                }
            }
            let outcomes = results.entries.sorted()
            let made = outcomes.filter { $0 != "ResourceInUseException" }
            // Each shell is told the truth: a version of its own (a generated name moves on a second
            // when the first is taken), or, for one explicit name, that the other shell made it.
            #expect(made.allSatisfy { $0.hasPrefix("race.") || $0 == "named-\(round)" }, "round \(round): \(outcomes)")
            #expect(Set(made).count == made.count, "round \(round): \(outcomes)")
            if round.isMultiple(of: 2) {
                #expect(outcomes == ["ResourceInUseException", "named-\(round)"], "round \(round): \(outcomes)")
            }
            madeInAll += made.count
            _ = try first.advance(seconds: 60)
        }
        let stored = try first.trained.store.versions(project: "race").map(\.name)
        #expect(stored.count == madeInAll)
        #expect(Set(stored).count == stored.count)
    }

    @Test func theSavingTransactionRefusesATakenName() throws {
        let store = TrainedVersionStore(try .inMemory())
        let version = TrainedVersion(arn: "arn:v1", project: "p", name: "p.v", createdSeconds: 0, outcome: "TRAINING_FAILED",
                                           statusMessageEn: nil, statusMessageJa: nil, trainingSeconds: 0, trainingImages: 0, testingImages: 0,
                                           modelJSON: nil, evaluationJSON: nil, testResultsJSON: nil)
        #expect(try store.insertVersion(version))
        var sameName = version
        sameName.arn = "arn:v2"
        #expect(try store.insertVersion(sameName) == false)
        var sameArn = version
        sameArn.name = "p.other"
        #expect(try store.insertVersion(sameArn) == false)
        #expect(try store.versions(project: "p").map(\.arn) == ["arn:v1"])
    }
}

/// What the mock makes of edited state rows: clear errors, never a trap or a silent zero.
@Suite struct DamagedStateTests {
    @Test(arguments: ["2023-13-45T10:00:00Z", "not a time", "2150-01-01T00:00:00Z", ""])
    func anUnreadableClockIsADamagedDatabase(stored: String) throws {
        let database = try PanyaDatabase.inMemory()
        let backend = try MockBackend(directory: shippedRecordings, database: database)
        _ = try backend.clock()
        try database.writer.write { db in try db.execute(sql: "UPDATE mockClock SET now = ?", arguments: [stored]) }
        for read in [{ _ = try backend.clock() }, { _ = try backend.advance(seconds: 60) }, { _ = try backend.bill() }] {
            let error = try #require(throws: StoreError.self) { try read() }
            #expect(error.kind == .damagedRow(table: "mockClock", row: "id 1", column: "now",
                                              problem: "\"\(stored)\" is not a time from 2000 to 2099"))
            #expect(error.code == "DatabaseCorrupt")
        }
    }

    @Test func unitsPastTheStoredLimitAreRefusedNotBilled() throws {
        let database = try PanyaDatabase.inMemory()
        let backend = try MockBackend(directory: shippedRecordings, database: database)
        _ = try backend.startProjectVersion(arn: seedVersion, minInferenceUnits: 3, maxInferenceUnits: nil)
        _ = try backend.advance(seconds: 3600)
        #expect(try backend.bill().lines.contains { $0.units == 3 })
        try database.writer.write { db in try db.execute(sql: "UPDATE mockBilling SET units = 5000000") }
        let error = try #require(throws: StoreError.self) { try backend.bill() }
        guard case .damagedRow(let table, _, let column, _) = error.kind else { Issue.record("\(error.kind)"); return }
        #expect(table == "mockBilling")
        #expect(column == "units")
    }

    @Test func saturatingSumsHoldAtTheLargestWholeNumber() {
        #expect(MockBackend.saturatingSum(Int.max - 1, 5) == Int.max)
        #expect(MockBackend.saturatingProduct(Int.max / 2, 3) == Int.max)
        #expect(MockBackend.saturatingSum(2, 3) == 5)
        #expect(MockBackend.saturatingProduct(4, 5) == 20)
    }
}

/// Units the store would not read back are refused at the door, not stored.
@Suite struct UnitsAtTheDoorTests {
    @Test(arguments: [1_000_001, 1_000_000_000_000, Int.max])
    func tooManyUnitsAreRefusedBeforeAnythingIsStored(units: Int) throws {
        let backend = try makeBackend()
        #expect(throws: ServiceError.self) { _ = try backend.startProjectVersion(arn: seedVersion, minInferenceUnits: units, maxInferenceUnits: nil) }
        #expect(try backend.state.allVersionStates().isEmpty)
        #expect(try backend.bill().lines.allSatisfy { $0.inferenceUSD == 0 })
    }
}
