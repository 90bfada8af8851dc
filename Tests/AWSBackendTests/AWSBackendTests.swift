import Testing
@testable import AWSBackend

@Test func moduleLinks() {}
