import Foundation
import PanyaSupport

/// A built-in function: its name, how many arguments it takes, and what it does.
struct Builtin {
    let name: String
    let arity: ClosedRange<Int>
    let run: (Interpreter, [Value]) throws -> Value
}

/// The built-in functions of language.md.
enum Builtins {
    /// Every built-in's name.
    static let names: Set<String> = Set(all.map(\.name))

    static var all: [Builtin] { [
        Builtin(name: "print", arity: 0...Int.max) { interpreter, args in
            interpreter.write(try args.map { value throws in try printed(value) }.joined(separator: " ") + "\n")
            return .null
        },
        Builtin(name: "len", arity: 1...1) { _, args in
            switch args[0] {
            case .string(let s): return .number(Double(s.count))
            case .list(let l): return .number(Double(l.count))
            case .map(let m): return .number(Double(m.count))
            default: throw ValueError(Catalog.builtinArgumentType("len", expected: "string, list, map", got: args[0]))
            }
        },
        Builtin(name: "str", arity: 1...1) { interpreter, args in
            let text = try printed(args[0])
            try interpreter.charge(MemoryBudget.string(text.utf8.count))
            return .string(text)
        },
        Builtin(name: "num", arity: 1...1) { _, args in
            switch args[0] {
            case .number: return args[0]
            case .string(let s):
                let halfWidth = String(s.map { c -> Character in
                    if let half = Lexer.halfWidth(for: c), half.count == 1, let h = half.first { return h }
                    return c
                }).trimmingCharacters(in: .whitespaces)
                guard let n = Parser.number(fromWord: halfWidth) else { throw ValueError(Catalog.notANumber(s)) }
                return .number(n)
            default: throw ValueError(Catalog.builtinArgumentType("num", expected: "string, number", got: args[0]))
            }
        },
        Builtin(name: "int", arity: 1...1) { _, args in .number(try number("int", args[0]).rounded(.towardZero)) },
        Builtin(name: "floor", arity: 1...1) { _, args in .number(try number("floor", args[0]).rounded(.down)) },
        Builtin(name: "ceil", arity: 1...1) { _, args in .number(try number("ceil", args[0]).rounded(.up)) },
        Builtin(name: "round", arity: 1...2) { _, args in
            let x = try number("round", args[0])
            guard args.count == 2 else { return .number(x.rounded(.toNearestOrAwayFromZero)) }
            let digits = try number("round", args[1])
            guard digits == digits.rounded(), digits >= 0, digits <= 15 else { throw ValueError(Catalog.roundDigits) }
            let scale = pow(10, digits)
            return .number((x * scale).rounded(.toNearestOrAwayFromZero) / scale)
        },
        Builtin(name: "abs", arity: 1...1) { _, args in .number(abs(try number("abs", args[0]))) },
        Builtin(name: "min", arity: 1...Int.max) { _, args in try extreme("min", args) },
        Builtin(name: "max", arity: 1...Int.max) { _, args in try extreme("max", args) },
        Builtin(name: "sum", arity: 1...1) { _, args in
            guard case .list(let items) = args[0] else { throw ValueError(Catalog.builtinArgumentType("sum", expected: "list", got: args[0])) }
            var total = 0.0
            for item in items {
                guard case .number(let n) = item else { throw ValueError(Catalog.listOfNumbers("sum", got: item)) }
                total += n
            }
            return .number(total)
        },
        Builtin(name: "sort", arity: 1...1) { interpreter, args in
            guard case .list(let items) = args[0] else { throw ValueError(Catalog.builtinArgumentType("sort", expected: "list", got: args[0])) }
            try interpreter.charge(MemoryBudget.list(items.count))
            if items.allSatisfy({ $0.asNumber != nil }) {
                return .list(items.compactMap(\.asNumber).sorted().map(Value.number))
            }
            if items.allSatisfy({ $0.asString != nil }) {
                return .list(items.compactMap(\.asString).sorted().map(Value.string))
            }
            throw ValueError(Catalog.sortMixed)
        },
        Builtin(name: "keys", arity: 1...1) { interpreter, args in
            switch args[0] {
            case .map(let m):
                try interpreter.charge(MemoryBudget.list(m.count))
                return .list(m.keys.map(Value.string))
            case .record(let r):
                try interpreter.charge(MemoryBudget.list(r.fields.count))
                return .list(r.fields.keys.map(Value.string))
            default: throw ValueError(Catalog.builtinArgumentType("keys", expected: "map, record", got: args[0]))
            }
        },
        Builtin(name: "values", arity: 1...1) { _, args in
            switch args[0] {
            case .map(let m): return .list(m.values.elements)
            case .record(let r): return .list(r.fields.values.elements)
            default: throw ValueError(Catalog.builtinArgumentType("values", expected: "map, record", got: args[0]))
            }
        },
        Builtin(name: "append", arity: 2...2) { interpreter, args in
            guard case .list(var items) = args[0] else { throw ValueError(Catalog.builtinArgumentType("append", expected: "list", got: args[0])) }
            try ValueLimits.checkCount(items.count + 1)
            try ValueLimits.checkNesting(args[1])
            try interpreter.charge(MemoryBudget.list(items.count + 1))
            items.append(args[1])
            return .list(items)
        },
        Builtin(name: "contains", arity: 2...2) { _, args in
            switch args[0] {
            case .list(let items): return .bool(items.contains(args[1]))
            case .string(let s):
                guard case .string(let part) = args[1] else { throw ValueError(Catalog.containsNeedsString(args[1])) }
                // The standard library's search by characters (Foundation's `contains` traps on some
                // strings the fuzzer builds: "String index is out of bounds").
                return .bool(part.isEmpty || s.firstRange(of: part) != nil)
            case .map(let m):
                guard case .string(let key) = args[1] else { throw ValueError(Catalog.mapKeyType(args[1])) }
                return .bool(m[key] != nil)
            default: throw ValueError(Catalog.builtinArgumentType("contains", expected: "list, string, map", got: args[0]))
            }
        },
        Builtin(name: rangeName, arity: rangeArity) { interpreter, args in
            let bounds = try rangeBounds(args)
            try interpreter.charge(MemoryBudget.list(bounds.count))
            return .list(bounds.map { .number(Double($0)) })
        },
        Builtin(name: "type", arity: 1...1) { _, args in .string(args[0].typeName) },
    ] }

