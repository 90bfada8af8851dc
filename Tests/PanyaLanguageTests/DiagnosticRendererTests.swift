import Testing
import PanyaSupport
@testable import PanyaLanguage

@Suite struct DiagnosticRendererTests {
    @Test func englishCaretUnderTheSpan() {
        let source = "let total = 0\nlet x = 1\nprint(totl + 1)\n"
        let d = Diagnostic(file: "tray.panya", span: SourceSpan(line: 3, column: 7, length: 4),
                           message: Catalog.unknownVariable("totl", suggestion: "total"))
        #expect(DiagnosticRenderer.render(source: source, diagnostics: [d], language: .en) == """
        tray.panya:3:7: error: unknown variable 'totl'; did you mean 'total'?
          3 | print(totl + 1)
            |       ^~~~

        """)
    }

    @Test func japaneseCaretAlignsUnderWideCharacters() {
        let source = "let 合計 = 0\nprint(\"合計\", 合計ｘ)"
        let d = Diagnostic(file: "レジ.panya", span: SourceSpan(line: 2, column: 15, length: 1),
                           message: Catalog.fullWidthCharacter("ｘ", half: "x"))
        #expect(DiagnosticRenderer.render(source: source, diagnostics: [d], language: .ja) == """
        レジ.panya:2:15: エラー: 全角の「ｘ」はここでは使えません。半角の「x」を入力してください
          2 | print("合計", 合計ｘ)
            |                   ^~

        """)
    }

    @Test func wideSpanUsesDisplayWidth() {
        let source = "print(合計)"
        let d = Diagnostic(file: "a.panya", span: SourceSpan(line: 1, column: 7, length: 2), message: .verbatim("m"))
        #expect(DiagnosticRenderer.render(source: source, diagnostics: [d], language: .en) == """
        a.panya:1:7: error: m
          1 | print(合計)
            |       ^~~~

        """)
    }

    @Test func wideLineNumbersAndSeveralDiagnostics() {
        let source = (1...12).map { "line\($0)" }.joined(separator: "\n")
        let ds = [
            Diagnostic(file: "f", span: SourceSpan(line: 9, column: 1, length: 5), message: .verbatim("a")),
            Diagnostic(file: "f", span: SourceSpan(line: 12, column: 5, length: 0), message: .verbatim("b")),
        ]
        #expect(DiagnosticRenderer.render(source: source, diagnostics: ds, language: .en) == """
        f:9:1: error: a
          9 | line9
            | ^~~~~
        f:12:5: error: b
          12 | line12
             |     ^

        """)
    }

    @Test func codeIsShownBeforeTheMessage() {
        let d = Diagnostic(file: "<stdin>", span: SourceSpan(line: 1, column: 1, length: 6),
                           message: .verbatim("The model is not running."), code: "ResourceNotReadyException")
        #expect(DiagnosticRenderer.render(source: "detect a.jpg", diagnostics: [d], language: .en) == """
        error: ResourceNotReadyException: The model is not running.
          1 | detect a.jpg
            | ^~~~~~

        """)
    }

    @Test func tabsAreKeptInThePadding() {
        let d = Diagnostic(file: "t", span: SourceSpan(line: 1, column: 3, length: 1), message: .verbatim("m"))
        #expect(DiagnosticRenderer.render(source: "\tx?", diagnostics: [d], language: .en) == "t:1:3: error: m\n  1 | \tx?\n    | \t ^\n")
    }

    @Test func unknownPlaceHasNoSourceLine() {
        let d = Diagnostic(file: "<host>", span: .unknown, message: .verbatim("m"))
        #expect(DiagnosticRenderer.render(source: "", diagnostics: [d], language: .en) == "<host>: error: m\n")
    }

    @Test func endToEndFromAScript() {
        #expect(runScript("let total = 1\nprint(totl + 1)", file: "tray.panya") == """
        tray.panya:2:7: error: unknown variable 'totl'; did you mean 'total'?
          2 | print(totl + 1)
            |       ^~~~

        """)
    }
}
