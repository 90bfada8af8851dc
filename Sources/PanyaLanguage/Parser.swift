import PanyaSupport

/// The names the parser must know to recognise command statements.
public struct CommandNames: Sendable {
    /// Registered command names (`"model start"`).
    public let names: Set<String>
    /// First words of the registered names (`"model"`, `"register"`).
    public let prefixWords: Set<String>
    /// Function forms (`"model_start"`) and prefix words: names no variable may take.
    public let reserved: Set<String>

    /// Command names as registered (words separated by spaces).
    public init<S: Sequence>(_ names: S) where S.Element == String {
        let set = Set(names)
        self.names = set
        self.prefixWords = Set(set.compactMap { $0.split(separator: " ").first.map(String.init) })
        self.reserved = Set(set.map { String($0.map { $0 == " " ? "_" : $0 }) }).union(prefixWords)
    }

    /// No commands.
    public static let none = CommandNames([String]())
}

/// Recursive-descent parser with error recovery: collects every mistake it can find.
public struct Parser {
    private var tokens: [Token]
    private let source: [Character]
    private let file: String
    private let commands: CommandNames
    private var position = 0
    private var lastEnd = 0
    private var diagnostics: [Diagnostic] = []
    private var newlineSignificant: [Bool] = [true]
    private var loopDepth = 0
    private var functionDepth = 0
    private var blockDepth = 0
    private var inStep = false
    private var nesting = 0
    private let stackGuard = StackGuard()
    static let maxNesting = 100

    /// A parser over `source`; `commands` are the command names the host registered.
    public init(source: String, file: String = "<input>", commands: CommandNames = .none) {
        var lexer = Lexer(source: source, file: file)
        self.tokens = lexer.tokenize()
        self.diagnostics = lexer.diagnostics
        self.source = Array(source)
        self.file = file
        self.commands = commands
    }

    private init(tokens: [Token], source: [Character], file: String, commands: CommandNames) {
        self.tokens = tokens
        self.source = source
        self.file = file
        self.commands = commands
    }

    /// Parses `source` into a program (statements plus every diagnostic, in source order).
    public static func parse(_ source: String, file: String = "<input>", commands: CommandNames = .none) -> Program {
        var parser = Parser(source: source, file: file, commands: commands)
        return parser.parseProgram()
    }

    /// Parses `source` as one expression (lesson checks, quiz answers typed by a student).
    public static func parseExpression(_ source: String, file: String = "<input>", commands: CommandNames = .none) throws(Diagnostic) -> Expr {
        var parser = Parser(source: source, file: file, commands: commands)
        if let first = parser.diagnostics.first { throw first }
        do {
            parser.skipNewlines()
            let expr = try parser.expression()
            parser.skipNewlines()
            guard case .end = parser.current.kind else { throw parser.error(Catalog.expectedEndOfExpression(parser.describe(parser.current)), at: parser.current.span) }
            return expr
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw parser.error(.verbatim(String(describing: error)), at: .unknown)
        }
    }

    /// Parses the whole source.
    public mutating func parseProgram() -> Program {
        let lexerCount = diagnostics.count
        let statements = parseStatements(inBlock: false).map(\.0)
        // Source order; on one line the lexer's findings (an unclosed string) come first.
        let sorted = diagnostics.enumerated().sorted { a, b in
            let l = (a.element.span.line, a.offset < lexerCount ? 0 : 1, a.element.span.column, a.offset)
            let r = (b.element.span.line, b.offset < lexerCount ? 0 : 1, b.element.span.column, b.offset)
            return l < r
        }.map(\.element)
        return Program(statements: statements, diagnostics: sorted)
    }

    // MARK: - Tokens

    private func currentIndex() -> Int {
        var i = position
        if newlineSignificant.last == false {
            while i < tokens.count - 1, case .newline = tokens[i].kind { i += 1 }
        }
        return min(i, tokens.count - 1)
    }

    private var current: Token { tokens[currentIndex()] }

    /// The raw token `ahead` places after the current one (newlines not skipped).
    private func raw(_ ahead: Int) -> Token {
        let i = currentIndex() + ahead
        return i < tokens.count ? tokens[i] : tokens[tokens.count - 1]
    }

    @discardableResult
    private mutating func advance() -> Token {
        let i = currentIndex()
        let token = tokens[i]
        if case .end = token.kind { position = i; return token }
        position = i + 1
        lastEnd = token.endOffset
        lastSpan = token.span
        return token
    }

    private var lastSpan = SourceSpan.unknown

    private mutating func skipNewlines() {
        while position < tokens.count - 1, case .newline = tokens[position].kind { position += 1 }
    }

