import Testing
import PanyaSupport
@testable import PanyaLanguage

@Suite struct BuiltinsTests {
    @Test(arguments: [
        ("len(\"メロンパン\")", "5"), ("len([1, 2])", "2"), ("len({a: 1})", "1"),
        ("str(550)", "\"550\""), ("str([1, \"a\"])", "\"[1, \\\"a\\\"]\""),
        ("num(\"3.5\")", "3.5"), ("num(\"１８０\")", "180"), ("num(\"1_000\")", "1000"),
        ("int(-2.7)", "-2"), ("int(2.7)", "2"), ("floor(-2.5)", "-3"), ("ceil(2.1)", "3"),
        ("round(2.5)", "3"), ("round(-2.5)", "-3"), ("round(3.14159, 2)", "3.14"), ("abs(-4)", "4"),
        ("min([3, 1, 2])", "1"), ("max(3, 9, 2)", "9"), ("min(\"b\", \"a\")", "\"a\""),
        ("sum([180, 150, 220])", "550"), ("sum([])", "0"),
        ("sort([3, 1, 2])", "[1, 2, 3]"), ("sort([\"b\", \"a\"])", "[\"a\", \"b\"]"),
        ("keys({b: 1, a: 2})", "[\"b\", \"a\"]"), ("values({b: 1, a: 2})", "[1, 2]"),
        ("append([1], [2])", "[1, [2]]"),
        ("contains([1, 2], 2)", "true"), ("contains(\"メロンパン\", \"パン\")", "true"), ("contains({a: 1}, \"b\")", "false"),
        ("range(1, 4)", "[1, 2, 3]"), ("range(3)", "[0, 1, 2]"), ("range(4, 1)", "[]"),
        ("type(1)", "\"number\""), ("type(\"a\")", "\"string\""), ("type(true)", "\"bool\""), ("type(nil)", "\"nil\""),
        ("type([])", "\"list\""), ("type({})", "\"map\""), ("type(print)", "\"function\""),
    ])
    func builtin(source: String, expected: String) throws {
        let shown = try value(source)
        #expect((shown?.literal ?? "nil") == expected)
    }

    @Test func typeNil() throws {
        #expect(try value("type(nil)") == .string("nil"))
    }

    @Test func listsAreValues() {
        #expect(printed("let xs = [3, 1]\nlet ys = sort(xs)\nlet zs = append(xs, 5)\nprint(xs, ys, zs)") == "[3, 1] [1, 3] [3, 1, 5]\n")
    }

    @Test func printSeparatesWithSpaces() {
        #expect(printed("print()\nprint(\"a\", \"b\")") == "\nа b\n".replacingOccurrences(of: "а", with: "a"))
    }

    @Test(arguments: [
        ("len(1)", "len() needs a string or list or map, not number 1"),
        ("num(\"abc\")", "cannot read \"abc\" as a number"),
        ("sum([1, \"a\"])", "sum() needs numbers (or strings, not mixed), but got string \"a\""),
        ("sort([1, \"a\"])", "sort() needs a list of only numbers or only strings"),
        ("min([])", "min() of an empty list has no answer"),
        ("len()", "len() takes 1 argument but got 0"),
        ("round(1, 2, 3)", "round() takes 1 or 2 arguments but got 3"),
        ("range(0, 10000000)", "range() would make more than 1,000,000 numbers"),
        ("print(x: 1)", "print() takes no name: value arguments"),
    ])
    func builtinErrors(source: String, expected: String) {
        #expect(firstDiagnostic(source)?.message.en == expected)
    }
}
