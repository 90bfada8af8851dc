import Testing
@testable import PanyaLanguage

/// Issue 12 item 9: an unknown lesson-header flag (`--clok`) is an error with "did you mean", not ignored.
@Suite struct LessonHeaderFlagTests {
    @Test func aTypoInAHeaderFlagIsAnErrorWithASuggestion() throws {
        let diagnostic = try #require(firstDiagnostic(#"lesson "x" --backend mock --clok "2026-04-01T06:00:00+09:00""#))
        #expect(diagnostic.span.line == 1 && diagnostic.span.column == 27)
        #expect(diagnostic.message.en == "a lesson header has no flag --clok (it takes --backend, --clock, --lang); did you mean --clock?")
        #expect(diagnostic.message.ja == "レッスンの見出しに --clok というフラグはありません (使えるのは --backend, --clock, --lang)。--clock のことですか?")
    }

    @Test func aFlagFarFromAnyIsNamedWithoutAGuess() throws {
        let diagnostic = try #require(firstDiagnostic(#"lesson "x" --zzzzzzzz"#))
        #expect(diagnostic.message.en == "a lesson header has no flag --zzzzzzzz (it takes --backend, --clock, --lang)")
    }

    @Test(arguments: [#"lesson "x""#, #"lesson "x" --backend mock --clock "2026-04-01T06:00:00+09:00" --lang en"#])
    func knownFlagsParse(source: String) {
        #expect(firstDiagnostic(source) == nil)
    }
}
