import Testing
@testable import BreadVision

@Suite struct EngineMathTests {
    @Test(arguments: [-20.0, -3.5, -0.7, 0, 0.1, 1, 2.5, 10, 50])
    func expMatchesTheSeries(x: Double) {
        // e^x = (e^(x/64))^64, with e^(x/64) from a long Taylor series: independent of the reduction.
        var term = 1.0, sum = 1.0
        for n in 1...30 { term = term * (x / 64) / Double(n); sum += term }
        var expected = sum
        for _ in 0..<6 { expected *= expected }
        #expect(abs(EngineMath.exp(x) - expected) <= 1e-12 * expected)
    }

    @Test func expAtTheEdges() {
        #expect(EngineMath.exp(0) == 1)
        #expect(EngineMath.exp(-800) == 0)
        #expect(EngineMath.exp(800) == Double.greatestFiniteMagnitude)
    }
}
