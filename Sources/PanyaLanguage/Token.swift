import PanyaSupport

/// What kind of token the lexer saw.
public enum TokenKind: Equatable, Sendable {
    case identifier(String)
    case number(Double)
    /// A string literal: text pieces and `{expr}` interpolations.
    case string([StringPiece])
    case keyword(Keyword)
    case symbol(Symbol)
    case newline
    /// A character that is not part of the language (kept so command words may contain it);
    /// `message` says what to type instead; `isLookAlike` is set for full-width look-alikes.
    case invalid(Character, message: Message, isLookAlike: Bool)
    case end
}

/// One piece of a string literal.
public enum StringPiece: Equatable, Sendable {
    case text(String)
    /// The tokens between `{` and `}` (without the braces), and the span of the braces.
    case interpolation([Token], SourceSpan)
}

/// The reserved words.
public enum Keyword: String, CaseIterable, Sendable {
    case `let`, `fn`, `return`, `if`, `else`, `for`, `in`, `while`, `break`, `continue`
    case `true`, `false`, `nil`, `and`, `or`, `not`
}

/// Punctuation and operators.
public enum Symbol: String, CaseIterable, Sendable {
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
    case leftBrace = "{", rightBrace = "}", comma = ",", dot = ".", colon = ":", semicolon = ";"
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%"
    case equal = "=", equalEqual = "==", bangEqual = "!=", less = "<", lessEqual = "<="
    case greater = ">", greaterEqual = ">=", plusEqual = "+=", minusEqual = "-=", starEqual = "*="
    case dollar = "$"
}

/// A token with its place: a span for people and character offsets for slicing the source.
public struct Token: Equatable, Sendable {
    /// What the token is.
    public var kind: TokenKind
    /// Where it is.
    public var span: SourceSpan
    /// Offset of the first character in the source (in characters).
    public var offset: Int
    /// Offset just past the last character.
    public var endOffset: Int

    /// Makes one from its parts.
    public init(kind: TokenKind, span: SourceSpan, offset: Int, endOffset: Int) {
        self.kind = kind
        self.span = span
        self.offset = offset
        self.endOffset = endOffset
    }

    /// Whether this token is the symbol `symbol`.
    func isSymbol(_ symbol: Symbol) -> Bool {
        if case .symbol(symbol) = kind { return true }
        return false
    }

    /// Whether this token is the keyword `keyword`.
    func isKeyword(_ keyword: Keyword) -> Bool {
        if case .keyword(keyword) = kind { return true }
        return false
    }

    /// The identifier's name, if this is one.
    var identifier: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }
}
