import Testing
@testable import Register

@Test func moduleLinks() {}