    private func check(_ symbol: Symbol) -> Bool { current.isSymbol(symbol) }
    private func check(_ keyword: Keyword) -> Bool { current.isKeyword(keyword) }

    private mutating func match(_ symbol: Symbol) -> Bool {
        guard check(symbol) else { return false }
        advance()
        return true
    }

    private func error(_ message: Message, at span: SourceSpan) -> Diagnostic {
        Diagnostic(file: file, span: span, message: message)
    }

    private func describe(_ token: Token) -> Message { Catalog.describe(token) }

    /// The diagnostic for a token that cannot start or continue what we expected.
    private func unexpected(_ token: Token, expected: Message) -> Diagnostic {
        if case .invalid(_, let message, _) = token.kind { return error(message, at: token.span) }
        return error(Catalog.expected(expected, found: describe(token)), at: token.span)
    }

    /// The bracket opened at `open` is not closed where expected.
    private func closeError(open: Token, bracket: String, closing: String) -> Diagnostic {
        let token = current
        if case .end = token.kind { return error(Catalog.unclosed(bracket, line: open.span.line), at: open.span) }
        if case .invalid = token.kind { return unexpected(token, expected: Catalog.symbolNamed(closing)) }
        let startsStatement: Bool
        switch token.kind {
        case .identifier, .keyword: startsStatement = true
        default: startsStatement = false
        }
        if startsStatement && token.span.line > open.span.line && token.span.line > lastSpan.line {
            return error(Catalog.unclosed(bracket, line: open.span.line), at: open.span)
        }
        return unexpected(token, expected: Catalog.symbolNamed(closing))
    }

    @discardableResult
    private mutating func expect(_ symbol: Symbol, _ what: Message) throws -> Token {
        guard check(symbol) else { throw unexpected(current, expected: what) }
        return advance()
    }

    private func isStatementEnd(_ token: Token) -> Bool {
        switch token.kind {
        case .newline, .end, .symbol(.semicolon), .symbol(.rightBrace): return true
        default: return false
        }
    }

    private func text(from start: Int, to end: Int) -> String {
        guard start < end, end <= source.count else { return "" }
        return String(source[start..<end])
    }

    // MARK: - Statements

    private mutating func parseStatements(inBlock: Bool) -> [(Stmt, String)] {
        var result: [(Stmt, String)] = []
        while true {
            while current.isSymbol(.semicolon) || { if case .newline = current.kind { return true } else { return false } }() {
                advance()
            }
            if case .end = current.kind { break }
            if current.isSymbol(.rightBrace) {
                if inBlock { break }
                diagnostics.append(error(Catalog.unexpectedCloseBrace, at: current.span))
                advance()
                continue
            }
            let saved = (newlineSignificant, loopDepth, functionDepth, blockDepth, inStep, nesting)
            let start = current.offset
            do {
                let stmt = try statement()
                let source = text(from: start, to: lastEnd)
                if !isStatementEnd(current) { throw unexpected(current, expected: Catalog.endOfStatement) }
                result.append((stmt, source))
            } catch {
                diagnostics.append(error as? Diagnostic ?? self.error(.verbatim(String(describing: error)), at: current.span))
                (newlineSignificant, loopDepth, functionDepth, blockDepth, inStep, nesting) = saved
                synchronize()
            }
        }
        return result
    }

    /// Skips to the end of the broken statement.
    private mutating func synchronize() {
        var depth = 0
        while true {
            let token = tokens[min(position, tokens.count - 1)]
            switch token.kind {
            case .end: return
            case .newline, .symbol(.semicolon): if depth <= 0 { return }
            case .symbol(.leftParen), .symbol(.leftBracket), .symbol(.leftBrace): depth += 1
            case .symbol(.rightBrace): if depth <= 0 { return }; depth -= 1
            case .symbol(.rightParen), .symbol(.rightBracket): depth -= 1
            default: break
            }
            position += 1
        }
    }

    private mutating func block() throws -> [Stmt] {
        try blockWithSources().map(\.0)
    }

    private mutating func blockWithSources() throws -> [(Stmt, String)] {
        let open = try expect(.leftBrace, Catalog.openBrace)
        newlineSignificant.append(true)
        blockDepth += 1
        defer { newlineSignificant.removeLast(); blockDepth -= 1 }
        try nest(at: open.span)
        defer { nesting -= 1 }
        let body = parseStatements(inBlock: true)
        guard current.isSymbol(.rightBrace) else {
            throw error(Catalog.unclosed("{", line: open.span.line), at: open.span)
        }
        advance()
        return body
    }

