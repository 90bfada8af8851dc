import Testing
@testable import PanyaLanguage

@Test func moduleLinks() {}