    /// The `print()` form, unless it would be longer than a string may be.
    private static func printed(_ value: Value) throws(ValueError) -> String {
        guard let text = ValueFormatter.printed(value, limit: ValueLimits.maxStringBytes) else {
            throw ValueError(Catalog.printedTooLong(limit: ValueLimits.maxStringBytes))
        }
        return text
    }

    private static func number(_ name: String, _ value: Value) throws(ValueError) -> Double {
        guard case .number(let n) = value else { throw ValueError(Catalog.builtinArgumentType(name, expected: "number", got: value)) }
        return n
    }

    private static func whole(_ name: String, _ value: Value) throws(ValueError) -> Int {
        let n = try number(name, value)
        guard n == n.rounded(), abs(n) < 1e15 else { throw ValueError(Catalog.builtinArgumentType(name, expected: "whole number", got: value)) }
        return Int(n)
    }

    /// The name of `range`, whose numbers a `for` loop walks without making the list.
    static let rangeName = "range"
    /// How many arguments `range` takes.
    static let rangeArity = 1...2

    /// The whole numbers `range(args)` lists: `range(b)` is 0..<b, `range(a, b)` is a..<b (empty
    /// when b ≤ a), at most 1,000,000 of them.
    static func rangeBounds(_ args: [Value]) throws(ValueError) -> Range<Int> {
        let a = args.count == 2 ? try whole(rangeName, args[0]) : 0
        let b = try whole(rangeName, args[args.count - 1])
        guard b <= a || b - a <= 1_000_000 else { throw ValueError(Catalog.rangeTooLarge) }
        return a < b ? a..<b : a..<a
    }

    /// `min`/`max`: of one list, or of several arguments; numbers or strings, not mixed.
    private static func extreme(_ name: String, _ args: [Value]) throws(ValueError) -> Value {
        var items = args
        if args.count == 1 {
            guard case .list(let list) = args[0] else { throw ValueError(Catalog.builtinArgumentType(name, expected: "list", got: args[0])) }
            items = list
        }
        guard var best = items.first else { throw ValueError(Catalog.emptyList(name)) }
        for item in items {
            switch (best, item) {
            case (.number(let a), .number(let b)):
                if name == "min" ? b < a : b > a { best = item }
            case (.string(let a), .string(let b)):
                if name == "min" ? b < a : b > a { best = item }
            default:
                throw ValueError(Catalog.listOfNumbers(name, got: item.asNumber == nil ? item : best))
            }
        }
        return best
    }
}