    private mutating func nest(at span: SourceSpan) throws {
        nesting += 1
        if nesting > Parser.maxNesting || stackGuard.isExhausted { throw error(Catalog.tooDeeplyNested, at: span) }
    }

    private mutating func statement() throws -> Stmt {
        let token = current
        switch token.kind {
        case .keyword(.let): return try letStatement()
        case .keyword(.fn) where raw(1).identifier != nil: return .function(try functionDecl(named: true))
        case .keyword(.if): return try ifStatement()
        case .keyword(.for): return try forStatement()
        case .keyword(.while): return try whileStatement()
        case .keyword(.break):
            advance()
            guard loopDepth > 0 else { throw error(Catalog.outsideLoop("break"), at: token.span) }
            return .break(token.span)
        case .keyword(.continue):
            advance()
            guard loopDepth > 0 else { throw error(Catalog.outsideLoop("continue"), at: token.span) }
            return .continue(token.span)
        case .keyword(.return): return try returnStatement()
        case .keyword(.else): throw error(Catalog.elseWithoutIf, at: token.span)
        case .identifier(let name):
            if let stmt = try lessonStatement(name) { return stmt }
            if isCommandStart() { return .command(try commandInvocation()) }
            try checkCommandLikeLine(name)
        default: break
        }
        let expr = try expression()
        if case .symbol(let symbol) = current.kind, let op = AssignOperator(rawValue: symbol.rawValue) {
            let opToken = advance()
            let target = try assignTarget(expr, operatorSpan: opToken.span)
            skipNewlines()
            let value = try rightHandSide()
            return .assign(target, op, value, span: expr.span.through(value.span))
        }
        return .expression(expr)
    }

    /// A value after `=`: an expression or a command statement.
    private mutating func rightHandSide() throws -> Expr {
        if current.identifier != nil, isCommandStart() { return .command(try commandInvocation()) }
        return try expression()
    }

    private mutating func declaredName(after keyword: String) throws -> (String, SourceSpan) {
        let token = current
        switch token.kind {
        case .identifier(let name):
            advance()
            if commands.reserved.contains(name) { throw error(Catalog.nameIsCommand(name), at: token.span) }
            if Builtins.names.contains(name) { throw error(Catalog.nameIsBuiltin(name), at: token.span) }
            return (name, token.span)
        case .keyword(let k):
            throw error(Catalog.nameIsKeyword(k.rawValue), at: token.span)
        default:
            throw unexpected(token, expected: Catalog.nameAfter(keyword))
        }
    }

    private mutating func letStatement() throws -> Stmt {
        let letToken = advance()
        let (name, nameSpan) = try declaredName(after: "let")
        try expect(.equal, Catalog.symbolNamed("="))
        skipNewlines()
        let value = try rightHandSide()
        return .let(name: name, nameSpan: nameSpan, value: value, span: letToken.span.through(value.span))
    }

    private mutating func functionDecl(named: Bool) throws -> FunctionDecl {
        let fnToken = advance()
        var name: String? = nil
        if named { name = try declaredName(after: "fn").0 }
        let open = try expect(.leftParen, Catalog.symbolNamed("("))
        newlineSignificant.append(false)
        var parameters: [String] = []
        while !check(.rightParen) {
            let token = current
            let (param, span) = try declaredName(after: "(")
            if parameters.contains(param) { throw error(Catalog.duplicateParameter(param), at: span) }
            _ = token
            parameters.append(param)
            if !match(.comma) { break }
        }
        guard check(.rightParen) else {
            throw closeError(open: open, bracket: "(", closing: ")")
        }
        advance()
        newlineSignificant.removeLast()
        let savedLoop = loopDepth
        loopDepth = 0
        functionDepth += 1
        defer { loopDepth = savedLoop; functionDepth -= 1 }
        let body = try block()
        return FunctionDecl(name: name, parameters: parameters, body: body, span: fnToken.span.through(lastSpan))
    }

    private mutating func ifStatement() throws -> Stmt {
        let ifToken = advance()
        let condition = try expression()
        let thenBlock = try block()
        var elseBlock: [Stmt]? = nil
        var i = position
        while i < tokens.count - 1, case .newline = tokens[i].kind { i += 1 }
        if tokens[i].isKeyword(.else) {
            position = i
            advance()
            if check(.if) {
                elseBlock = [try ifStatement()]
            } else {
                elseBlock = try block()
            }
        }
        return .if(condition: condition, then: thenBlock, else: elseBlock, span: ifToken.span.through(lastSpan))
    }

