import CustomLabels
import Foundation
import GRDB
import MockBackend
import PanyaTestSupport
import Register
import Schedules
import Testing
import Workbench
@testable import PanyaStore

/// A database with a project, a photo with a box, a trained version, a version state, a billed
/// stretch, a schedule with a fire, and a register line.
private func databaseWithEveryKindOfRow(at path: String) throws -> PanyaDatabase {
    let database = try PanyaDatabase(path: path)
    let workbench = WorkbenchStore(database)
    _ = try workbench.createProject(name: "p", arn: "arn:p", createdSeconds: 1_700_000_000)
    _ = try workbench.createDataset(project: "p", kind: .training, createdSeconds: 1_700_000_000)
    try workbench.addPhotos(project: "p", kind: .training, [
        TrainingPhoto(name: "/a.jpg", sha256: "00", width: 640, height: 480, byteCount: 10, format: .jpeg,
                      boxes: [LabelledBox(label: "あんぱん", box: BoundingBox(width: 0.3, height: 0.4, left: 0.1, top: 0.2))]),
    ])
    #expect(try TrainedVersionStore(database).insertVersion(TrainedVersion(arn: "arn:v", project: "p", name: "p.v", createdSeconds: 1_700_000_000,
                                                            outcome: "TRAINING_COMPLETED", statusMessageEn: nil, statusMessageJa: nil,
                                                            trainingSeconds: 1800, trainingImages: 1, testingImages: 0, modelJSON: nil,
                                                            evaluationJSON: nil, testResultsJSON: nil)))
    let state = MockStateStore(database)
    try state.transition(arn: "arn:v") { _ in
        (MockVersionState(versionArn: "arn:v", status: "STARTING", units: 2, statusSince: 1_700_000_000), .open(units: 2, from: 1_700_000_300), ())
    }
    let schedules = ScheduleStore(database)
    try schedules.save(Schedule(name: "open", expression: try ScheduleExpression.parse("rate(1 hour)"), timeZone: .utc, action: .start,
                                versionArn: "arn:v", createdAt: 1_700_000_000))
    try schedules.record([ScheduleFire(schedule: "open", time: 1_700_003_600, action: .start, versionArn: "arn:v",
                                       result: "STARTING", succeeded: true)])
    try RegisterStore(database, register: "shell").add([LineAddition(name: "あんぱん", qty: 2, unitPrice: 150, needsConfirmation: false)])
    return database
}

/// Each store's read of its rows.
private func read(_ table: String, _ database: PanyaDatabase) throws {
    switch table {
    case "trainingPhoto", "trainingBox": _ = try WorkbenchStore(database).photos(project: "p", kind: .training)
    case "trainedVersion": _ = try TrainedVersionStore(database).versions()
    case "trainingProject": _ = try WorkbenchStore(database).projects()
    case "mockVersionState": _ = try MockStateStore(database).allVersionStates()
    case "mockBilling": _ = try MockStateStore(database).billing()
    case "schedule": _ = try ScheduleStore(database).all()
    case "scheduleFire": _ = try ScheduleStore(database).fires()
    case "register_item": _ = try RegisterStore(database, register: "shell").lines()
    default: Issue.record("no reader for \(table)")
    }
}

