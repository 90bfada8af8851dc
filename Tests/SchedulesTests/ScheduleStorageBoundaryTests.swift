import Foundation
import PanyaTestSupport
import Testing

/// The module keeps its tables, but only its records and their store reach the database: the
/// expressions, zones, planning and policies stay free of it.
@Suite struct ScheduleStorageBoundaryTests {
    @Test func onlyTheRecordsAndTheirStoreImportTheDatabase() throws {
        let files = try ModuleSources.files(of: "Schedules")
        #expect(files.count > 10)
        let storing = files.filter { !ModuleSources.imports(in: $0.text).isDisjoint(with: ["GRDB", "PanyaStore"]) }.map(\.name)
        #expect(storing.sorted() == ["Schedule.swift", "ScheduleFire.swift", "ScheduleStore.swift"])
    }
}
