/// Decides whether a line typed at the prompt is unfinished: the prompt then asks for more (`...> `).
public enum ContinuationCheck {
    /// Whether the prompt should ask for another line: a bracket is open or the line ends in an operator or comma.
    public static func needsMoreInput(_ source: String) -> Bool {
        let (tokens, problems) = Lexer.tokenize(source)
        // An unclosed string cannot continue on the next line: show the mistake now.
        if !problems.isEmpty { return false }
        var depth = 0
        var lineStart = 0
        var lastIndex: Int? = nil
        for (i, token) in tokens.enumerated() {
            switch token.kind {
            case .symbol(.leftParen), .symbol(.leftBracket), .symbol(.leftBrace): depth += 1
            case .symbol(.rightParen), .symbol(.rightBracket), .symbol(.rightBrace): depth -= 1
            case .newline: lineStart = i + 1; continue
            case .end: continue
            default: break
            }
            lastIndex = i
        }
        if depth > 0 { return true }
        guard let last = lastIndex, last >= lineStart else { return false }
        let continues: Bool
        switch tokens[last].kind {
        case .symbol(.plus), .symbol(.minus), .symbol(.star), .symbol(.slash), .symbol(.percent), .symbol(.comma),
             .symbol(.equal), .symbol(.equalEqual), .symbol(.bangEqual), .symbol(.less), .symbol(.lessEqual),
             .symbol(.greater), .symbol(.greaterEqual), .symbol(.plusEqual), .symbol(.minusEqual), .symbol(.starEqual),
             .keyword(.and), .keyword(.or), .keyword(.not):
            continues = true
        default:
            continues = false
        }
        guard continues else { return false }
        // `photos lessons/` is a command with a bare word, not an unfinished expression.
        if case .identifier = tokens[lineStart].kind, lineStart + 1 < last {
            switch tokens[lineStart + 1].kind {
            case .identifier, .number, .string: return false
            default: break
            }
        }
        return true
    }
}
