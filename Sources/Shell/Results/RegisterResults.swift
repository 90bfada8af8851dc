import Foundation
import CustomLabels
import PanyaLanguage
import PanyaSupport
import Register

/// One line of the register: `{name, qty, unit_price, amount, flag}`.
struct RegisterLine: ShellResult {
    static let kind = "register_line"
    var item: LineItem

    var fields: [(String, Value)] {
        [("name", .string(item.name)), ("qty", .number(Double(item.qty))), ("unit_price", .number(Double(item.unitPrice))),
         ("amount", .number(Double(item.amount))), ("flag", item.flag.map { .string($0) } ?? .null)]
    }

    func render(_ style: RenderStyle) -> String { Self.renderList([self], style) ?? item.name }

    static func renderList(_ items: [RegisterLine], _ style: RenderStyle) -> String? {
        var table = TextTable(headers: [style.text(Catalog.registerHeaderItem), style.text(Catalog.registerHeaderQty),
                                        style.text(Catalog.registerHeaderUnit), style.text(Catalog.registerHeaderAmount), ""],
                              alignments: [.left, .right, .right, .right, .left])
        var subtotal = 0
        for line in items {
            subtotal += line.item.amount
            table.add([line.item.name, String(line.item.qty), style.text(Catalog.yen(line.item.unitPrice)), style.text(Catalog.yen(line.item.amount)),
                       line.item.needsConfirmation ? style.text(Catalog.registerConfirmFlag) : ""])
        }
        var out = table.render(width: style.terminal.columns) + "\n" + style.text(Catalog.registerSubtotalLine(style.text(Catalog.yen(subtotal))))
        if items.contains(where: { $0.item.needsConfirmation }) { out += "\n" + style.text(Catalog.registerConfirmHint) }
        return out
    }
}

/// `register total`: `{subtotal, tax_rate, tax, total}`.
struct RegisterTotalResult: ShellResult {
    static let kind = "register_total"
    var total: RegisterTotal

    var fields: [(String, Value)] { Self.fields(total) }

    static func fields(_ total: RegisterTotal) -> [(String, Value)] {
        [("subtotal", .number(Double(total.subtotal))), ("tax_rate", .number(Double(total.taxRate))),
         ("tax", .number(Double(total.tax))), ("total", .number(Double(total.total)))]
    }

    func render(_ style: RenderStyle) -> String { Self.render(total, style) }

    static func render(_ total: RegisterTotal, _ style: RenderStyle) -> String {
        let rows = [
            (style.text(Catalog.registerSubtotal), style.text(Catalog.yen(total.subtotal))),
            (style.text(Catalog.registerTax(total.taxRate)), style.text(Catalog.yen(total.tax))),
            (style.text(Catalog.registerTotal), style.text(Catalog.yen(total.total))),
        ]
        let labelWidth = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        let valueWidth = rows.map { DisplayWidth.of($0.1) }.max() ?? 0
        return rows.map { DisplayWidth.padRight($0.0, to: labelWidth) + "  " + DisplayWidth.padLeft($0.1, to: valueWidth) }.joined(separator: "\n")
    }
}

/// A saved receipt: `{number, time, real_time, items, subtotal, tax_rate, tax, total}`.
struct ReceiptResult: ShellResult {
    static let kind = "receipt"
    var receipt: Receipt
    /// The offset the time is shown in when the receipt does not keep its own (saved before it
    /// was kept): the simulated clock's now (+09:00 in the lessons), 0 for real UTC.
    var offsetSeconds = 0

    /// The receipt's time (the simulated clock's at the checkout) in the clock's offset then.
    var time: String { ISO8601.format(seconds: receipt.time.timeIntervalSince1970, offsetSeconds: receipt.offsetSeconds ?? offsetSeconds) }

    /// The wall clock's time at the checkout in UTC, to the second (nil on receipts saved before it was kept).
    var realTime: String? { receipt.realTime.map { ISO8601.format(seconds: $0.timeIntervalSince1970.rounded(.down), offsetSeconds: 0) } }

    /// Whether the real time says more than the time: the clock is a simulated one (not the same second).
    var showsRealTime: Bool {
        guard let real = receipt.realTime else { return false }
        return abs(real.timeIntervalSince1970 - receipt.time.timeIntervalSince1970) >= 1
    }

    var fields: [(String, Value)] {
        let totals = RegisterTotal(subtotal: receipt.subtotal, taxRate: receipt.taxRate, tax: receipt.tax, total: receipt.total)
        return [("number", .number(Double(receipt.number))), ("time", .string(time)), ("real_time", realTime.map(Value.string) ?? .null),
                ("items", receipt.items.map(RegisterLine.init).value)] + RegisterTotalResult.fields(totals)
    }

    func render(_ style: RenderStyle) -> String {
        var head = style.text(Catalog.registerReceiptNumber(receipt.number)) + "  " + time
        if showsRealTime, let realTime { head += "  " + style.text(Catalog.receiptRealTime(realTime)) }
        var lines = [head]
        for item in receipt.items {
            lines.append("  " + item.name + " × " + String(item.qty) + "  " + style.text(Catalog.yen(item.amount)))
        }
        let totals = RegisterTotal(subtotal: receipt.subtotal, taxRate: receipt.taxRate, tax: receipt.tax, total: receipt.total)
        lines.append(RegisterTotalResult.render(totals, style).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        return lines.joined(separator: "\n")
    }

    static func renderList(_ items: [ReceiptResult], _ style: RenderStyle) -> String? {
        items.map { $0.render(style) }.joined(separator: "\n\n")
    }
}

extension Catalog {
    static func receiptRealTime(_ time: String) -> Message { Message(en: "(real time \(time))", ja: "(実際の時刻 \(time))") }
}
