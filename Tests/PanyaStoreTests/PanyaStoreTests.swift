import Testing
@testable import PanyaStore

@Test func moduleLinks() {}
