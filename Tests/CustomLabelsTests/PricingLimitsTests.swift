import Testing
import PanyaSupport
@testable import CustomLabels

/// Issue 12 item 4: the bill's conversions never trap, whatever a damaged or huge history holds.
@Suite struct PricingLimitsTests {
    @Test func hugeSpansAndAmountsAreHeldNotTrapped() {
        let pricing = Pricing.walkthrough
        #expect(Pricing.billedMinutes(seconds: 1e300) == Int(Pricing.largestWholeNumber))
        #expect(Pricing.billedMinutes(seconds: .infinity) == Int(Pricing.largestWholeNumber))
        #expect(Pricing.billedMinutes(seconds: .nan) == 1)
        #expect(pricing.jpy(1e300) == Int(Pricing.largestWholeNumber))
        #expect(pricing.jpy(-1e300) == -Int(Pricing.largestWholeNumber))
        #expect(pricing.jpy(.nan) == 0)
    }

    @Test func ordinaryFiguresAreUnchanged() {
        let pricing = Pricing.walkthrough
        #expect(Pricing.billedMinutes(seconds: 0) == 1)
        #expect(Pricing.billedMinutes(seconds: 61) == 2)
        #expect(pricing.jpy(pricing.inferenceUSD(seconds: 3 * 3600, units: 1)) == 1680)
        #expect(NumberText.money(pricing.inferenceUSD(seconds: 30 * 24 * 3600, units: 1)) == "2,880.00")
    }
}
