/// Maths the engine needs bit-identical on every machine: only +, −, ×, ÷ and square root
/// (exact IEEE operations), never libm, whose exp/log may differ in the last bit.
enum EngineMath {
    static let ln2Hi = 0.6931471803691238
    static let ln2Lo = 1.9082149292705877e-10

    /// e^x by reduction to e^r · 2^k (|r| ≤ ln2/2) and a Taylor polynomial; relative error < 1e-15.
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 700 { return Double.greatestFiniteMagnitude }
        if x < -700 { return 0 }
        let k = (x / 0.6931471805599453).rounded()
        let r = (x - k * ln2Hi) - k * ln2Lo
        var term = 1.0, sum = 1.0
        for n in 1...14 {
            term = term * r / Double(n)
            sum += term
        }
        return scale(sum, byPowerOfTwo: Int(k))
    }

    /// x · 2^k, exactly.
    static func scale(_ x: Double, byPowerOfTwo k: Int) -> Double {
        var result = x, e = k
        while e > 1000 { result *= 0x1p1000; e -= 1000 }
        while e < -1000 { result *= 0x1p-1000; e += 1000 }
        return result * Double(sign: .plus, exponent: e, significand: 1)
    }

    /// The natural logarithm of x > 0: x = m · 2^e with m in [√½, √2), then
    /// log m = 2 atanh((m − 1)/(m + 1)) by its series.
    static func log(_ x: Double) -> Double {
        if !(x > 0) { return -Double.infinity }
        if x.isInfinite { return x }
        var m = x.significand, e = Int(x.exponent)
        if m > 1.4142135623730951 { m /= 2; e += 1 }
        let t = (m - 1) / (m + 1), t2 = t * t
        var term = t, sum = 0.0
        var k = 1.0
        while k < 60 {
            sum += term / k
            term *= t2
            k += 2
        }
        return 2 * sum + Double(e) * 0.6931471805599453
    }

    /// The logistic function 1 / (1 + e^−x).
    static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
