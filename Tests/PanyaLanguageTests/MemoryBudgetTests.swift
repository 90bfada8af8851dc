import Testing
import PanyaSupport
@testable import PanyaLanguage

/// One memory budget per interpreter: what its variables hold together, not each value alone.
@Suite struct MemoryBudgetTests {
    /// A string of 131,072 bytes in `s` (doubled from one letter).
    static let bigString = "let s = \"x\"\nwhile len(s) < 100000 { s += s }\n"

    private func interpreter(budget: Int) -> Interpreter {
        let (interpreter, _) = makeInterpreter()
        interpreter.memoryBudget = budget
        return interpreter
    }

    /// The reproduction, smaller: each string is well under the string limit, the map
    /// under the item limit, but 200 strings of 128 KiB pass a budget of 8 MiB.
    @Test func aMapOfManyLargeStringsIsRefusedAtItsLine() throws {
        let interpreter = interpreter(budget: 8 << 20)
        let source = Self.bigString + "let m = {}\nfor i in range(0, 200) { m[str(i)] = s + str(i) }\n"
        let d = try #require(interpreter.run(source: source, file: "big.panya"))
        #expect(d.span.line == 4)
        #expect(d.span.column == 38)   // `s + str(i)`, the string being made
        #expect(d.message.en.contains("budget of 8 MiB"))
        #expect(d.message.en.contains("`x = nil`"))
        #expect(d.message.ja.contains("8 MiB"))
        // What was stored before stays, and the interpreter goes on.
        let kept = try #require(interpreter.global("m")?.asMap)
        #expect(kept.count > 40 && kept.count < 64)
        // The budget is what stops it: with one too large to matter the same script runs.
        #expect(self.interpreter(budget: Int.max).run(source: source, file: "big.panya") == nil)
        #expect(try interpreter.evaluateEntry("len(m)") == .number(Double(kept.count)))
        // Letting go of the map makes room again.
        #expect(try interpreter.evaluateEntry("m = nil") == nil)
        #expect(try interpreter.evaluateEntry("let n = {}\nfor i in range(0, 20) { n[str(i)] = s + str(i) }\nlen(n)") == .number(20))
    }

    /// Values dropped by earlier statements are not counted: a loop that replaces one variable
    /// makes 25 MiB of strings in all but holds one at a time.
    @Test func overwritingOneVariableIsNotCounted() {
        let interpreter = interpreter(budget: 8 << 20)
        let source = Self.bigString + "let last = \"\"\nfor i in range(0, 200) { last = s + str(i) }\nprint(len(last))"
        #expect(interpreter.run(source: source, file: "t.panya") == nil)
        let strings = Self.bigString + "let t = \"\"\nfor i in range(0, 200) { t = \"{s}{i}\" }"
        #expect(self.interpreter(budget: 8 << 20).run(source: strings, file: "t.panya") == nil)
    }

    /// A function's local variables count while it runs; what it returns counts where it is kept.
    @Test func localsOfRunningCallsCount() throws {
        let interpreter = interpreter(budget: 8 << 20)
        let source = Self.bigString + """
            fn fill(n) {
              let parts = []
              for i in range(0, n) { parts += [s + str(i)] }
              return len(parts)
            }
            print(fill(20))
            print(fill(20))
            print(fill(200))
            """
        let d = try #require(interpreter.run(source: source, file: "t.panya"))
        #expect(d.span.line == 5)
        #expect(d.message.en.contains("8 MiB"))
    }

    /// A value shared by many variables, lists and maps is counted once.
    @Test func aSharedValueCountsOnce() throws {
        let interpreter = interpreter(budget: 8 << 20)
        let source = Self.bigString + """
            let xs = []
            for i in range(0, 1000) { xs += [s] }
            let m = {a: xs, b: xs, c: [xs, xs]}
            let copies = []
            for i in range(0, 100) { copies += [m] }
            """
        #expect(interpreter.run(source: source, file: "t.panya") == nil)
        // Measured at every 16 KiB made under a budget of 1 MiB, the shared string counts once.
        interpreter.memoryBudget = 1 << 20
        #expect(interpreter.run(source: "for i in range(0, 10) { let u = s + s }", file: "t.panya") == nil)
        let live = interpreter.liveBytes()
        // One string of 131,072 bytes and one list of 1,000 values: about 160 KB, not 1,000 × 128 KiB.
        #expect(live > 131_072)
        #expect(live < 131_072 + 1000 * MemoryLayout<Value>.stride + 64 * 1024)
    }

    /// What the variables hold is measured, not guessed: a string counts its bytes, and letting
    /// go of it gives them back.
    @Test func theMeasureFollowsTheVariables() throws {
        let interpreter = interpreter(budget: 64 << 20)
        let before = interpreter.liveBytes()
        _ = try interpreter.evaluateEntry(Self.bigString + "let t = s + \"!\"")
        let held = interpreter.liveBytes()
        #expect(held - before >= 2 * 131_072)
        _ = try interpreter.evaluateEntry("s = nil\nt = nil")
        #expect(interpreter.liveBytes() - before < 4096)
    }

    /// Deep and cyclic value graphs (60,000 closures, each capturing the one before; a function
    /// that captures its own box) are measured with a loop, not a call per link.
    @Test func aLongChainOfClosuresIsMeasuredWithoutRecursion() throws {
        let interpreter = interpreter(budget: 64 << 20)
        let source = """
            let f = fn () { return 0 }
            for i in range(0, 60000) {
              let g = f
              f = fn () { return g() }
            }
            fn outer() {
              fn again(n) { if n == 0 { return 0 }; return again(n - 1) }
              return again
            }
            let loop = outer()
            """
        #expect(interpreter.run(source: source, file: "t.panya") == nil)
        #expect(interpreter.liveBytes() > 60000 * 64)
    }

    /// Values a command returns are charged too (a host's command that makes a large string).
    @Test func aCommandsLargeResultsAreCharged() throws {
        let commands = CommandTable()
        commands.register(Command("bigtext", summary: .verbatim("a large string")) { _ in
            .string(String(repeating: "パ", count: 400_000))
        })
        let (interpreter, _) = makeInterpreter(commands: commands)
        interpreter.memoryBudget = 8 << 20
        let d = try #require(interpreter.run(source: "let kept = []\nfor i in range(0, 100) {\n  let r = bigtext\n  kept += [r]\n}", file: "t.panya"))
        #expect(d.span.line == 3)
        #expect(d.message.en.contains("8 MiB"))
        let kept = try #require(interpreter.global("kept")?.asList)
        #expect(kept.count > 3 && kept.count < 8)
    }

    /// The standard budget lets the existing limits speak first: a 1,000,000-item list and a
    /// 10,000,000-byte string are made under it.
    @Test func theStandardBudgetFitsTheLargestSingleValues() {
        let (interpreter, _) = makeInterpreter()
        #expect(interpreter.memoryBudget == MemoryBudget.standard)
        let source = """
            let l = [1]
            while len(l) * 2 <= 1000000 { l = l + l }
            let s = "ab"
            while len(s) * 2 <= 10000000 { s += s }
            print(len(l), len(s))
            """
        #expect(interpreter.run(source: source, file: "t.panya") == nil)
    }
}