    private mutating func forStatement() throws -> Stmt {
        let forToken = advance()
        let (name, nameSpan) = try declaredName(after: "for")
        guard check(.in) else { throw unexpected(current, expected: Catalog.keywordNamed("in")) }
        advance()
        let sequence = try expression()
        loopDepth += 1
        defer { loopDepth -= 1 }
        let body = try block()
        return .for(name: name, nameSpan: nameSpan, sequence: sequence, body: body, span: forToken.span.through(lastSpan))
    }

    private mutating func whileStatement() throws -> Stmt {
        let whileToken = advance()
        let condition = try expression()
        loopDepth += 1
        defer { loopDepth -= 1 }
        let body = try block()
        return .while(condition: condition, body: body, span: whileToken.span.through(lastSpan))
    }

    private mutating func returnStatement() throws -> Stmt {
        let token = advance()
        guard functionDepth > 0 else { throw error(Catalog.returnOutsideFunction, at: token.span) }
        if isStatementEnd(current) { return .return(nil, span: token.span) }
        let value = try rightHandSide()
        return .return(value, span: token.span.through(value.span))
    }

    private func assignTarget(_ expr: Expr, operatorSpan: SourceSpan) throws -> AssignTarget {
        var path: [PathComponent] = []
        var node = expr
        while true {
            switch node {
            case .variable(let name, let span):
                return AssignTarget(name: name, nameSpan: span, path: path.reversed())
            case .index(let base, let index, let span):
                path.append(.index(index, span)); node = base
            case .field(let base, let name, let span):
                path.append(.field(name, span)); node = base
            case .chain(let base, let steps, _):
                for step in steps.reversed() {
                    switch step.operation {
                    case .index(let index): path.append(.index(index, step.span))
                    case .field(let name): path.append(.field(name, step.span))
                    default: throw error(Catalog.invalidAssignmentTarget, at: expr.span)
                    }
                }
                node = base
            default:
                throw error(Catalog.invalidAssignmentTarget, at: expr.span)
            }
        }
    }

    // MARK: - Commands

    private func isBinaryOperatorSymbol(_ symbol: Symbol) -> Bool {
        switch symbol {
        case .plus, .star, .slash, .percent, .equalEqual, .bangEqual, .less, .lessEqual, .greater, .greaterEqual,
             .equal, .plusEqual, .minusEqual, .starEqual, .dot, .leftBracket, .leftParen, .comma, .rightParen,
             .rightBracket, .colon:
            return true
        default: return false
        }
    }

    /// Whether the current token is a flag start `--`.
    private func isFlagStart(at ahead: Int) -> Bool {
        let a = raw(ahead), b = raw(ahead + 1)
        return a.isSymbol(.minus) && b.isSymbol(.minus) && b.offset == a.endOffset
    }

    /// Whether the statement starting at the current identifier is a command statement.
    private func isCommandStart() -> Bool {
        guard let word = current.identifier, commands.prefixWords.contains(word) else { return false }
        let next = raw(1)
        switch next.kind {
        case .newline, .end, .symbol(.semicolon), .symbol(.rightBrace): return true
        case .symbol(.minus): return isFlagStart(at: 1)
        case .symbol(.slash), .symbol(.dot): return isPathStart(at: 1)
        // `detect(p)` is a call; `detect (p) --min-confidence 75` is a command whose first
        // argument is an expression (language.md: `(expr)` arguments).
        case .symbol(.leftParen): return next.offset > current.endOffset
        case .symbol(let s): return !isBinaryOperatorSymbol(s)
        case .keyword(.and), .keyword(.or), .keyword(.in): return false
        default: return true
        }
    }

    /// `detect /tmp/tray.jpg`, `detect ./tray.jpg`: a `/` or `.` after a space and glued to what
    /// follows starts a path, not a division or a field (a command name is never a value).
    private func isPathStart(at ahead: Int) -> Bool {
        let symbol = raw(ahead)
        let before = raw(ahead - 1)
        let after = raw(ahead + 1)
        return symbol.offset > before.endOffset && after.offset == symbol.endOffset && !isStatementEnd(after)
    }

    /// `detcet photo.jpg`: a word followed by arguments that is not a command.
    private func checkCommandLikeLine(_ name: String) throws {
        let next = raw(1)
        guard next.offset > current.endOffset else { return }
        let looksLikeArgument: Bool
        switch next.kind {
        case .identifier, .number, .string: looksLikeArgument = true
        case .symbol(.minus): looksLikeArgument = isFlagStart(at: 1)
        case .symbol(.dollar): looksLikeArgument = true
        default: looksLikeArgument = false
        }
        guard looksLikeArgument else { return }
        if Builtins.names.contains(name) { throw error(Catalog.callNeedsParentheses(name), at: current.span) }
        let candidates = Array(commands.names) + Array(commands.prefixWords)
        throw error(Catalog.unknownCommand(name, suggestion: Suggestions.closest(to: name, in: candidates)), at: current.span)
    }

