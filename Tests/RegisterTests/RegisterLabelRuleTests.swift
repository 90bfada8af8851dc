import CustomLabels
import PanyaStore
import Testing
@testable import Register

/// The register's labels follow the same rule as a dataset's: no NUL, 1 to 256 characters.
@Suite struct RegisterLabelRuleTests {
    /// Two prices differing after a NUL would be stored as one price (SQLite's text ends at it).
    @Test func pricesWithANulAreRefusedNotMerged() throws {
        let register = try Register(database: .inMemory())
        for label in ["p\u{0}1", "p\u{0}2"] {
            #expect(throws: RegisterError.invalidLabel(try #require(TextRule.label.problem(label)))) { try register.setPrice(label, yen: 100) }
        }
        #expect(try register.prices()["p"] == nil)
        #expect(throws: RegisterError.self) { try register.add(label: "あんぱん\u{0}", quantity: 1) }
    }

    @Test func aLabelLongerThanADatasetsIsRefused() throws {
        let register = try Register(database: .inMemory())
        let long = String(repeating: "あ", count: 257)
        #expect(throws: RegisterError.invalidLabel(try #require(TextRule.label.problem(long)))) { try register.setPrice(long, yen: 100) }
        try register.setPrice(String(repeating: "あ", count: 256), yen: 100)
    }
}
