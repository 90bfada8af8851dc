import Testing
import PanyaSupport
@testable import PanyaLanguage

@Suite struct ValueFormatterTests {
    @Test(arguments: [
        (550.0, "550"), (88.00399780273438, "88.00399780273438"), (-0.0, "0"), (0.1, "0.1"), (-3.5, "-3.5"),
        (1e16, "10000000000000000"), (1e20, "100000000000000000000"), (1e21, "1e+21"), (1.5e300, "1.5e+300"),
        (1e-7, "1e-7"), (0.1 + 0.2, "0.30000000000000004"), (Double.infinity, "inf"),
    ])
    func numbers(value: Double, expected: String) {
        #expect(NumberText.plain(value) == expected)
    }

    @Test func literalAndPrinted() {
        let v = Value.list([.string("a\"b"), .number(1), .map(OrderedMap([("k", .null)]))])
        #expect(v.literal == "[\"a\\\"b\", 1, {\"k\": nil}]")
        #expect(Value.string("パン").printed == "パン")
        #expect(Value.string("パン").literal == "\"パン\"")
        #expect(Value.record(Record(kind: "detection", fields: [("name", .string("メロンパン")), ("confidence", .number(88.5))])).literal
                == "detection{name: \"メロンパン\", confidence: 88.5}")
    }

    @Test func orderedMapKeepsOrderAndRemoves() {
        var m = OrderedMap([("b", .number(1)), ("a", .number(2))])
        m["c"] = .number(3)
        m["b"] = .number(4)
        #expect(m.keys == ["b", "a", "c"])
        m["a"] = nil
        #expect(m.keys == ["b", "c"])
        #expect(m.count == 2)
        #expect(m["b"] == .number(4))
    }

    @Test func functionsCompareByIdentity() throws {
        let f = Function(name: "f") { _ in .null }
        let g = Function(name: "f") { _ in .null }
        #expect(Value.function(f) == .function(f))
        #expect(Value.function(f) != .function(g))
    }
}