    private mutating func commandInvocation() throws -> CommandInvocation {
        let first = advance()
        var name = first.identifier ?? ""
        var nameEnd = first
        while true {
            let next = current
            guard let word = next.identifier, next.offset > nameEnd.endOffset else { break }
            let after = raw(1)
            if after.offset == next.endOffset, !isStatementEnd(after) { break }
            let candidate = name + " " + word
            let extendsName = commands.names.contains(candidate) || commands.names.contains { $0.hasPrefix(candidate + " ") }
            guard extendsName else { break }
            name = candidate
            nameEnd = advance()
        }
        let nameSpan = first.span.through(nameEnd.span)
        guard commands.names.contains(name) else {
            let family = commands.names.filter { $0.hasPrefix(name + " ") }
            let typed = name + (current.identifier.map { " " + $0 } ?? "")
            let span = current.identifier != nil ? nameSpan.through(current.span) : nameSpan
            throw error(Catalog.unknownCommand(typed, suggestion: Suggestions.closest(to: typed, in: Array(family)) ?? family.sorted().first), at: span)
        }
        let arguments = try commandArguments()
        return CommandInvocation(name: name, arguments: arguments, span: nameSpan.through(lastSpan))
    }

    /// Arguments up to the end of the statement.
    private mutating func commandArguments() throws -> [CommandArgument] {
        var arguments: [CommandArgument] = []
        while !isStatementEnd(current) {
            if isFlagStart(at: 0) {
                let start = current
                let word = try bareWord()
                let flagName = String(word.text.dropFirst(2)).replacingOccurrences(of: "-", with: "_")
                guard !flagName.isEmpty, !flagName.hasPrefix("_") else { throw error(Catalog.flagNameMissing, at: word.span) }
                var value: Expr? = nil
                if !isStatementEnd(current) && !isFlagStart(at: 0) {
                    value = try commandValue()
                }
                arguments.append(.flag(name: flagName, value: value, span: start.span.through(lastSpan)))
            } else {
                arguments.append(.positional(try commandValue()))
            }
        }
        return arguments
    }

    /// One argument value: a quoted string, `$name`, `(expr)` or a bare word.
    private mutating func commandValue() throws -> Expr {
        let token = current
        switch token.kind {
        case .string:
            if raw(1).offset != token.endOffset || isStatementEnd(raw(1)) { return try primary() }
        case .symbol(.leftParen):
            return try primary()
        case .symbol(.dollar):
            let name = raw(1)
            if let identifier = name.identifier, name.offset == token.endOffset {
                advance(); advance()
                return .variable(identifier, token.span.through(name.span))
            }
            throw error(Catalog.dollarNeedsName, at: token.span)
        case .symbol(.leftBrace):
            throw error(Catalog.bareWordBrace, at: token.span)
        default: break
        }
        let word = try bareWord()
        if let number = Parser.number(fromWord: word.text) { return .number(number, word.span) }
        return .string(word.text, word.span)
    }

    /// A run of characters up to a space, `;` or the end of the line.
    private mutating func bareWord() throws -> (text: String, span: SourceSpan) {
        let first = advance()
        if case .invalid(_, let message, true) = first.kind { throw error(message, at: first.span) }
        var last = first
        while true {
            let next = current
            guard next.offset == last.endOffset else { break }
            switch next.kind {
            case .newline, .end, .symbol(.semicolon): break
            case .invalid(_, let message, true): throw error(message, at: next.span)
            default:
                last = advance()
                continue
            }
            break
        }
        return (text(from: first.offset, to: last.endOffset), first.span.through(last.span))
    }

    /// The number a bare word spells (`75`, `-2`, `1_000`, `3.5`), if it is one.
    static func number(fromWord word: String) -> Double? {
        var body = Substring(word)
        if body.hasPrefix("-") { body = body.dropFirst() }
        guard let first = body.first, first.isASCII, first.isNumber else { return nil }
        var seenDot = false
        for c in body {
            if c == "." { if seenDot { return nil }; seenDot = true; continue }
            if c == "_" { continue }
            guard c.isASCII, c.isNumber else { return nil }
        }
        if body.last == "." { return nil }
        return Double(word.replacingOccurrences(of: "_", with: ""))
    }

    // MARK: - Lesson statements

