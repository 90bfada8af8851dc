import Testing
@testable import PanyaLanguage

/// `contains(text, part)` searches by characters with the standard library: Foundation's search
/// trapped ("String index is out of bounds") on `contains("\u{301}", "\u{301}\u{0}")`, found by the
/// long fuzz run (bench/fuzz/README.md), and wrongly found `"\0\0"` in `"a\0"`.
@Suite struct StringSearchTests {
    @Test(arguments: [
        (#"contains("\u{301}", "\u{301}\u{0}")"#, "false"),
        (#"contains("a\u{0}", "\u{0}\u{0}")"#, "false"),
        (#"contains("パン\u{0}屋", "\u{0}屋")"#, "true"),
        (#"contains("panya", "ny")"#, "true"),
        (#"contains("panya", "")"#, "true"),
        (#"contains("ab", "abc")"#, "false"),
        (#"contains("e\u{301}", "\u{301}")"#, "false"),
    ])
    func containsSearchesByCharacters(expression: String, printed: String) {
        #expect(runScript("print(\(expression))") == printed + "\n")
    }
}
