import Testing
@testable import PanyaLanguage

/// The evaluator's fast paths (append in place, map literals sharing their keys, fields read in
/// place, short chains as nested nodes, reused call frames) answer exactly as the general paths.
@Suite struct EvaluatorFastPathTests {
    @Test func aValueIsSmall() {
        // Every read of a variable copies one: a record is stored out of line to keep it small.
        #expect(MemoryLayout<Value>.size <= 32)
    }

    @Test(arguments: [
        // top level (a global), inside a function (a slot), captured by a closure (a box)
        "let xs = [1]; xs += [2]; xs += [[3]]; print(xs)",
        "fn f() { let xs = [1]; xs += [2]; xs += [[3]]; return xs }; print(f())",
        "fn f() { let xs = [1]; let g = fn () { xs += [2] }; g(); xs += [[3]]; return xs }; print(f())",
    ])
    func appendingOneItemAddsItInPlace(source: String) {
        #expect(printed(source) == "[1, 2, [3]]\n")
    }

    @Test func appendingToANonListSaysWhatPlusSays() throws {
        let appended = try #require(firstDiagnostic("let n = 1; n += [2]"))
        let added = try #require(firstDiagnostic("let n = 1; n = n + [2]"))
        #expect(appended.message == added.message)
        let inFunction = try #require(firstDiagnostic("fn f() { let n = \"a\"; n += [2] }; f()"))
        let addedInFunction = try #require(firstDiagnostic("fn f() { let n = \"a\"; n = n + [2] }; f()"))
        #expect(inFunction.message == addedInFunction.message)
    }

    @Test func appendingKeepsTheNestingLimit() throws {
        let deep = "let d = 1; for i in range(0, 100) { d = [d] }; let xs = []; xs += [d]"
        let diagnostic = try #require(firstDiagnostic(deep))
        #expect(diagnostic.message.en.contains("nested"))
    }

    @Test func mapsFromOneLiteralAreIndependent() {
        let source = """
        let ms = []
        for i in range(0, 3) { ms += [{a: i, b: "x"}] }
        ms[0].a = 5
        ms[1].c = 7
        print(ms)
        """
        #expect(printed(source) == "[{\"a\": 5, \"b\": \"x\"}, {\"a\": 1, \"b\": \"x\", \"c\": 7}, {\"a\": 2, \"b\": \"x\"}]\n")
    }

    @Test func aRepeatedKeyKeepsItsFirstPlaceAndLastValue() {
        #expect(printed("print({a: 1, b: 2, a: 3})") == "{\"a\": 3, \"b\": 2}\n")
    }

    @Test func aMissingFieldOfALocalSuggestsTheClosest() throws {
        let local = try #require(firstDiagnostic("fn f() { let r = {apple: 1}; return r.appel }; f()"))
        let global = try #require(firstDiagnostic("let r = {apple: 1}; print(r.appel)"))
        #expect(local.message == global.message)
        #expect(local.message.en.contains("apple"))
        #expect(printed("fn f() { let r = {apple: 1}; return r.apple + r.apple }; print(f())") == "2\n")
    }

    @Test func shortAndLongChainsAgree() {
        let steps = 30
        let long = "let x = 0" + String(repeating: " + 1", count: steps) + "; print(x)"
        #expect(printed(long) == "\(steps)\n")
        #expect(printed("let r = {xs: [{f: fn (n) { return n * 2 }}]}; print(r.xs[0].f(21))") == "42\n")
    }

    @Test(arguments: ["+", "-", "*", "/", "%", "<", "<=", ">", ">=", "==", "!="])
    func aNumberOnTheRightAnswersAsAVariableDoes(op: String) {
        /// What a script prints, or the message it stops with.
        func outcome(_ source: String) -> String {
            if let d = firstDiagnostic(source) { return "error: " + d.message.en }
            return printed(source)
        }
        for left in ["7", "-2.5", "0", "\"a\"", "[1]"] {
            for right in ["2", "0", "0.5"] {
                let written = outcome("let a = \(left); print(a \(op) \(right))")
                let held = outcome("let a = \(left); let b = \(right); print(a \(op) b)")
                #expect(written == held, "\(left) \(op) \(right)")
            }
        }
    }

    @Test func reusedFramesStartEmpty() {
        let source = """
        fn fib(n) { if n < 2 { return n }; return fib(n - 1) + fib(n - 2) }
        fn count(n) { let seen = nil; if n > 0 { seen = count(n - 1) }; return [n, seen == nil] }
        print(fib(20))
        print(count(3))
        print(count(0))
        """
        #expect(printed(source) == "6765\n[3, false]\n[0, true]\n")
    }

    @Test func closuresMadeInARecursiveFunctionKeepTheirOwnBoxes() {
        let source = """
        fn makers(n) { if n == 0 { return [] }; let k = n; return makers(n - 1) + [fn () { return k }] }
        let fs = makers(3)
        print([fs[0](), fs[1](), fs[2]()])
        """
        #expect(printed(source) == "[1, 2, 3]\n")
    }

    @Test func aFunctionThatFailedRunsAgainFromAnEmptyFrame() {
        let source = """
        fn half(n) { let h = n / 2; if n == 3 { return missing }; return h }
        print(half(4))
        """
        #expect(printed(source) == "2\n")
        let (interpreter, sink) = makeInterpreter()
        #expect(interpreter.run(source: "fn half(n) { let h = n / 2; if n == 3 { return missing }; return h }", file: "a") == nil)
        #expect(interpreter.run(source: "print(half(3))", file: "b") != nil)
        #expect(interpreter.run(source: "print(half(8))", file: "c") == nil)
        #expect(sink.text == "4\n")
    }
}

/// `for i in range(...)` walks the numbers without making their list, with the built-in's checks.
@Suite struct LazyRangeTests {
    @Test(arguments: [
        ("for i in range(3) { print(i) }", "0\n1\n2\n"),
        ("for i in range(2, 5) { print(i) }", "2\n3\n4\n"),
        ("for i in range(5, 2) { print(i) }; print(\"none\")", "none\n"),
        ("fn f(n) { let s = 0; for i in range(0, n) { s += i }; return s }; print(f(101))", "5050\n"),
        ("let r = range(3); for i in r { print(i) }", "0\n1\n2\n"),
        ("for i in range(0, 10) { if i == 2 { break }; print(i) }", "0\n1\n"),
    ])
    func walksTheSameNumbers(source: String, expected: String) {
        #expect(printed(source) == expected)
    }

    @Test(arguments: ["range(1.5)", "range(\"3\")", "range(0, 2000000)", "range(1, 2, 3)", "range(n: 3)", "range()"])
    func failsAsTheBuiltInDoes(call: String) throws {
        let looped = try #require(firstDiagnostic("for i in \(call) { print(i) }"))
        let listed = try #require(firstDiagnostic("let xs = \(call)"))
        #expect(looped.message == listed.message)
    }
}