    private func isLessonWordFollowedByExpression() -> Bool {
        let next = raw(1)
        switch next.kind {
        case .newline, .end, .symbol(.semicolon), .symbol(.rightBrace): return false
        case .symbol(.leftParen): return next.offset > current.endOffset
        case .symbol(.minus): return raw(2).offset == next.endOffset
        case .symbol(let s): return !isBinaryOperatorSymbol(s) && s != .minus
        case .keyword(.and), .keyword(.or), .keyword(.in): return false
        default: return true
        }
    }

    /// The flags a `lesson "title"` header takes (`--backend mock --clock ISO8601 --lang en`).
    static let lessonHeaderFlags = ["backend", "clock", "lang"]

    private mutating func lessonStatement(_ word: String) throws -> Stmt? {
        let nextIsString: Bool = { if case .string = raw(1).kind { return true } else { return false } }()
        switch word {
        case "lesson" where nextIsString:
            let start = advance()
            let title = try primary()
            let options = try commandArguments()
            for option in options {
                switch option {
                case .positional(let e):
                    throw error(Catalog.lessonOptionsAreFlags, at: e.span)
                case .flag(let name, _, let span) where !Self.lessonHeaderFlags.contains(name):
                    throw error(Catalog.unknownLessonFlag(name, known: Self.lessonHeaderFlags,
                                                          suggestion: Suggestions.closest(to: name, in: Self.lessonHeaderFlags)), at: span)
                case .flag:
                    break
                }
            }
            return .lesson(title: title, options: options, span: start.span.through(lastSpan))
        case "step" where nextIsString:
            let start = advance()
            if inStep || blockDepth > 0 { throw error(Catalog.stepAtTopLevel, at: start.span) }
            let title = try primary()
            inStep = true
            defer { inStep = false }
            let body = try blockWithSources()
            return .step(StepDecl(title: title, body: body.map(\.0), sources: body.map(\.1), span: start.span.through(lastSpan)))
        case "say" where isLessonWordFollowedByExpression():
            let start = advance()
            let value = try expression()
            return .say(value, span: start.span.through(value.span))
        case "expect" where isLessonWordFollowedByExpression():
            let start = advance()
            let condition = try expression()
            try expect(.comma, Catalog.expectMessage)
            let message = try expression()
            return .expect(condition, message: message, span: start.span.through(message.span))
        case "task" where nextIsString:
            let start = advance()
            let instruction = try primary()
            var checks: [Expr] = [], hints: [Expr] = [], solutions: [Expr] = []
            try clauses(allowed: ["check", "hint", "solution"], block: "task") { word, expr in
                switch word {
                case "check": checks.append(expr)
                case "hint": hints.append(expr)
                default: solutions.append(expr)
                }
            }
            guard !checks.isEmpty else { throw error(Catalog.taskNeedsCheck, at: start.span) }
            return .task(TaskDecl(instruction: instruction, checks: checks, hints: hints, solutions: solutions, span: start.span.through(lastSpan)))
        case "quiz" where nextIsString:
            let start = advance()
            let question = try primary()
            var answers: [Expr] = [], hints: [Expr] = []
            try clauses(allowed: ["answer", "hint"], block: "quiz") { word, expr in
                if word == "answer" { answers.append(expr) } else { hints.append(expr) }
            }
            guard answers.count == 1, let answer = answers.first else { throw error(Catalog.quizNeedsOneAnswer, at: start.span) }
            return .quiz(QuizDecl(question: question, answer: answer, hints: hints, span: start.span.through(lastSpan)))
        default:
            return nil
        }
    }

    /// `{ word EXPR ... }` inside `task` and `quiz`.
    private mutating func clauses(allowed: [String], block: String, _ add: (String, Expr) -> Void) throws {
        let open = try expect(.leftBrace, Catalog.openBrace)
        newlineSignificant.append(true)
        defer { newlineSignificant.removeLast() }
        while true {
            while current.isSymbol(.semicolon) || { if case .newline = current.kind { return true } else { return false } }() { advance() }
            if current.isSymbol(.rightBrace) { advance(); return }
            if case .end = current.kind { throw error(Catalog.unclosed("{", line: open.span.line), at: open.span) }
            guard let word = current.identifier, allowed.contains(word) else {
                throw error(Catalog.clauseExpected(block: block, allowed: allowed), at: current.span)
            }
            advance()
            let expr = try expression()
            add(word, expr)
            if !isStatementEnd(current) { throw unexpected(current, expected: Catalog.endOfStatement) }
        }
    }

    // MARK: - Expressions

    mutating func expression() throws -> Expr {
        try nest(at: current.span)
        defer { nesting -= 1 }
        return try orExpression()
    }

    private mutating func orExpression() throws -> Expr {
        try logicalChain(.or) { parser throws in try parser.andExpression() }
    }

