import Testing
@testable import MockBackend

@Test func moduleLinks() {}
