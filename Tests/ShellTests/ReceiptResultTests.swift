import CustomLabels
import Foundation
import PanyaLanguage
import PanyaSupport
import Register
import Testing
@testable import Shell

@Suite struct ReceiptResultTests {
    static let items = [LineItem(name: "あんぱん", qty: 2, unitPrice: 150)]
    static let totals = RegisterTotal(subtotal: 300, taxRate: 8, tax: 24, total: 324)

    @Test func aReceiptShowsTheSimulatedTimeAndTheRealOneBesideIt() {
        let receipt = Receipt(number: 3, time: Date(timeIntervalSince1970: 1_775_000_000), realTime: Date(timeIntervalSince1970: 1_796_600_000.75),
                              offsetSeconds: 9 * 3600, items: Self.items, totals: Self.totals)
        let result = ReceiptResult(receipt: receipt, offsetSeconds: 0)
        #expect(result.render(RenderStyle(language: .en, terminal: .plain)) == """
            receipt #3  2026-04-01T08:33:20+09:00  (real time 2026-12-06T23:33:20Z)
              あんぱん × 2  ¥300
              subtotal  ¥300
              tax (8%)   ¥24
              total     ¥324
            """)
        #expect(result.render(RenderStyle(language: .ja, terminal: .plain)).hasPrefix(
            "レシート No.3  2026-04-01T08:33:20+09:00  (実際の時刻 2026-12-06T23:33:20Z)\n"))
        #expect(result.fields.map(\.0) == ["number", "time", "real_time", "items", "subtotal", "tax_rate", "tax", "total"])
        #expect(result.value.asRecord?["real_time"] == .string("2026-12-06T23:33:20Z"))
    }

    @Test func anOldReceiptIsShownWithoutTheRealTimeInTheClocksOffset() {
        let receipt = Receipt(number: 1, time: Date(timeIntervalSince1970: 1_775_000_000), items: Self.items, totals: Self.totals)
        let result = ReceiptResult(receipt: receipt, offsetSeconds: 9 * 3600)
        #expect(result.render(RenderStyle(language: .en, terminal: .plain)).hasPrefix("receipt #1  2026-04-01T08:33:20+09:00\n"))
        #expect(result.value.asRecord?["real_time"] == .null)
    }

    @Test func aReceiptOnTheRealClockSaysItsTimeOnce() {
        let now = Date(timeIntervalSince1970: 1_796_600_000)
        let receipt = Receipt(number: 2, time: now, realTime: now, offsetSeconds: 0, items: Self.items, totals: Self.totals)
        #expect(ReceiptResult(receipt: receipt).render(RenderStyle(language: .en, terminal: .plain)).hasPrefix("receipt #2  2026-12-06T23:33:20Z\n"))
    }

    @Test func checkoutAtThePromptStampsTheSessionClockAndKeepsTheRealTime() throws {
        let h = try SessionHarness()
        h.type("clock set 2026-04-01T10:15:00+09:00", "register add あんぱん 2")
        let before = Date().timeIntervalSince1970.rounded(.down)
        h.type("let r = register_checkout()")
        let after = Date().timeIntervalSince1970
        #expect(h.type("r.time") == "2026-04-01T10:15:00+09:00\n")
        let real = h.type("r.real_time").trimmingCharacters(in: .newlines)
        let seconds = try #require(ISO8601.parse(real)).seconds
        #expect(real.hasSuffix("Z"))
        #expect(seconds >= before && seconds <= after)
        h.type("clock set 2026-04-02T09:00:00+00:00")
        let listed = h.type("register receipts")
        #expect(listed.hasPrefix("receipt #1  2026-04-01T10:15:00+09:00  (real time \(real))\n"),
                "the receipt keeps the offset it was stamped in")
    }
}
