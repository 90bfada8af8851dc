import Testing
@testable import Lessons

@Test func moduleLinks() {}
