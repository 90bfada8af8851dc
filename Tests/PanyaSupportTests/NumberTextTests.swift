import PanyaSupport
import Testing

/// The one number formatter: exact strings, rounding half away from zero on the decimal figure.
@Suite struct NumberTextTests {
    @Test(arguments: [
        (0, "0"), (999, "999"), (1000, "1,000"), (403_200, "403,200"), (-4200, "-4,200"),
        (Int.max, "9,223,372,036,854,775,807"), (Int.min, "-9,223,372,036,854,775,808"),
    ])
    func grouped(value: Int, expected: String) {
        #expect(NumberText.grouped(value) == expected)
    }

    @Test func groupedTakesAnyWholeType() {
        #expect(NumberText.grouped(UInt64.max) == "18,446,744,073,709,551,615")
        #expect(NumberText.grouped(Int8(-128)) == "-128")
    }

    @Test(arguments: [
        (0.8165, 3, "0.817"), (0.817, 3, "0.817"), (1.0, 3, "1.000"), (2.5, 0, "3"), (-2.5, 0, "-3"),
        (-0.04, 1, "0.0"), (90.44999694824219, 2, "90.45"), (99.999, 2, "100.00"), (0.05, 1, "0.1"),
        (12.0, 9, "12.000000000"), (1e300, 2, "1e+300"), (Double.nan, 2, "nan"), (-Double.infinity, 1, "-inf"),
    ])
    func fixed(value: Double, decimals: Int, expected: String) {
        #expect(NumberText.fixed(value, decimals: decimals) == expected)
    }

    @Test(arguments: [
        (3.0, "3"), (0.5, "0.5"), (13.02, "13.02"), (13.0249, "13.02"), (13.025, "13.03"), (-0.001, "0"), (150.0, "150"),
    ])
    func short(value: Double, expected: String) {
        #expect(NumberText.short(value) == expected)
    }

    @Test func moneyHasTwoDecimalsGroupedAndIsHeldAtTheLastExactCent() {
        #expect(NumberText.money(2880) == "2,880.00")
        #expect(NumberText.money(1559.7333) == "1,559.73")
        #expect(NumberText.money(-0.004) == "0.00")
        #expect(NumberText.money(-12.5) == "-12.50")
        #expect(NumberText.money(1e300) == "90,071,992,547,409.92")
        #expect(NumberText.money(.nan) == "0.00")
    }

    @Test func percentsAndConfidences() {
        #expect(NumberText.percent(0.08641000092029572) == "8.6%")
        #expect(NumberText.percent(0.4115) == "41.2%")
        #expect(NumberText.confidence(90.44999694824219) == "90.45%")
        #expect(NumberText.confidence(100) == "100.00%")
    }

    @Test(arguments: [
        (550.0, "550"), (-0.0, "0"), (0.1, "0.1"), (1e20, "100000000000000000000"), (1e21, "1e+21"), (1e-7, "1e-7"),
    ])
    func plain(value: Double, expected: String) {
        #expect(NumberText.plain(value) == expected)
    }
}
