import Testing
@testable import Schedules

@Test func moduleExists() { #expect(String(describing: Schedules.self) == "Schedules") }
