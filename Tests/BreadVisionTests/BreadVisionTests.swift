import Testing
@testable import BreadVision

@Test func moduleExists() { #expect(String(describing: BreadVision.self) == "BreadVision") }
