import Foundation
import PanyaTestSupport
import Testing

/// The module keeps its tables, but only its records and their store reach the database: the
/// expressions, zones, planning and policies stay free of it.
@Suite struct ScheduleStorageBoundaryTests {
    @Test func onlyTheRecordsAndTheirStoreImportTheDatabase() throws {
        let folder = RepositoryRoot.file("Sources/Schedules")
        let files = try #require(FileManager.default.enumerator(atPath: folder)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 10)
        var storing: [String] = []
        for name in files {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let imports = text.split(separator: "\n").filter { $0.hasPrefix("import ") }.map { $0.dropFirst("import ".count) }
            if imports.contains("GRDB") || imports.contains("PanyaStore") { storing.append(name) }
        }
        #expect(storing.sorted() == ["Schedule.swift", "ScheduleFire.swift", "ScheduleStore.swift"])
    }
}
