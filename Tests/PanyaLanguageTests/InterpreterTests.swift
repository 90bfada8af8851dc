import Foundation
import Testing
import PanyaSupport
@testable import PanyaLanguage

@Suite struct InterpreterTests {
    @Test func arithmeticAndPrinting() {
        #expect(printed("print(180 + 150 + 220)") == "550\n")
        #expect(printed("print(1 / 4, 7 % 3, -2 * 3)") == "0.25 1 -6\n")
        #expect(printed("print(\"a\", 1, true, nil, [1, \"b\"], {\"k\": 2})") == "a 1 true nil [1, \"b\"] {\"k\": 2}\n")
    }

    @Test func stringsJoinAndInterpolate() {
        #expect(printed(#"let total = 594; print("合計 {total} 円", "a" + "b")"#) == "合計 594 円 ab\n")
        #expect(printed(#"let m = {"k": [1, 2]}; print("m={m["k"]} \{x}")"#) == "m=[1, 2] {x}\n")
    }

    @Test func listsConcatenate() {
        #expect(printed("print([1] + [2, 3])") == "[1, 2, 3]\n")
    }

    @Test func scopesAndClosures() {
        #expect(printed("""
        let x = 1
        if true { let x = 2; print(x) }
        print(x)
        fn counter() {
          let n = 0
          fn next() { n += 1; return n }
          return next
        }
        let c = counter()
        c(); c()
        print(c())
        """) == "2\n1\n3\n")
    }

    @Test func recursion() {
        #expect(printed("fn fib(n) { if n < 2 { return n }; return fib(n - 1) + fib(n - 2) }\nprint(fib(15))") == "610\n")
    }

    @Test func loopsBreakContinue() {
        #expect(printed("""
        let n = 0
        let seen = []
        while true {
          n += 1
          if n % 2 == 0 { continue }
          if n > 7 { break }
          seen = append(seen, n)
        }
        print(seen)
        for c in "パン" { print(c) }
        for k in {"a": 1, "b": 2} { print(k) }
        """) == "[1, 3, 5, 7]\nパ\nン\na\nb\n")
    }

    @Test func indexAssignmentHasCopySemantics() {
        #expect(printed("""
        let prices = {"メロンパン": 180}
        let copy = prices
        prices["カレーパン"] = 200
        prices.メロンパン += 10
        let xs = [1, [2, 3]]
        let ys = xs
        xs[1][0] = 9
        print(prices, copy)
        print(xs, ys)
        """) == "{\"メロンパン\": 190, \"カレーパン\": 200} {\"メロンパン\": 180}\n[1, [9, 3]] [1, [2, 3]]\n")
    }

    @Test func structuralEquality() {
        #expect(printed(#"print([1, {"a": [2]}] == [1, {"a": [2]}], 1 == "1", nil == nil, {"a": 1, "b": 2} == {"b": 2, "a": 1})"#) == "true false true true\n")
    }

    @Test func andOrShortCircuit() {
        #expect(printed("print(false and undefined_name, true or undefined_name)") == "false true\n")
    }

    @Test func evaluateEntryShowsValues() throws {
        let (interpreter, sink) = makeInterpreter()
        #expect(try interpreter.evaluateEntry("1 + 1") == .number(2))
        #expect(try interpreter.evaluateEntry("let total = 5") == nil)
        #expect(try interpreter.evaluateEntry("total = 6") == nil)
        #expect(try interpreter.evaluateEntry("total") == .number(6))
        #expect(try interpreter.evaluateEntry("nil") == nil)
        #expect(try interpreter.evaluateEntry("print(total)") == nil)
        #expect(sink.text == "6\n")
        #expect(interpreter.global("total") == .number(6))
        #expect(interpreter.globalNames.contains("total"))
        #expect(interpreter.globalNames.contains("print"))
    }

    @Test func aMistakeAtThePromptKeepsTheSession() throws {
        let (interpreter, _) = makeInterpreter()
        _ = try interpreter.evaluateEntry("let a = 1")
        #expect(throws: Diagnostic.self) { try interpreter.evaluateEntry("a + \"x\"") }
        #expect(try interpreter.evaluateEntry("a") == .number(1))
    }

    @Test func needsMoreInput() {
        #expect(Interpreter.needsMoreInput("print(1,"))
        #expect(Interpreter.needsMoreInput("let xs = ["))
        #expect(Interpreter.needsMoreInput("fn f() {"))
        #expect(Interpreter.needsMoreInput("let t = 1 +"))
        #expect(Interpreter.needsMoreInput("let ok = a and"))
        #expect(!Interpreter.needsMoreInput("print(1)"))
        #expect(!Interpreter.needsMoreInput("photos lessons/"))
        #expect(!Interpreter.needsMoreInput("let s = \"(\""))
        #expect(!Interpreter.needsMoreInput("x # (comment"))
        #expect(!Interpreter.needsMoreInput("print(\"{\")"))
        #expect(Interpreter.needsMoreInput("if total > 500 {\n  print(1)"))
        #expect(!Interpreter.needsMoreInput("if total > 500 {\n  print(1)\n}"))
    }

    // MARK: Runtime errors

    func message(_ source: String) -> String? { firstDiagnostic(source)?.message.en }

    @Test func unknownVariableSuggests() throws {
        let d = try #require(firstDiagnostic("let total = 1\nprint(totl + 1)"))
        #expect(d.message.en == "unknown variable 'totl'; did you mean 'total'?")
        #expect(d.span == SourceSpan(line: 2, column: 7, length: 4))
    }

    @Test func unknownFunctionSuggests() {
        #expect(message("prnt(1)") == "unknown function 'prnt'; did you mean 'print'?")
    }

    @Test func stringPlusNumberSuggestsStr() {
        #expect(message("print(\"合計\" + 1)") == Catalog.stringPlusNumber.en)
    }

    @Test func typeErrors() {
        #expect(message("print(1 < \"a\")") == "cannot compare number with string using '<'")
        #expect(message("print([1] < [2])") == "list values cannot be ordered with < or >")
        #expect(message("print(1 - \"a\")") == "'-' cannot be used with number and string")
        #expect(message("if 1 { }") == "'if' needs true or false, not number 1")
        #expect(message("print(not 3)") == "'not' needs true or false, not number 3")
        #expect(message("let x = 3; x()") == "a number cannot be called like a function")
    }

    @Test func divisionByZero() {
        #expect(message("print(1 / 0)") == "division by zero")
        #expect(message("print(1 % 0)") == "division by zero")
    }

    @Test func indexingErrorsNeverGiveNil() {
        #expect(message("let xs = [1, 2]; print(xs[2])") == "index 2 is out of range: valid indexes are 0 to 1")
        #expect(message("let xs = []; print(xs[0])") == "index 0 is out of range: it is empty")
        #expect(message("let xs = [1]; print(xs[0.5])") == "an index must be a whole number, not 0.5")
        #expect(message("let m = {\"total\": 1}; print(m[\"totl\"])") == "the map has no key \"totl\"; did you mean \"total\"?")
        #expect(message("let m = {a: 1}; print(m.b)") == "the map has no key \"b\"")
        #expect(message("print(1.x)") != nil)
        #expect(message("let xs = [1]; xs[3] = 1") == "index 3 is out of range: valid indexes are 0 to 0")
    }

    @Test func declarationRules() {
        #expect(message("let a = 1\nlet a = 2") == Catalog.alreadyDeclared("a").en)
        #expect(message("total = 1") == Catalog.assignUndeclared("total", suggestion: nil).en)
        #expect(message("let x = 1; if true { let x = 2 }") == nil)
    }

    @Test func recordsAreReadOnly() throws {
        let commands = CommandTable()
        commands.register(Command("model", summary: .verbatim("m")) { _ in
            .record(Record(kind: "model", fields: [("name", .string("verification001")), ("status", .string("STOPPED"))]))
        })
        #expect(runScript("let m = model\nprint(m.name, m[\"status\"])", commands: commands) == "verification001 STOPPED\n")
        let d = try #require(firstDiagnostic("let m = model\nm.status = \"RUNNING\"", commands: commands))
        #expect(d.message == Catalog.recordReadOnly("model"))
        let missing = try #require(firstDiagnostic("let m = model\nprint(m.stat)", commands: commands))
        #expect(missing.message.en == "model has no field 'stat'; did you mean 'status'?")
        #expect(printed("print(model())", commands: commands) == "model{name: \"verification001\", status: \"STOPPED\"}\n")
    }

    @Test func userFunctionArguments() {
        #expect(message("fn f(a, b) { return a }\nf(1)") == "f() takes 2 arguments but got 1")
        #expect(printed("fn f(a, b) { return a - b }\nprint(f(b: 1, a: 3))") == "2\n")
        #expect(message("fn f(a) { return a }\nf(c: 1)") == "f() has no parameter 'c'")
    }

    @Test func deepRecursionIsADiagnosticNotACrash() throws {
        let d = try #require(firstDiagnostic("fn f(n) { return f(n + 1) }\nf(0)"))
        #expect(d.message == Catalog.tooDeep(limit: 200))
        #expect(d.span.line == 1)
    }

    @Test func veryDeepLimitIsStillSafe() throws {
        let (interpreter, _) = makeInterpreter()
        interpreter.maxCallDepth = 1_000_000
        let d = try #require(interpreter.run(source: "fn f(n) { return 1 + f(n + 1) }\nprint(f(0))", file: "deep.panya"))
        #expect(d.message == Catalog.tooDeep(limit: 1_000_000))
    }

    @Test func smallThreadStacksDoNotOverflow() throws {
        final class Box: @unchecked Sendable { var run: Diagnostic?; var parse: Diagnostic? }
        let box = Box()
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            let (interpreter, _) = makeInterpreter()
            interpreter.maxCallDepth = 1_000_000
            box.run = interpreter.run(source: "fn f(n) { return 1 + f(n + 1) }\nf(0)", file: "deep.panya")
            box.parse = Parser.parse(String(repeating: "(", count: 5000), file: "x").diagnostics.first
            finished.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        finished.wait()
        #expect(box.run?.message == Catalog.tooDeep(limit: 1_000_000))
        #expect(box.parse?.message == Catalog.tooDeeplyNested)
    }

    @Test func hostCallsBack() throws {
        let (interpreter, _) = makeInterpreter()
        _ = try interpreter.evaluateEntry("fn double(x) { return x * 2 }")
        let f = try #require(interpreter.global("double")?.asFunction)
        #expect(try interpreter.call(f, [.number(21)]) == .number(42))
        #expect(try interpreter.evaluate(try Parser.parseExpression("double(2) + 1")) == .number(5))
    }

    @Test func japaneseMessages() throws {
        let d = try #require(firstDiagnostic("let total = 1\nprint(totl)"))
        #expect(d.message.ja == "変数「totl」はありません。「total」のことですか?")
    }
}
