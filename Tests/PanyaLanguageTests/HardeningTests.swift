import Testing
import PanyaSupport
@testable import PanyaLanguage

/// Inputs that used to crash the process or eat the machine: each is now a diagnostic or works.
@Suite struct HardeningTests {
    @Test func deeplyNestedListsStopAtTheLimit() throws {
        let d = try #require(firstDiagnostic("let l = []\nfor i in range(0, 60000) { l = [l] }\nprint(l)"))
        #expect(d.message == Catalog.nestedTooDeeply(limit: ValueLimits.maxDepth))
        #expect(d.message.en.contains("100"))
        #expect(d.span.line == 2)
        // Up to the limit the value is built, printed and freed.
        let ok = printed("let l = []\nfor i in range(0, 99) { l = [l] }\nprint(len(str(l)))")
        #expect(ok == "200\n")
        #expect(firstDiagnostic("let m = {}\nfor i in range(0, 500) { m = {inner: m} }")?.message == Catalog.nestedTooDeeply(limit: 100))
        #expect(firstDiagnostic("let l = []\nfor i in range(0, 500) { l = append([], l) }")?.message == Catalog.nestedTooDeeply(limit: 100))
        #expect(firstDiagnostic("let l = [[]]\nfor i in range(0, 500) { l[0] = l }")?.message == Catalog.nestedTooDeeply(limit: 100))
    }

    @Test func longFlatSumsEvaluateWithoutRecursion() {
        let terms = 88_000
        let source = "print(" + Array(repeating: "1", count: terms).joined(separator: "+") + ")"
        #expect(source.utf8.count > 170_000)
        #expect(printed(source) == "\(terms)\n")
        let mixed = "print(" + Array(repeating: "2*3-5", count: 20_000).joined(separator: "+") + ")"
        #expect(printed(mixed) == "20000\n")
        let logic = "print(" + Array(repeating: "true", count: 30_000).joined(separator: " and ") + ")"
        #expect(printed(logic) == "true\n")
    }

    @Test func longIndexFieldAndCallChains() throws {
        let index = "let x = [0]\nprint(x" + String(repeating: "[0]", count: 50_000) + ")"
        let d = try #require(firstDiagnostic(index))
        #expect(d.message == Catalog.notIndexable("number"))
        let fields = "let m = {a: 1}\nprint(m" + String(repeating: ".a", count: 50_000) + ")"
        #expect(firstDiagnostic(fields)?.message == Catalog.noFields("number"))
        let calls = "fn me() { return me }\nprint(type(me" + String(repeating: "()", count: 50_000) + "))"
        #expect(printed(calls) == "function\n")
    }

    @Test func aLongLineIsNotANestingError() throws {
        let source = "let s = " + Array(repeating: "1", count: 100_000).joined(separator: " + ") + " + \"x\""
        let d = try #require(firstDiagnostic(source))
        #expect(d.message == Catalog.stringPlusNumber)
    }

    @Test func doublingStringsAndListsStopWithALimit() throws {
        let s = try #require(firstDiagnostic("let s = \"ab\"\nwhile true { s = s + s }"))
        #expect(s.message == Catalog.stringTooLong(limit: ValueLimits.maxStringBytes))
        #expect(s.message.en.contains("10,000,000"))
        #expect(firstDiagnostic("let s = \"パン\"\nwhile true { s += s }")?.message == Catalog.stringTooLong(limit: 10_000_000))
        let l = try #require(firstDiagnostic("let l = [1]\nwhile true { l = l + l }"))
        #expect(l.message == Catalog.tooManyItems(limit: ValueLimits.maxItems))
        #expect(l.message.en.contains("1,000,000"))
        #expect(firstDiagnostic("let l = [1]\nwhile true { l += l }")?.message == Catalog.tooManyItems(limit: 1_000_000))
        #expect(firstDiagnostic("let s = \"ab\"\nwhile true { s = \"{s}{s}\" }")?.message == Catalog.stringTooLong(limit: 10_000_000))
    }

    @Test func sharedNestingIsTooBigToPrint() throws {
        let d = try #require(firstDiagnostic("let l = [1]\nfor i in range(0, 60) { l = [l, l] }\nprint(l)"))
        #expect(d.message == Catalog.printedTooLong(limit: ValueLimits.maxStringBytes))
        #expect(d.span.line == 3)
    }

    @Test func invisibleCharactersAreShownAsCodePoints() throws {
        let source = "print(1)\u{0}"
        let d = try #require(firstDiagnostic(source))
        #expect(d.message.en == "unexpected character 'U+0000'")
        #expect(DiagnosticRenderer.render(source: source, diagnostics: [d], language: .en) == """
        test.panya:1:9: error: unexpected character 'U+0000'
          1 | print(1)U+0000
            |         ^~~~~~

        """)
        let zw = "let a = 1\u{200B}"
        let z = try #require(firstDiagnostic(zw))
        #expect(z.message.ja == "ここでは「U+200B」は使えません")
        #expect(DiagnosticRenderer.render(source: zw, diagnostics: [z], language: .ja).contains("  1 | let a = 1U+200B\n    |          ^~~~~~\n"))
    }

    @Test func stringsNestedInInterpolationsStopAtALimit() throws {
        var source = "1"
        for _ in 0..<40 { source = "\"{" + source + "}\"" }
        let diagnostics = Parser.parse("print(" + source + ")").diagnostics
        #expect(diagnostics.contains { $0.message == Catalog.tooDeeplyNested })
    }
}
