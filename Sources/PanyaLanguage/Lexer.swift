import PanyaSupport

/// Turns source text into tokens. Never fails: mistakes become diagnostics or `.invalid` tokens.
public struct Lexer {
    private let chars: [Character]
    private let file: String
    private var index = 0
    private var line = 1
    private var column = 1
    private var interpolationDepth = 0
    /// How deep strings may nest inside `{...}` of other strings.
    static let maxInterpolationDepth = 16
    /// Mistakes found while lexing (unterminated strings, bad escapes).
    public private(set) var diagnostics: [Diagnostic] = []

    /// A lexer over `source`; `file` names it in diagnostics.
    public init(source: String, file: String = "<input>") {
        self.chars = Array(source)
        self.file = file
    }

    /// Lexes the whole source; the last token is always `.end`.
    public static func tokenize(_ source: String, file: String = "<input>") -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(source: source, file: file)
        let tokens = lexer.tokenize()
        return (tokens, lexer.diagnostics)
    }

    /// Lexes the whole source; the last token is always `.end`.
    public mutating func tokenize() -> [Token] {
        var tokens: [Token] = []
        if index < chars.count, chars[index] == "\u{FEFF}" { index += 1 }
        while true {
            let token = next()
            tokens.append(token)
            if case .end = token.kind { return tokens }
        }
    }

    // MARK: - Characters

    private var current: Character? { index < chars.count ? chars[index] : nil }
    private func peek(_ ahead: Int = 1) -> Character? {
        index + ahead < chars.count ? chars[index + ahead] : nil
    }

    private mutating func bump() {
        guard index < chars.count else { return }
        if Lexer.isNewline(chars[index]) { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    static func isNewline(_ c: Character) -> Bool { c == "\n" || c == "\r\n" || c == "\r" }
    static func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\u{3000}" || c == "\u{FEFF}" }
    static func isIdentifierStart(_ c: Character) -> Bool {
        if c == "_" { return true }
        if isFullWidthASCII(c) { return false }
        return c.isLetter
    }
    static func isIdentifierPart(_ c: Character) -> Bool {
        if isIdentifierStart(c) { return true }
        if isFullWidthASCII(c) { return false }
        if c.isASCII { return c.isNumber }
        return c.isNumber || (c.unicodeScalars.first?.properties.generalCategory == .nonspacingMark)
    }
    static func isFullWidthASCII(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1 else { return false }
        return v >= 0xFF01 && v <= 0xFF5E
    }

    /// The half-width character to type instead of a full-width look-alike, if `c` is one.
    static func halfWidth(for c: Character) -> String? {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return nil }
        let v = scalar.value
        if v >= 0xFF01 && v <= 0xFF5E, let half = Unicode.Scalar(v - 0xFEE0) { return String(Character(half)) }
        switch v {
        case 0x201C, 0x201D, 0x201E, 0x301D, 0x301E: return "\""
        case 0x2018, 0x2019: return "\""
        case 0x3001: return ","
        case 0x2212: return "-"
        default: return nil
        }
    }

    private func location() -> (line: Int, column: Int, offset: Int) { (line, column, index) }

    private func make(_ kind: TokenKind, from start: (line: Int, column: Int, offset: Int)) -> Token {
        Token(kind: kind, span: SourceSpan(line: start.line, column: start.column, endLine: line, endColumn: column),
              offset: start.offset, endOffset: index)
    }

    // MARK: - Tokens

    private mutating func skipSpaceAndComments() {
        while let c = current {
            if Lexer.isSpace(c) { bump(); continue }
            if c == "#" {
                while let d = current, !Lexer.isNewline(d) { bump() }
                continue
            }
            if c == "\\", let n = peek(), Lexer.isNewline(n) { bump(); bump(); continue }
            break
        }
    }

    /// The next token.
    mutating func next() -> Token {
        skipSpaceAndComments()
        let start = location()
        guard let c = current else { return make(.end, from: start) }
        if Lexer.isNewline(c) {
            bump()
            return make(.newline, from: start)
        }
        if c == "\"" { return lexString(start: start) }
        if c.isASCII && c.isNumber { return lexNumber(start: start) }
        if Lexer.isIdentifierStart(c) {
            var name = ""
            while let d = current, Lexer.isIdentifierPart(d) { name.append(d); bump() }
            if let keyword = Keyword(rawValue: name) { return make(.keyword(keyword), from: start) }
            return make(.identifier(name), from: start)
        }
        if let symbol = lexSymbol() { return make(.symbol(symbol), from: start) }
        bump()
        if let half = Lexer.halfWidth(for: c) {
            return make(.invalid(c, message: Catalog.fullWidthCharacter(String(c), half: half), isLookAlike: true), from: start)
        }
        if c == "'" {
            return make(.invalid(c, message: Catalog.singleQuote, isLookAlike: false), from: start)
        }
        return make(.invalid(c, message: Catalog.unexpectedCharacter(Catalog.visible(c)), isLookAlike: false), from: start)
    }

    private mutating func lexSymbol() -> Symbol? {
        guard let c = current else { return nil }
        let two: [String: Symbol] = ["==": .equalEqual, "!=": .bangEqual, "<=": .lessEqual, ">=": .greaterEqual,
                                     "+=": .plusEqual, "-=": .minusEqual, "*=": .starEqual]
        if let n = peek(), let symbol = two[String(c) + String(n)] {
            bump(); bump()
            return symbol
        }
        guard let symbol = Symbol(rawValue: String(c)) else { return nil }
        bump()
        return symbol
    }

    private mutating func lexNumber(start: (line: Int, column: Int, offset: Int)) -> Token {
        var text = ""
        func digits(_ lexer: inout Lexer, into text: inout String) {
            while let d = lexer.current {
                if d.isASCII && d.isNumber { text.append(d); lexer.bump() }
                else if d == "_", let n = lexer.peek(), n.isASCII && n.isNumber { lexer.bump() }
                else { break }
            }
        }
        digits(&self, into: &text)
        if current == ".", let n = peek(), n.isASCII && n.isNumber {
            text.append("."); bump()
            digits(&self, into: &text)
        }
        return make(.number(Double(text) ?? 0), from: start)
    }

    private mutating func lexString(start: (line: Int, column: Int, offset: Int)) -> Token {
        bump() // opening quote
        var pieces: [StringPiece] = []
        var text = ""
        while true {
            guard let c = current, !Lexer.isNewline(c) else {
                diagnostics.append(Diagnostic(file: file, span: SourceSpan(line: start.line, column: start.column, endLine: line, endColumn: column),
                                              message: Catalog.unterminatedString))
                break
            }
            if c == "\"" { bump(); break }
            if c == "\\" {
                let escapeStart = location()
                bump()
                guard let e = current, !Lexer.isNewline(e) else { continue }
                bump()
                switch e {
                case "\"": text.append("\"")
                case "\\": text.append("\\")
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "{": text.append("{")
                case "}": text.append("}")
                case "u": lexUnicodeEscape(into: &text, start: escapeStart)
                default:
                    diagnostics.append(Diagnostic(file: file, span: SourceSpan(line: escapeStart.line, column: escapeStart.column, endLine: line, endColumn: column),
                                                  message: Catalog.unknownEscape(String(e))))
                }
                continue
            }
            if c == "{" {
                if !text.isEmpty { pieces.append(.text(text)); text = "" }
                let braceStart = location()
                bump()
                if interpolationDepth >= Lexer.maxInterpolationDepth {
                    diagnostics.append(Diagnostic(file: file, span: SourceSpan(line: braceStart.line, column: braceStart.column, length: 1),
                                                  message: Catalog.tooDeeplyNested))
                    while let d = current, !Lexer.isNewline(d) { bump() }
                    return make(.string(pieces), from: start)
                }
                interpolationDepth += 1
                defer { interpolationDepth -= 1 }
                var inner: [Token] = []
                var depth = 0
                var closed = false
                while true {
                    let token = next()
                    switch token.kind {
                    case .end, .newline:
                        diagnostics.append(Diagnostic(file: file, span: SourceSpan(line: braceStart.line, column: braceStart.column, endLine: braceStart.line, endColumn: braceStart.column + 1),
                                                      message: Catalog.unterminatedInterpolation))
                    case .symbol(.leftBrace): depth += 1; inner.append(token); continue
                    case .symbol(.rightBrace) where depth > 0: depth -= 1; inner.append(token); continue
                    case .symbol(.rightBrace): closed = true
                    default: inner.append(token); continue
                    }
                    break
                }
                let braceSpan = SourceSpan(line: braceStart.line, column: braceStart.column, endLine: line, endColumn: column)
                if !closed {
                    return make(.string(pieces), from: start)
                }
                if inner.isEmpty {
                    diagnostics.append(Diagnostic(file: file, span: braceSpan, message: Catalog.emptyInterpolation))
                    continue
                }
                pieces.append(.interpolation(inner, braceSpan))
                continue
            }
            text.append(c)
            bump()
        }
        if !text.isEmpty || pieces.isEmpty { pieces.append(.text(text)) }
        return make(.string(pieces), from: start)
    }

    private mutating func lexUnicodeEscape(into text: inout String, start: (line: Int, column: Int, offset: Int)) {
        var hex = ""
        var ok = false
        if current == "{" {
            bump()
            while let h = current, h.isHexDigit, hex.count < 8 { hex.append(h); bump() }
            if current == "}" { bump(); ok = true }
        }
        if ok, let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
            text.unicodeScalars.append(scalar)
            return
        }
        diagnostics.append(Diagnostic(file: file, span: SourceSpan(line: start.line, column: start.column, endLine: line, endColumn: column),
                                      message: Catalog.badUnicodeEscape))
    }
}
