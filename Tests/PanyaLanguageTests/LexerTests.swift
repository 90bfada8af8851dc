import Testing
import PanyaSupport
@testable import PanyaLanguage

@Suite struct LexerTests {
    func kinds(_ source: String) -> [TokenKind] {
        Lexer.tokenize(source).tokens.map(\.kind)
    }

    @Test func numbersIdentifiersAndSymbols() {
        #expect(kinds("let 価格 = 1_000 + 3.5") == [
            .keyword(.let), .identifier("価格"), .symbol(.equal), .number(1000), .symbol(.plus), .number(3.5), .end,
        ])
    }

    @Test func japaneseIdentifiersWithDigits() {
        #expect(kinds("合計2 カレーパン") == [.identifier("合計2"), .identifier("カレーパン"), .end])
    }

    @Test func twoCharacterOperators() {
        #expect(kinds("== != <= >= += -= *= < >") == [
            .symbol(.equalEqual), .symbol(.bangEqual), .symbol(.lessEqual), .symbol(.greaterEqual),
            .symbol(.plusEqual), .symbol(.minusEqual), .symbol(.starEqual), .symbol(.less), .symbol(.greater), .end,
        ])
    }

    @Test func commentsAndNewlines() {
        #expect(kinds("x # a comment ＝ （\ny") == [.identifier("x"), .newline, .identifier("y"), .end])
    }

    @Test func fullWidthSpaceIsSpace() {
        #expect(kinds("a\u{3000}b") == [.identifier("a"), .identifier("b"), .end])
    }

    @Test func stringEscapes() {
        #expect(kinds(#""a\"b\\c\nd\te\u{3042}\{x}""#) == [.string([.text("a\"b\\c\nd\te\u{3042}{x}")]), .end])
    }

    @Test func interpolationKeepsTokens() throws {
        let tokens = Lexer.tokenize(#""合計 {total + 1} 円""#).tokens
        guard case .string(let pieces) = tokens[0].kind else { Issue.record("not a string"); return }
        #expect(pieces.count == 3)
        #expect(pieces[0] == .text("合計 "))
        guard case .interpolation(let inner, let span) = pieces[1] else { Issue.record("no interpolation"); return }
        #expect(inner.map(\.kind) == [.identifier("total"), .symbol(.plus), .number(1)])
        #expect(span == SourceSpan(line: 1, column: 5, endLine: 1, endColumn: 16))
        #expect(pieces[2] == .text(" 円"))
    }

    @Test func columnsCountCharacters() {
        let tokens = Lexer.tokenize("let 価格 = 180").tokens
        #expect(tokens[1].span == SourceSpan(line: 1, column: 5, length: 2))
        #expect(tokens[3].span == SourceSpan(line: 1, column: 10, length: 3))
    }

    @Test(arguments: [("（", "("), ("）", ")"), ("＝", "="), ("＋", "+"), ("０", "0"), ("９", "9"), ("“", "\""), ("”", "\""), ("，", ",")])
    func fullWidthLookAlikesNameTheHalfWidthCharacter(fullWidth: String, half: String) throws {
        let tokens = Lexer.tokenize("x \(fullWidth)").tokens
        guard case .invalid(_, let message, let isLookAlike) = tokens[1].kind else {
            Issue.record("expected an invalid token, got \(tokens[1].kind)"); return
        }
        #expect(isLookAlike)
        #expect(message.en == "full-width '\(fullWidth)' is not allowed here; type the half-width '\(half)' instead")
        #expect(message.ja.contains("半角の「\(half)」"))
    }

    @Test func unterminatedStringIsADiagnostic() {
        let result = Lexer.tokenize("print(\"abc\nx")
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.span == SourceSpan(line: 1, column: 7, endLine: 1, endColumn: 11))
        #expect(result.diagnostics.first?.message == Catalog.unterminatedString)
    }

    @Test func unknownEscapeIsADiagnostic() {
        let result = Lexer.tokenize(#""a\qb""#)
        #expect(result.diagnostics.first?.message.en.hasPrefix("unknown escape '\\q'") == true)
    }

    @Test func badUnicodeEscape() {
        #expect(Lexer.tokenize(#""\u{zz}""#).diagnostics.first?.message == Catalog.badUnicodeEscape)
    }

    @Test func windowsLineEndings() {
        let tokens = Lexer.tokenize("a\r\nb").tokens
        #expect(tokens.map(\.kind) == [.identifier("a"), .newline, .identifier("b"), .end])
        #expect(tokens[2].span == SourceSpan(line: 2, column: 1, length: 1))
    }

    @Test func singleQuoteExplainsDoubleQuotes() {
        guard case .invalid(_, let message, false) = Lexer.tokenize("'a'").tokens[0].kind else { Issue.record("not invalid"); return }
        #expect(message == Catalog.singleQuote)
    }
}
