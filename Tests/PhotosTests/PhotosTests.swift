import Testing
@testable import Photos

@Test func moduleLinks() {}