@Suite struct DamagedRowTests {
    /// One edited value per row kind: a wrong kind of value, or a number panya never stores. Each
    /// read is refused with the table, the row's key and the column, and nothing traps.
    @Test(arguments: [
        ("trainingPhoto", "height", "'tall'"),
        ("trainingPhoto", "width", "-3"),
        ("trainingBox", "left", "1e308"),
        ("trainingBox", "label", "x'00ff'"),
        ("trainedVersion", "trainingSeconds", "-5"),
        ("trainedVersion", "createdSeconds", "'yesterday'"),
        ("trainingProject", "createdSeconds", "-1e200"),
        ("mockVersionState", "units", "10000000000000"),
        ("mockVersionState", "statusSince", "'soon'"),
        ("mockBilling", "runningFrom", "-1e300"),
        ("mockBilling", "runningUntil", "1e20"),
        ("schedule", "createdAt", "9e99"),
        ("schedule", "units", "0"),
        ("schedule", "expression", "'rate(0 hours)'"),
        ("schedule", "timeZone", "'Asia/Tokio'"),
        ("scheduleFire", "time", "'noon'"),
        ("register_item", "qty", "4611686018427387904"),
        ("register_item", "unit_price", "-1"),
    ])
    func anEditedValueIsADamagedRowNamedByTableRowAndColumn(table: String, column: String, value: String) throws {
        let dir = try TemporaryFolder(prefix: "panya-store-tests")
        defer { dir.remove() }
        let path = dir.file("edited.sqlite")
        let database = try databaseWithEveryKindOfRow(at: path)
        try read(table, database)
        try database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE \(table) SET \(column) = \(value)")
        }
        let error = try #require(throws: StoreError.self) { try read(table, database) }
        guard case .damagedRow(let damagedTable, let row, let damagedColumn, let problem) = error.kind else {
            Issue.record("\(error.kind)")
            return
        }
        #expect(damagedTable == table)
        #expect(damagedColumn == column)
        #expect(row != "?" && !row.isEmpty)
        #expect(!problem.isEmpty)
        #expect(error.code == "DatabaseCorrupt")
        #expect(error.message.en.contains("damaged database \(path): table \(table), row "))
        #expect(error.message.ja.contains("テーブル \(table)"))
    }

    /// Seeded random edits of one value in any table panya reads rows from: every read of every
    /// store either works or says which row is damaged; nothing traps.
    @Test func randomEditsNeverTrap() throws {
        let columns: [String: [String]] = [
            "trainingPhoto": ["id", "path", "byteCount", "width", "height"], "trainingBox": ["label", "left", "top", "width", "height"],
            "trainedVersion": ["createdSeconds", "trainingSeconds", "trainingImages", "outcome", "modelJSON"],
            "trainingProject": ["name", "createdSeconds"], "mockVersionState": ["units", "statusSince", "status"],
            "mockBilling": ["units", "runningFrom", "runningUntil"], "schedule": ["units", "createdAt", "enabled", "position", "expression", "timeZone", "action"],
            "scheduleFire": ["time", "succeeded", "repeats", "lastTime", "action"], "register_item": ["qty", "unit_price", "confirm"],
        ]
        let values = ["NULL", "'x'", "x'00ff'", "-1", "0", "1e308", "-1e308", "9223372036854775807", "-9223372036854775808", "4.5", "''", "'9999-99-99'"]
        let seeds = Int(ProcessInfo.processInfo.environment["PANYA_FUZZ_ITERATIONS"] ?? "").map { max(1, $0 / 10) } ?? 40
        let dir = try TemporaryFolder(prefix: "panya-store-tests")
        defer { dir.remove() }
        var outcomes: [String: Int] = [:]
        for seed in UInt64(1)...UInt64(seeds) {
            var random = SeededBytes(state: seed)
            let path = dir.file("edited-\(seed).sqlite")
            let database = try databaseWithEveryKindOfRow(at: path)
            let tables = columns.keys.sorted()
            let table = tables[Int(random.next() % UInt64(tables.count))]
            let names = columns[table] ?? []
            let column = names[Int(random.next() % UInt64(names.count))]
            let value = values[Int(random.next() % UInt64(values.count))]
            try database.writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                try? db.execute(sql: "UPDATE \(table) SET \(column) = \(value)")
            }
            for reader in columns.keys.sorted() {
                do {
                    try read(reader, database)
                    outcomes["read", default: 0] += 1
                } catch let error as StoreError {
                    #expect(error.message.en.contains(path))
                    outcomes[error.code ?? "?", default: 0] += 1
                }
            }
        }
        #expect(outcomes["read", default: 0] > 0)
        print("edited rows: \(seeds) databases, outcomes \(outcomes.sorted { $0.key < $1.key })")
    }

    @Test func grdbsDescriptionIsReadForTableRowAndColumn() {
        let sample = #"could not decode Double from database value "abc" - column: "width", column index: 3, row: [label:"a" width:"abc"], sql: `SELECT label, width FROM "trainingBox" WHERE photoId = ?`, arguments: [1]"#
        #expect(DamagedRow.parts(ofDescription: sample) == DamagedRow(table: "trainingBox", row: #"label:"a" width:"abc""#, column: "width",
                                                                       problem: #"could not decode Double from database value "abc""#))
        let missing = #"column not found: "qty" - row: [name:"x"], sql: `select name from register_item`"#
        #expect(DamagedRow.parts(ofDescription: missing).column == "qty")
        #expect(DamagedRow.parts(ofDescription: missing).table == "register_item")
        #expect(DamagedRow.parts(ofDescription: "something else").table == "?")
    }
}
