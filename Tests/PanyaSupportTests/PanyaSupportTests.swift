import Testing
@testable import PanyaSupport

@Test func moduleLinks() {}
