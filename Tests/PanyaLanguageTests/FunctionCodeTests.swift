import Testing
import PanyaSupport
@testable import PanyaLanguage

/// Calls through kept frames and callees read in place (`FunctionCode`, `CallExpr`): the same
/// answers and errors as the general call path.
@Suite struct FunctionCodeTests {
    @Test(arguments: [
        // a global function, a local one (a slot), a captured one (a box), one from a field
        ("fn fib(n) { if n < 2 { return n }; return fib(n - 1) + fib(n - 2) }; print(fib(18))", "2584\n"),
        ("fn f() { let fib = fn (n) { return n }; return fib(3) + fib(4) }; print(f())", "7\n"),
        ("fn f() { let g = nil; g = fn (n) { if n == 0 { return 0 }; return n + g(n - 1) }; return g(10) }; print(f())", "55\n"),
        ("let r = {f: fn (a, b) { return a * b }}; print(r.f(6, 7))", "42\n"),
        // arguments that call the same function, a recursion deeper than the frames kept
        ("fn inc(n) { return n + 1 }; print(inc(inc(inc(0))))", "3\n"),
        ("fn down(n) { if n == 0 { return 0 }; return 1 + down(n - 1) }; print(down(190))", "190\n"),
    ])
    func callsAnswer(source: String, expected: String) {
        #expect(printed(source) == expected)
    }

    @Test func deepRecursionOutlivesTheKeptFrames() {
        let (interpreter, sink) = makeInterpreter()
        interpreter.maxCallDepth = FunctionCode.maxKeptFrames + 50
        let source = "fn down(n) { if n == 0 { return 0 }; return 1 + down(n - 1) }; print(down(\(FunctionCode.maxKeptFrames + 40))); print(down(3))"
        #expect(interpreter.run(source: source, file: "deep.panya") == nil)
        #expect(sink.text == "\(FunctionCode.maxKeptFrames + 40)\n3\n")
    }

    @Test func namedArgumentsTakeTheGeneralPathWithTheSameFrames() {
        #expect(printed("fn f(a, b) { return a - b }; print(f(b: 1, a: 3)); print(f(3, 1)); print(f(3, b: 1))") == "2\n2\n2\n")
        #expect(printed("fn f(n) { if n == 0 { return 0 }; return 1 + f(n: n - 1) }; print(f(5))") == "5\n")
    }

    @Test func closuresKeepTheirOwnBoxesAcrossCalls() {
        let source = """
        fn counter(start) { let n = start; return fn () { n += 1; return n } }
        let a = counter(0)
        let b = counter(10)
        a(); a()
        print(a(), b())
        fn adders(k) { let out = []; for i in range(0, k) { out += [fn (x) { return x + i }] }; return out }
        let fs = adders(3)
        print(fs[0](1), fs[1](1), fs[2](1))
        """
        #expect(printed(source) == "3 11\n1 2 3\n")
    }

    @Test func aRunningFunctionReplacedInItsGlobalFinishes() {
        let source = """
        let f = nil
        f = fn (n) { f = fn (m) { return "new" }; let pad = [1, 2, 3]; return n + len(pad) }
        print(f(1))
        print(f(1))
        """
        #expect(printed(source) == "4\nnew\n")
        let local = """
        fn g(n) { if n == 0 { return "done" }; g = nil; return "replaced" }
        print(g(1))
        print(g)
        """
        #expect(printed(local) == "replaced\nnil\n")
    }

    @Test func aFunctionReplacedByTheHostDuringItsCallFinishes() throws {
        let commands = CommandTable()
        let (interpreter, sink) = makeInterpreter(commands: commands)
        commands.register(Command("swap", summary: .verbatim("s")) { [unowned interpreter] _ in
            interpreter.setGlobal("f", .number(0))
            return .null
        })
        #expect(interpreter.run(source: "let f = fn (n) { swap; return n * 2 }\nprint(f(21))\nprint(f)", file: "swap.panya") == nil)
        #expect(sink.text == "42\n0\n")
    }

    @Test(arguments: [
        ("fn f(a, b) { return a }\nf(1)", "f() takes 2 arguments but got 1", 2, 1),
        ("fn f(a) { return a }\nf(1, 2)", "f() takes 1 argument but got 2", 2, 1),
        ("let x = 3\nx(1)", "a number cannot be called", 2, 1),
        ("fn f(n) {\n  return n + missing\n}\nf(1)", "unknown variable 'missing'", 2, 14),
        ("fn f(n) {\n  return [n][5]\n}\nfn g() { return f(1) }\ng()", "index 5 is out of range", 2, 14),
    ])
    func errorsKeepTheirPlace(source: String, start: String, line: Int, column: Int) throws {
        let d = try #require(firstDiagnostic(source))
        #expect(d.message.en.hasPrefix(start), "\(d.message.en)")
        #expect(d.span.line == line)
        #expect(d.span.column == column)
    }

    @Test func errorsOfTheDirectAndTheGeneralPathAgree() throws {
        let direct = try #require(firstDiagnostic("fn f(a, b) { return a }\nf(1)"))
        let general = try #require(firstDiagnostic("fn f(a, b) { return a }\nlet r = {g: f}\nr.g(1)"))
        #expect(direct.message == general.message)
    }

    @Test func builtinsAndCommandFunctionsAreStillCalled() {
        let commands = CommandTable()
        commands.register(Command("model status", summary: .verbatim("s")) { _ in .string("RUNNING") })
        #expect(printed("print(len([1, 2]), model_status())", commands: commands) == "2 RUNNING\n")
        #expect(printed("fn f() { let p = print; p(\"via a local\") }; f()") == "via a local\n")
    }

    @Test func deepRecursionStopsWithTheLanguagesError() throws {
        let d = try #require(firstDiagnostic("fn f(n) { return f(n + 1) + 1 }\nf(0)"))
        #expect(d.message == Catalog.tooDeep(limit: 200))
        #expect(d.span.line == 1)
    }

    @Test func aFailedCallLeavesItsFramesReady() {
        let (interpreter, sink) = makeInterpreter()
        #expect(interpreter.run(source: "fn f(n) { if n == 3 { return missing }; return n + f(n + 1) }", file: "a") == nil)
        #expect(interpreter.run(source: "print(f(0))", file: "b") != nil)
        #expect(interpreter.run(source: "fn g(n) { if n > 2 { return 0 }; return n + g(n + 1) }\nprint(g(0))", file: "c") == nil)
        #expect(sink.text == "3\n")
    }

    @Test func interruptionStopsARunawayRecursionThroughItsOwnSignal() throws {
        let (interpreter, _) = makeInterpreter()
        interpreter.maxCallDepth = 1_000_000
        interpreter.interrupt = PollBudget(stopAfter: 5_000, again: false).signal
        let source = "fn f(n) { if n > 60 { return 0 }; return f(n + 1) + f(n + 1) }\nf(0)"
        let d = try #require(interpreter.run(source: source, file: "loop.panya"))
        #expect(d.isInterruption)
        #expect(d.span.line == 1)
    }
}
