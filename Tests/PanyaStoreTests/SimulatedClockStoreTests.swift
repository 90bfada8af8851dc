import Foundation
import PanyaTestSupport
import Testing
@testable import PanyaStore

@Suite struct SimulatedClockStoreTests {
    @Test func theFirstUseStoresTheStartOnce() throws {
        let store = SimulatedClockStore(try PanyaDatabase.inMemory())
        #expect(try store.clock() == nil)
        #expect(try store.initializeClock("2023-08-01T19:30:00+09:00") == "2023-08-01T19:30:00+09:00")
        #expect(try store.initializeClock("2000-01-01T00:00:00Z") == "2023-08-01T19:30:00+09:00")
        try store.setClock("2023-08-02T06:30:00+09:00")
        #expect(try store.clock() == "2023-08-02T06:30:00+09:00")
    }

    @Test(arguments: ["2000-01-01T00:00:00Z", "2026-04-01T06:00:00+09:00", "2099-12-31T23:59:59Z"])
    func timesInTheRangeAreStored(time: String) throws {
        let state = SimulatedClockStore(try PanyaDatabase.inMemory())
        try state.setClock(time)
        #expect(try state.clock() == time)
    }

    /// `clock set 9999-12-31T23:59:59Z` then `clock advance 2s` used to read as 1970 (a five-digit year).
    @Test(arguments: ["9999-12-31T23:59:59Z", "10000-01-01T00:00:01Z", "1999-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "", "garbage"])
    func timesOutsideTheRangeAreRefusedByName(time: String) throws {
        let state = SimulatedClockStore(try PanyaDatabase.inMemory())
        try state.setClock("2026-04-01T06:00:00+09:00")
        let error = try #require(throws: ClockRangeError.self) { try state.setClock(time) }
        #expect(error.code == "ClockOutOfRange")
        #expect(error.message.en == "the simulated clock runs from 2000-01-01 to 2099-12-31; \(time) is outside it (clock shows the time now, clock set TIME sets it)")
        #expect(try state.clock() == "2026-04-01T06:00:00+09:00")
        #expect(throws: ClockRangeError.self) { try state.updateClock(initial: "2026-04-01T00:00:00Z") { _ in time } }
        #expect(try state.clock() == "2026-04-01T06:00:00+09:00")
    }

    /// Two shells on one database each advancing 200 × 1 minute: 400 minutes, none lost.
    @Test func twoWritersAdvancingTogetherLoseNoMinute() throws {
        let dir = try TemporaryFolder(prefix: "panya-store-tests")
        defer { dir.remove() }
        let path = dir.file("clock.sqlite")
        let start = "2026-04-01T00:00:00Z"
        let first = SimulatedClockStore(try PanyaDatabase(path: path))
        let second = SimulatedClockStore(try PanyaDatabase(path: path))
        try first.setClock(start)
        let failures = FailureCount()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let state = i == 0 ? first : second
            for _ in 0..<200 {
                do { try state.updateClock(initial: start) { try Self.addMinute($0) } } catch { failures.add(String(describing: error)) }
            }
        }
        #expect(failures.messages == [])
        #expect(try first.clock() == "2026-04-01T06:40:00Z")
    }

    /// `YYYY-MM-DDThh:mm:00Z` plus one minute (enough for the test's day).
    static func addMinute(_ text: String) throws -> String {
        let parts = text.dropFirst(11).prefix(5).split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2 else { throw CocoaError(.formatting) }
        let minutes = parts[0] * 60 + parts[1] + 1
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return String(text.prefix(11)) + two(minutes / 60) + ":" + two(minutes % 60) + ":00Z"
    }
}