    private mutating func andExpression() throws -> Expr {
        try logicalChain(.and) { parser throws in try parser.notExpression() }
    }

    /// `a or b or c`: a flat chain, however long.
    private mutating func logicalChain(_ op: LogicalOperator, _ operand: (inout Parser) throws -> Expr) throws -> Expr {
        let first = try operand(&self)
        var steps: [ChainStep] = []
        let keyword: Keyword = op == .or ? .or : .and
        while check(keyword) {
            advance(); skipNewlines()
            let right = try operand(&self)
            steps.append(ChainStep(.logical(op, right), span: first.span.through(right.span)))
        }
        return Parser.chain(first, steps)
    }

    /// One step as the node it always was; two or more as a flat `.chain`.
    static func chain(_ first: Expr, _ steps: [ChainStep]) -> Expr {
        guard let only = steps.first else { return first }
        guard steps.count == 1 else { return .chain(first, steps, steps[steps.count - 1].span) }
        switch only.operation {
        case .binary(let op, let right): return .binary(op, first, right, only.span)
        case .logical(let op, let right): return .logical(op, first, right, only.span)
        case .call(let arguments): return .call(first, arguments, only.span)
        case .index(let index): return .index(first, index, only.span)
        case .field(let name): return .field(first, name, only.span)
        }
    }

    private mutating func notExpression() throws -> Expr {
        if check(.not) {
            let token = advance()
            try nest(at: token.span)
            defer { nesting -= 1 }
            let operand = try notExpression()
            return .unary(.not, operand, token.span.through(operand.span))
        }
        return try comparison()
    }

    private func comparisonOperator() -> BinaryOperator? {
        guard case .symbol(let s) = current.kind else { return nil }
        switch s {
        case .equalEqual: return .equal
        case .bangEqual: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterEqual
        default: return nil
        }
    }

    private mutating func comparison() throws -> Expr {
        let left = try additive()
        guard let op = comparisonOperator() else { return left }
        advance(); skipNewlines()
        let right = try additive()
        if comparisonOperator() != nil { throw error(Catalog.chainedComparison, at: current.span) }
        return .binary(op, left, right, left.span.through(right.span))
    }

    private mutating func additive() throws -> Expr {
        let first = try multiplicative()
        var steps: [ChainStep] = []
        while true {
            let op: BinaryOperator
            if check(.plus) { op = .add } else if check(.minus) { op = .subtract } else { break }
            advance(); skipNewlines()
            let right = try multiplicative()
            steps.append(ChainStep(.binary(op, right), span: first.span.through(right.span)))
        }
        return Parser.chain(first, steps)
    }

    private mutating func multiplicative() throws -> Expr {
        let first = try unary()
        var steps: [ChainStep] = []
        while true {
            let op: BinaryOperator
            if check(.star) { op = .multiply } else if check(.slash) { op = .divide } else if check(.percent) { op = .remainder } else { break }
            advance(); skipNewlines()
            let right = try unary()
            steps.append(ChainStep(.binary(op, right), span: first.span.through(right.span)))
        }
        return Parser.chain(first, steps)
    }

    private mutating func unary() throws -> Expr {
        if check(.minus) {
            let token = advance()
            try nest(at: token.span)
            defer { nesting -= 1 }
            let operand = try unary()
            if case .number(let n, let span) = operand { return .number(-n, token.span.through(span)) }
            return .unary(.negate, operand, token.span.through(operand.span))
        }
        if check(.not) { return try notExpression() }
        return try postfix()
    }

    private mutating func postfix() throws -> Expr {
        let first = try primary()
        var steps: [ChainStep] = []
        var span = first.span
        while true {
            if check(.leftParen) {
                let open = advance()
                newlineSignificant.append(false)
                var arguments: [Argument] = []
                while !check(.rightParen) {
                    if case .end = current.kind { throw error(Catalog.unclosed("(", line: open.span.line), at: open.span) }
                    var label: String? = nil
                    if let name = current.identifier, raw(1).isSymbol(.colon) {
                        label = name
                        advance(); advance()
                    }
                    arguments.append(Argument(label: label, value: try expression()))
                    if !match(.comma) { break }
                }
                guard check(.rightParen) else {
                    throw closeError(open: open, bracket: "(", closing: ")")
                }
                let close = advance()
                newlineSignificant.removeLast()
                span = span.through(close.span)
                steps.append(ChainStep(.call(arguments), span: span))
            } else if check(.leftBracket) {
                let open = advance()
                newlineSignificant.append(false)
                let index = try expression()
                guard check(.rightBracket) else {
                    throw closeError(open: open, bracket: "[", closing: "]")
                }
                let close = advance()
                newlineSignificant.removeLast()
                span = span.through(close.span)
                steps.append(ChainStep(.index(index), span: span))
            } else if check(.dot) {
                advance()
                let token = current
                let name: String
                switch token.kind {
                case .identifier(let n): name = n
                case .keyword(let k): name = k.rawValue
                default: throw unexpected(token, expected: Catalog.fieldName)
                }
                advance()
                span = span.through(token.span)
                steps.append(ChainStep(.field(name), span: span))
            } else {
                return Parser.chain(first, steps)
            }
        }
    }

