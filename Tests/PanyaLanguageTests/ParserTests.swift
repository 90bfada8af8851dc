import Testing
import PanyaSupport
@testable import PanyaLanguage

@Suite struct ParserTests {
    func parse(_ source: String, commands: [String] = []) -> Program {
        Parser.parse(source, file: "t.panya", commands: CommandNames(commands))
    }

    @Test func precedence() throws {
        let program = parse("1 + 2 * 3 == 7 and not false")
        #expect(program.diagnostics.isEmpty)
        guard case .expression(.logical(.and, .binary(.equal, .binary(.add, _, .binary(.multiply, _, _, _), _), _, _), .unary(.not, _, _), _)) = try #require(program.statements.first) else {
            Issue.record("wrong tree: \(program.statements)"); return
        }
    }

    @Test func continuationLinesAndTrailingCommas() {
        let program = parse("""
        let xs = [
          1,
          2,
        ]
        let total = 1 +
          2
        print(total,
              xs,)
        let m = {"メロンパン": 180, name: "x",}
        """)
        #expect(program.diagnostics.isEmpty)
        #expect(program.statements.count == 4)
    }

    @Test func semicolonsSeparateStatements() {
        #expect(parse("let a = 1; let b = 2; print(a)").statements.count == 3)
    }

    @Test func assignmentsAndCompoundAssignments() {
        let program = parse("x = 1\nx += 2\nm[\"k\"] = 3\nxs[0] *= 2\nm.k -= 1")
        #expect(program.diagnostics.isEmpty)
        guard case .assign(let target, .assign, _, _) = program.statements[2] else { Issue.record("not an assignment"); return }
        #expect(target.name == "m")
        #expect(target.path.count == 1)
    }

    @Test func ifElseIfElse() {
        let program = parse("if a { x } else if b { y } else { z }")
        #expect(program.diagnostics.isEmpty)
        guard case .if(_, _, let elseBlock?, _) = program.statements[0], case .if(_, _, .some, _) = elseBlock[0] else {
            Issue.record("wrong tree"); return
        }
    }

    @Test func elseOnTheNextLine() {
        #expect(parse("if a {\n  x\n}\nelse {\n  y\n}").diagnostics.isEmpty)
    }

    @Test func functionsLoopsAndReturn() {
        let program = parse("""
        fn with_tax(x, rate) { return floor(x * (100 + rate) / 100) }
        for d in r.labels { print(d.name) }
        while n < 3 { n += 1; if n == 2 { break } else { continue } }
        let f = fn (a) { return a }
        """)
        #expect(program.diagnostics.isEmpty, "\(program.diagnostics)")
        #expect(program.statements.count == 4)
    }

    @Test func breakOutsideALoop() {
        #expect(parse("break").diagnostics.first?.message == Catalog.outsideLoop("break"))
        #expect(parse("return 1").diagnostics.first?.message == Catalog.returnOutsideFunction)
        #expect(parse("while true { fn f() { break } }").diagnostics.first?.message == Catalog.outsideLoop("break"))
    }

    @Test func collectsSeveralErrors() {
        let program = parse("let = 1\nprint(1))\nlet y = (2\nprint(3)")
        #expect(program.diagnostics.count == 3)
        #expect(program.diagnostics.map(\.span.line) == [1, 2, 3])
    }

    @Test func firstErrorIsPrecise() throws {
        let d = try #require(parse("print(1 +)").diagnostics.first)
        #expect(d.span == SourceSpan(line: 1, column: 10, length: 1))
        #expect(d.message.en == "expected an expression, found ')'")
    }

    @Test func unclosedBracketPointsAtTheOpening() throws {
        let d = try #require(parse("print(1,\n2").diagnostics.first)
        #expect(d.span == SourceSpan(line: 1, column: 6, length: 1))
        #expect(d.message.en == "'(' opened on line 1 is never closed with ')'")
    }

    @Test func fullWidthParenthesisIsDiagnosed() throws {
        let d = try #require(parse("print（1）").diagnostics.first)
        #expect(d.span == SourceSpan(line: 1, column: 6, length: 1))
        #expect(d.message.en == "full-width '（' is not allowed here; type the half-width '(' instead")
    }

    @Test func interpolationIsParsed() {
        let program = parse(#"print("合計 {a + 1} 円")"#)
        guard case .expression(.call(_, let args, _)) = program.statements[0], case .template(let parts, _) = args[0].value else {
            Issue.record("no template"); return
        }
        #expect(parts.count == 3)
    }

    @Test func chainedComparisonIsAnError() {
        #expect(parse("a < b < c").diagnostics.first?.message == Catalog.chainedComparison)
    }

    @Test func keywordAsNameIsAnError() {
        #expect(parse("let for = 1").diagnostics.first?.message == Catalog.nameIsKeyword("for"))
    }

    @Test func variablesMayNotTakeCommandOrBuiltinNames() {
        #expect(parse("let detect = 1", commands: ["detect"]).diagnostics.first?.message == Catalog.nameIsCommand("detect"))
        #expect(parse("let model_start = 1", commands: ["model start"]).diagnostics.first?.message == Catalog.nameIsCommand("model_start"))
        #expect(parse("fn model() {}", commands: ["model start"]).diagnostics.first?.message == Catalog.nameIsCommand("model"))
        #expect(parse("let print = 1").diagnostics.first?.message == Catalog.nameIsBuiltin("print"))
    }

    @Test func contextualLessonWordsStayIdentifiers() {
        let program = parse("let step = 1\nlet say = step + 1\nsay = 3\nlet task = [say]\nexpect(1)")
        #expect(program.diagnostics.isEmpty, "\(program.diagnostics)")
        guard case .expression(.call) = program.statements[4] else { Issue.record("expect( should be a call"); return }
    }

    @Test func deepNestingIsADiagnosticNotACrash() {
        let source = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(parse(source).diagnostics.first?.message == Catalog.tooDeeplyNested)
        let lists = String(repeating: "[", count: 5000)
        #expect(!parse(lists).diagnostics.isEmpty)
    }

    @Test func parseExpressionForAnswers() throws {
        let expr = try Parser.parseExpression("180 + 150")
        guard case .binary(.add, _, _, _) = expr else { Issue.record("not a sum"); return }
        #expect(throws: Diagnostic.self) { try Parser.parseExpression("180 +") }
        #expect(throws: Diagnostic.self) { try Parser.parseExpression("1 2") }
    }

    @Test func stepsAreCountedAndKeepTheirSource() throws {
        let program = parse("""
        lesson "L" --backend mock
        step "one" { let x = 1
          print(x + 1)
        }
        step "two" { say "hi" }
        """)
        #expect(program.diagnostics.isEmpty, "\(program.diagnostics)")
        #expect(program.steps.count == 2)
        #expect(program.steps[0].sources == ["let x = 1", "print(x + 1)"])
    }

    @Test func unclosedStringIsReportedBeforeTheParenthesis() throws {
        let d = try #require(parse("print(\"abc").diagnostics.first)
        #expect(d.message == Catalog.unterminatedString)
        #expect(d.span.column == 7)
    }

    @Test func brokenInterpolationNamesTheBrace() throws {
        let d = try #require(parse(#"print("{1 + }")"#).diagnostics.first)
        #expect(d.message.en == "expected an expression, found '}'")
        #expect(d.span == SourceSpan(line: 1, column: 13, length: 1))
    }

    @Test func commandStatementShapes() throws {
        let program = parse("detect a.jpg --min-confidence 75 --json; model start", commands: ["detect", "model start"])
        #expect(program.diagnostics.isEmpty)
        guard case .command(let detect) = program.statements[0], case .command(let start) = program.statements[1] else {
            Issue.record("not commands"); return
        }
        #expect(detect.name == "detect")
        #expect(detect.arguments.count == 3)
        guard case .flag("json", nil, _) = detect.arguments[2] else { Issue.record("no --json"); return }
        #expect(start.name == "model start")
    }
}
