/// Numbers as panya writes them for people: the one implementation of each format (no locale
/// involved, the same text on every machine). Rounding is half away from zero on the decimal
/// figure a person reads, so `0.8165` with three decimals is `0.817`.
public enum NumberText {
    /// Digits grouped by thousands: `1000000` → `1,000,000`, `-4200` → `-4,200`.
    public static func grouped<Integer: BinaryInteger>(_ value: Integer) -> String {
        let digits = Array(String(value.magnitude))
        var text = value < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    /// Exactly `decimals` decimals (0–9), rounded half away from zero: `0.8165` → `0.817`,
    /// `1` → `1.000`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        let decimals = max(0, min(9, decimals))
        guard value.isFinite else { return plain(value) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        // Beyond 2^53 a Double has no exact units digit left to round.
        guard scaled <= largestExactWhole else { return plain(value) }
        let units = Int64(scaled)
        let power = Int64(scale)
        let sign = value < 0 && units > 0 ? "-" : ""
        let whole = String(units / power)
        guard decimals > 0 else { return sign + whole }
        let fraction = String(units % power)
        return sign + whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// Up to `decimals` decimals with trailing zeros dropped: `13.0200` → `13.02`, `3.0` → `3`.
    public static func short(_ value: Double, decimals: Int = 2) -> String {
        var text = fixed(value, decimals: decimals)
        guard text.contains("."), !text.contains("e") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Two decimals with thousands grouped, as money is written: `2880` → `2,880.00`. Amounts
    /// beyond 2^53 cents (where a Double has no exact cent left) are held there, never trapped.
    public static func money(_ value: Double) -> String {
        guard !value.isNaN else { return "0.00" }
        let cents = min((abs(value) * 100).rounded(.toNearestOrAwayFromZero), largestExactWhole)
        let units = Int64(cents)
        let fraction = String(units % 100)
        let sign = value < 0 && units > 0 ? "-" : ""
        return sign + grouped(units / 100) + "." + String(repeating: "0", count: 2 - fraction.count) + fraction
    }

    /// A ratio 0–1 as a percentage with one decimal: `0.2364` → `23.6%`.
    public static func percent(_ ratio: Double) -> String { fixed(ratio * 100, decimals: 1) + "%" }

    /// A confidence 0–100 with two decimals and a percent sign: `90.45%`.
    public static func confidence(_ value: Double) -> String { fixed(value, decimals: 2) + "%" }

    /// A number as the scripting language prints it: whole numbers without a point (exact
    /// below 1e21), others in the shortest form that reads back the same (`0.1`, `1e+21`),
    /// `nan`, `inf`, `-inf`.
    public static func plain(_ n: Double) -> String {
        if n.isNaN { return "nan" }
        if n.isInfinite { return n < 0 ? "-inf" : "inf" }
        if n == 0 { return "0" }
        if n == n.rounded(), abs(n) < 1e21 {
            if abs(n) < 9.0e18 { return String(Int64(n)) }
            return wholeDigits(n)
        }
        var text = n.description
        if let e = text.firstIndex(of: "e") {
            let mantissa = text[..<e]
            var exponent = text[text.index(after: e)...]
            var sign = "+"
            if exponent.hasPrefix("-") { sign = "-"; exponent = exponent.dropFirst() } else if exponent.hasPrefix("+") { exponent = exponent.dropFirst() }
            while exponent.count > 1 && exponent.hasPrefix("0") { exponent = exponent.dropFirst() }
            var m = String(mantissa)
            if m.hasSuffix(".0") { m.removeLast(2) }
            text = m + "e" + sign + exponent
        }
        return text
    }

    /// 2^53: every whole number up to it is exact in a Double.
    private static let largestExactWhole = 9_007_199_254_740_992.0

    /// Exact decimal digits of a whole number of any size below 1e21.
    private static func wholeDigits(_ n: Double) -> String {
        var digits: [UInt8] = []
        var value = abs(n)
        while value >= 1 {
            let q = (value / 10).rounded(.down)
            let r = value - q * 10
            digits.append(UInt8(max(0, min(9, r))))
            value = q
        }
        let text = String(digits.reversed().map { Character(Unicode.Scalar($0 + 48)) })
        return n < 0 ? "-" + text : text
    }
}
