import Foundation
import OrderedCollections
import Testing
@testable import PanyaLanguage

/// Maps are swift-collections' `OrderedDictionary` (issue 8): order kept, equality by entries.
@Suite struct OrderedMapTests {
    @Test func mapsAreOrderedDictionaries() {
        let map: OrderedDictionary<String, Value> = OrderedMap([("b", .number(1)), ("a", .number(2)), ("b", .number(3))])
        #expect(map.keys.elements == ["b", "a"])
        #expect(map["b"] == .number(3))
    }

    @Test func mapEqualityIgnoresOrderButNotValues() {
        let ab = Value.map(OrderedMap([("a", .number(1)), ("b", .number(2))]))
        let ba = Value.map(OrderedMap([("b", .number(2)), ("a", .number(1))]))
        #expect(ab == ba)
        #expect(ab != .map(OrderedMap([("a", .number(1)), ("b", .number(3))])))
        #expect(ab != .map(OrderedMap([("a", .number(1))])))
        #expect(Record(kind: "r", fields: [("x", .number(1)), ("y", .null)]) == Record(kind: "r", fields: [("y", .null), ("x", .number(1))]))
    }

    @Test func theLanguageComparesAndPrintsMapsAsBefore() {
        #expect(runScript(#"print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"b": 1, "a": 2})"#) == "true {\"b\": 1, \"a\": 2}\n")
    }

    /// A map shared at every level (`m = {"a": m, "b": m}`, 90 times) is checked once per storage,
    /// not 2^90 times; one more level past the limit is refused.
    @Test func sharedMapsAreCheckedOncePerStorage() {
        var map = Value.map(OrderedMap())
        for _ in 0..<(ValueLimits.maxDepth - 1) { map = .map(OrderedMap([("a", map), ("b", map)])) }
        let start = Date()
        #expect(ValueLimits.fits(map, within: ValueLimits.maxDepth))
        #expect(!ValueLimits.fits(.map(OrderedMap([("c", map)])), within: ValueLimits.maxDepth - 1))
        #expect(Date().timeIntervalSince(start) < 5)
    }
}
