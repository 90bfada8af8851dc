import Testing
@testable import PanyaLanguage

/// A diagnostic on a very long line echoes a window of it, not the whole line (a pasted 200 KB
/// expression must not flood the terminal).
@Suite struct DiagnosticWindowTests {
    @Test func theSpanAtTheEndOfALongLineShowsTheLastCharacters() {
        let source = "let x = " + String(repeating: "1+", count: 1000) + "y"
        let out = runScript(source)
        let window = String(repeating: "1+", count: 20) + "y"
        #expect(out == """
            test.panya:1:2009: error: unknown variable 'y'; declare it first with 'let y = ...'
              1 | …\(window)
                |  \(String(repeating: " ", count: 40))^

            """)
    }

    @Test func theSpanAtTheStartOfALongLineShowsTheFirstCharacters() {
        let source = "zz + " + String(repeating: "1+", count: 1000) + "1"
        let out = runScript(source)
        let shown = "zz + " + String(String(repeating: "1+", count: 1000).prefix(155))
        #expect(out == """
            test.panya:1:1: error: unknown variable 'zz'; declare it first with 'let zz = ...'
              1 | \(shown)…
                | ^~

            """)
    }

    @Test func shortLinesAreEchoedWhole() {
        #expect(runScript("print(zz)") == """
            test.panya:1:7: error: unknown variable 'zz'; declare it first with 'let zz = ...'
              1 | print(zz)
                |       ^~

            """)
    }
}
