import Testing
@testable import CustomLabels

@Test func moduleLinks() {}