    private mutating func primary() throws -> Expr {
        let token = current
        switch token.kind {
        case .number(let n):
            advance()
            return .number(n, token.span)
        case .string(let pieces):
            advance()
            return try stringExpr(pieces, span: token.span)
        case .keyword(.true): advance(); return .bool(true, token.span)
        case .keyword(.false): advance(); return .bool(false, token.span)
        case .keyword(.nil): advance(); return .null(token.span)
        case .keyword(.fn):
            try nest(at: token.span)
            defer { nesting -= 1 }
            return .function(try functionDecl(named: false))
        case .identifier(let name):
            advance()
            return .variable(name, token.span)
        case .symbol(.leftParen):
            advance()
            try nest(at: token.span)
            defer { nesting -= 1 }
            newlineSignificant.append(false)
            let inner = try expression()
            guard check(.rightParen) else {
                throw closeError(open: token, bracket: "(", closing: ")")
            }
            advance()
            newlineSignificant.removeLast()
            return inner
        case .symbol(.leftBracket):
            advance()
            try nest(at: token.span)
            defer { nesting -= 1 }
            newlineSignificant.append(false)
            var items: [Expr] = []
            while !check(.rightBracket) {
                if case .end = current.kind { throw error(Catalog.unclosed("[", line: token.span.line), at: token.span) }
                items.append(try expression())
                if !match(.comma) { break }
            }
            guard check(.rightBracket) else {
                throw closeError(open: token, bracket: "[", closing: "]")
            }
            let close = advance()
            newlineSignificant.removeLast()
            return .list(items, token.span.through(close.span))
        case .symbol(.leftBrace):
            advance()
            try nest(at: token.span)
            defer { nesting -= 1 }
            newlineSignificant.append(false)
            var entries: [MapEntry] = []
            while !check(.rightBrace) {
                let keyToken = current
                let key: String
                switch keyToken.kind {
                case .identifier(let name): key = name
                case .string(let pieces):
                    guard pieces.count == 1, case .text(let text) = pieces[0] else { throw error(Catalog.mapKeyPlain, at: keyToken.span) }
                    key = text
                case .end: throw error(Catalog.unclosed("{", line: token.span.line), at: token.span)
                default: throw unexpected(keyToken, expected: Catalog.mapKey)
                }
                advance()
                try expect(.colon, Catalog.symbolNamed(":"))
                entries.append(MapEntry(key: key, value: try expression()))
                if !match(.comma) { break }
            }
            guard check(.rightBrace) else {
                throw closeError(open: token, bracket: "{", closing: "}")
            }
            let close = advance()
            newlineSignificant.removeLast()
            return .map(entries, token.span.through(close.span))
        default:
            throw unexpected(token, expected: Catalog.anExpression)
        }
    }

    private func stringExpr(_ pieces: [StringPiece], span: SourceSpan) throws -> Expr {
        var parts: [TemplatePart] = []
        for piece in pieces {
            switch piece {
            case .text(let text): parts.append(.text(text))
            case .interpolation(let inner, let braceSpan):
                let closeOffset = inner.last?.endOffset ?? 0
                let close = Token(kind: .symbol(.rightBrace), span: SourceSpan(line: braceSpan.endLine, column: braceSpan.endColumn - 1, length: 1),
                                  offset: closeOffset, endOffset: closeOffset + 1)
                let endToken = Token(kind: .end, span: close.span, offset: closeOffset + 1, endOffset: closeOffset + 1)
                var sub = Parser(tokens: inner + [close, endToken], source: source, file: file, commands: commands)
                sub.newlineSignificant = [false]
                sub.nesting = nesting
                let expr = try sub.expression()
                guard sub.current.isSymbol(.rightBrace) else {
                    throw sub.unexpected(sub.current, expected: Catalog.symbolNamed("}"))
                }
                parts.append(.expr(expr))
            }
        }
        if parts.count == 1, case .text(let text) = parts[0] { return .string(text, span) }
        if parts.isEmpty { return .string("", span) }
        return .template(parts, span)
    }
}
