import CustomLabels
import Foundation
import PanyaStore
import PanyaTestSupport
import Schedules
import Testing
@testable import PanyaServer

/// `panya serve --clock real` moves the shared clock through the scheduler: a schedule set in the
/// shell starts the model the server serves.
@Suite struct ServedSchedulesTests {
    @Test func theRealClockFiresTheStudentsSchedules() async throws {
        // 3000× the wall clock: a minute of simulated time every 20 ms.
        let fixture = try ServerFixture(clock: .real(scale: 3000))
        defer { fixture.removeBuckets() }
        try fixture.server.gate.run { backend in
            let now = try backend.setClock("2026-04-01T00:00:00Z")
            try ScheduleStore(backend.database).save(Schedule(name: "open", expression: try ScheduleExpression.parse("rate(1 minute)"),
                                                              timeZone: .utc, action: .start, versionArn: ServerFixture.versionArn,
                                                              createdAt: now.seconds))
        }
        try await Task.sleep(for: .milliseconds(300))
        let describe = fixture.respond(ServerFixture.rekognition("DescribeProjectVersions", #"{"ProjectArn":"\#(ServerFixture.projectArn)"}"#))
        #expect(describe.bodyText.contains(#""Status":"STARTING""#) || describe.bodyText.contains(#""Status":"RUNNING""#))
        let fires = try fixture.server.gate.run { backend in try ScheduleStore(backend.database).fires() }
        #expect(fires.first?.schedule == "open")
        #expect(fires.first?.result == "STARTING")
    }
}
