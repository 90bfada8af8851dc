import Testing
import PanyaSupport
@testable import PanyaLanguage

/// Names resolved before running: slots, captured cells and globals behave as scopes always did.
@Suite struct ResolverTests {
    @Test func eachLoopRoundHasItsOwnVariable() {
        #expect(printed("""
        let fs = []
        for i in [1, 2, 3] { fs += [fn () { return i }] }
        print(fs[0](), fs[1](), fs[2]())
        let gs = []
        let n = 0
        while n < 3 { n += 1; let k = n * 10; gs += [fn () { return k }] }
        print(gs[0](), gs[2]())
        """) == "1 2 3\n10 30\n")
    }

    @Test func closuresShareTheVariableTheyCapture() {
        #expect(printed("""
        fn make() {
          let total = 0
          fn add(x) { total += x; return total }
          fn get() { return total }
          return [add, get]
        }
        let pair = make()
        pair[0](5); pair[0](7)
        print(pair[1]())
        """) == "12\n")
    }

    @Test func localFunctionsMayCallEachOtherAndThemselves() {
        #expect(printed("""
        fn outer(n) {
          fn even(k) { if k == 0 { return true }; return odd(k - 1) }
          fn odd(k) { if k == 0 { return false }; return even(k - 1) }
          fn fact(k) { if k < 2 { return 1 }; return k * fact(k - 1) }
          return [even(n), fact(5)]
        }
        print(outer(10))
        """) == "[true, 120]\n")
    }

    @Test func nestedClosuresReachTwoLevelsOut() {
        #expect(printed("""
        fn a() {
          let x = 1
          fn b() { fn c() { x += 1; return x }; return c }
          let f = b()
          f(); f()
          return x
        }
        print(a())
        """) == "3\n")
    }

    @Test func aFunctionMayUseAGlobalDeclaredLater() {
        #expect(printed("fn show() { return later * 2 }\nlet later = 21\nprint(show())") == "42\n")
    }

    @Test func promptGlobalsPersistAcrossEntries() throws {
        let (interpreter, sink) = makeInterpreter()
        _ = try interpreter.evaluateEntry("fn twice() { return base * 2 }")
        #expect(throws: Diagnostic.self) { try interpreter.evaluateEntry("twice()") }
        _ = try interpreter.evaluateEntry("let base = 4")
        #expect(try interpreter.evaluateEntry("twice()") == .number(8))
        _ = try interpreter.evaluateEntry("base += 1; print(twice())")
        #expect(sink.text == "10\n")
        let again = try #require(throws: Diagnostic.self) { try interpreter.evaluateEntry("let base = 1") }
        #expect(again.message == Catalog.alreadyDeclared("base"))
    }

    @Test func shadowingInBlocksReadsTheOuterNameFirst() {
        #expect(printed("""
        let x = 1
        if true { print(x); let x = 2; print(x) }
        let i = 0
        while i < 2 { print(x); let x = 5 + i; i += 1 }
        print(x)
        """) == "1\n2\n1\n1\n1\n")
    }

    @Test func declarationDiagnosticsAreUnchanged() {
        #expect(firstDiagnostic("fn f() { let a = 1; let a = 2 }\nf()")?.message == Catalog.alreadyDeclared("a"))
        #expect(firstDiagnostic("fn f(a) { let a = 2 }\nf(1)")?.message == Catalog.alreadyDeclared("a"))
        #expect(firstDiagnostic("for x in [1] { let x = 2 }")?.message == Catalog.alreadyDeclared("x"))
        #expect(firstDiagnostic("fn f() { totl = 1 }\nlet total = 0\nf()")?.message
                == Catalog.assignUndeclared("totl", suggestion: "total"))
        #expect(firstDiagnostic("print = 1")?.message == Catalog.nameIsBuiltin("print"))
        #expect(runScript("print(1)\nlet a = 1\nlet a = 2") == """
        1
        test.panya:3:5: error: 'a' is already declared here; to change it write 'a = ...' without let
          3 | let a = 2
            |     ^

        """)
    }

    @Test func unknownNamesInsideFunctionsSuggestLocals() throws {
        let d = try #require(firstDiagnostic("fn f(total) { return totl }\nf(1)"))
        #expect(d.message.en == "unknown variable 'totl'; did you mean 'total'?")
    }

    @Test func evaluateSeesGlobalsSetByTheHost() throws {
        let (interpreter, _) = makeInterpreter()
        interpreter.setGlobal("price", .number(180))
        #expect(try interpreter.evaluate(try Parser.parseExpression("price * 2")) == .number(360))
        #expect(interpreter.global("price") == .number(180))
        #expect(interpreter.global("nothing") == nil)
    }
}
