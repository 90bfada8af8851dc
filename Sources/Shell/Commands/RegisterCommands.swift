import Foundation
import PanyaLanguage
import PanyaSupport
import Register

extension ShellSession {
    /// `register …`: prices, line items, totals, checkout and receipts (commands.md, Register).
    func registerRegisterCommands() {
        register(Command(name: "register", summary: Catalog.registerLinesSummary, usage: "register") { [unowned self] _ in
            try self.lineItemsValue(self.cashRegister.items())
        })
        register(Command(name: "register prices", summary: Catalog.registerPricesSummary, usage: "register prices") { [unowned self] _ in
            try self.pricesValue()
        })
        register(Command(name: "register price", summary: Catalog.registerPriceSummary, usage: "register price LABEL YEN") { [unowned self] call in
            let label = try call.string(at: 0)
            let yen = try call.number(at: 1)
            try self.cashRegister.setPrice(label, yen: yen)
            return try self.pricesValue()
        })
        register(Command(name: "register add", summary: Catalog.registerAddSummary, usage: "register add RESULT|LABEL [QTY]") { [unowned self] call in
            let first = try call.value(at: 0)
            if case .record(let result) = first, result.kind == RecordKind.detectResult {
                return try self.lineItemsValue(self.cashRegister.add(detections: self.registerDetections(from: result)))
            }
            if case .record(let detection) = first, detection.kind == RecordKind.detection {
                let wrapped = Record(kind: RecordKind.detectResult, fields: [("labels", .list([.record(detection)]))])
                return try self.lineItemsValue(self.cashRegister.add(detections: self.registerDetections(from: wrapped)))
            }
            let label = try call.string(at: 0)
            let quantity = try call.optionalNumber(at: 1) ?? 1
            return try self.lineItemsValue(self.cashRegister.add(label: label, quantity: quantity))
        })
        register(Command(name: "register remove", summary: Catalog.registerRemoveSummary, usage: "register remove LABEL [QTY]") { [unowned self] call in
            try self.lineItemsValue(self.cashRegister.remove(label: call.string(at: 0), quantity: call.optionalNumber(at: 1)))
        })
        register(Command(name: "register confirm", summary: Catalog.registerConfirmSummary, usage: "register confirm LABEL") { [unowned self] call in
            try self.lineItemsValue(self.cashRegister.confirm(label: call.string(at: 0)))
        })
        register(Command(name: "register clear", summary: Catalog.registerClearSummary, usage: "register clear") { [unowned self] _ in
            try self.cashRegister.clear()
            return .null
        })
        register(Command(name: "register total", summary: Catalog.registerTotalSummary, usage: "register total [--tax 8|10] [--rounding floor|round|ceil]",
                         flags: ["tax", "rounding"]) { [unowned self] call in
            let (tax, rounding) = try self.taxOptions(call)
            return Self.totalValue(try self.cashRegister.total(tax: tax, rounding: rounding))
        })
        register(Command(name: "register checkout", summary: Catalog.registerCheckoutSummary, usage: "register checkout [--tax 8|10] [--rounding floor|round|ceil]",
                         flags: ["tax", "rounding"]) { [unowned self] call in
            let (tax, rounding) = try self.taxOptions(call)
            return Self.receiptValue(try self.cashRegister.checkout(at: Date(), tax: tax, rounding: rounding))
        })
        register(Command(name: "register receipts", summary: Catalog.registerReceiptsSummary, usage: "register receipts [--limit N]",
                         flags: ["limit"]) { [unowned self] call in
            .list(try self.cashRegister.receipts(limit: call.int(flag: "limit")).map(Self.receiptValue))
        })

        registerListRenderer(kind: RecordKind.registerLine) { [unowned self] records in self.renderLineItems(records) }
        registerRenderer(kind: RecordKind.registerTotal) { [unowned self] record in self.renderTotal(record) }
        registerRenderer(kind: RecordKind.receipt) { [unowned self] record in self.renderReceipt(record) }
        registerListRenderer(kind: RecordKind.receipt) { [unowned self] records in
            records.map { self.renderReceipt($0) }.joined(separator: "\n\n")
        }
    }

    private func taxOptions(_ call: CommandCall) throws -> (TaxRate, Rounding) {
        var tax = TaxRate.reduced
        if let value = call.flags["tax"] {
            switch value {
            case .number(let n): tax = try TaxRate(percent: n)
            default: tax = try TaxRate(text: value.printed)
            }
        }
        let rounding = try call.string(flag: "rounding").map { (text: String) throws(RegisterError) -> Rounding in try Rounding(text: text) } ?? .floor
        return (tax, rounding)
    }

    /// The breads of a detect result, each with its label's assumed threshold (for the confirm flag).
    private func registerDetections(from result: Record) throws -> [RegisterDetection] {
        let thresholds = (try? thresholdMap(forModel: result["model_arn"]?.asString)) ?? [:]
        let labels = result["labels"]?.asList ?? []
        return labels.compactMap { item -> RegisterDetection? in
            guard let label = item.asRecord ?? item.asMap.map({ Record(kind: RecordKind.detection, fields: $0) }),
                  let name = label["name"]?.asString else { return nil }
            return RegisterDetection(name: name, confidence: label["confidence"]?.asNumber ?? 100, threshold: thresholds[name])
        }
    }

    private func pricesValue() throws -> Value {
        .map(OrderedMap(try cashRegister.prices().entries.map { ($0.label, Value.number(Double($0.yen))) }))
    }

    private func lineItemsValue(_ items: [LineItem]) -> Value {
        .list(items.map(Self.lineItemValue))
    }

    /// One line item: `{name, qty, unit_price, amount, flag}`.
    static func lineItemValue(_ item: LineItem) -> Value {
        .record(Record(kind: RecordKind.registerLine, fields: [
            ("name", .string(item.name)), ("qty", .number(Double(item.qty))),
            ("unit_price", .number(Double(item.unitPrice))), ("amount", .number(Double(item.amount))),
            ("flag", item.flag.map { Value.string($0) } ?? .null),
        ]))
    }

    static func totalValue(_ total: RegisterTotal) -> Value {
        .record(Record(kind: RecordKind.registerTotal, fields: [
            ("subtotal", .number(Double(total.subtotal))), ("tax_rate", .number(Double(total.taxRate))),
            ("tax", .number(Double(total.tax))), ("total", .number(Double(total.total))),
        ]))
    }

    static func receiptValue(_ receipt: Receipt) -> Value {
        let items = receipt.items.map(lineItemValue)
        return .record(Record(kind: RecordKind.receipt, fields: [
            ("number", .number(Double(receipt.number))), ("time", .string(ISO8601DateFormatter().string(from: receipt.time))),
            ("items", .list(items)), ("subtotal", .number(Double(receipt.subtotal))),
            ("tax_rate", .number(Double(receipt.taxRate))), ("tax", .number(Double(receipt.tax))), ("total", .number(Double(receipt.total))),
        ]))
    }

    // MARK: human forms

    private func yen(_ value: Value?) -> String {
        Catalog.yen(Int(value?.asNumber ?? 0)).text(language)
    }

    func renderLineItems(_ records: [Record]) -> String {
        var table = TextTable(headers: [Catalog.registerHeaderItem.text(language), Catalog.registerHeaderQty.text(language),
                                        Catalog.registerHeaderUnit.text(language), Catalog.registerHeaderAmount.text(language), ""],
                              alignments: [.left, .right, .right, .right, .left])
        var subtotal = 0
        for record in records {
            let flagged = record["flag"].map { !$0.isNull } ?? false
            subtotal += Int(record["amount"]?.asNumber ?? 0)
            table.add([record["name"]?.asString ?? "", record["qty"]?.literal ?? "", yen(record["unit_price"]), yen(record["amount"]),
                       flagged ? Catalog.registerConfirmFlag.text(language) : ""])
        }
        var out = table.render() + "\n" + Catalog.registerSubtotalLine(yen(.number(Double(subtotal)))).text(language)
        if records.contains(where: { !($0["flag"]?.isNull ?? true) }) {
            out += "\n" + Catalog.registerConfirmHint.text(language)
        }
        return out
    }

    func renderTotal(_ record: Record) -> String {
        let rate = Int(record["tax_rate"]?.asNumber ?? 8)
        let rows = [
            (Catalog.registerSubtotal.text(language), yen(record["subtotal"])),
            (Catalog.registerTax(rate).text(language), yen(record["tax"])),
            (Catalog.registerTotal.text(language), yen(record["total"])),
        ]
        let labelWidth = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        let valueWidth = rows.map { DisplayWidth.of($0.1) }.max() ?? 0
        return rows.map { DisplayWidth.padRight($0.0, to: labelWidth) + "  " + DisplayWidth.padLeft($0.1, to: valueWidth) }.joined(separator: "\n")
    }

    func renderReceipt(_ record: Record) -> String {
        let number = Int(record["number"]?.asNumber ?? 0)
        var lines = [Catalog.registerReceiptNumber(number).text(language) + "  " + (record["time"]?.asString ?? "")]
        let items = (record["items"]?.asList ?? []).compactMap { $0.asRecord }
        for item in items {
            lines.append("  " + (item["name"]?.asString ?? "") + " × " + (item["qty"]?.literal ?? "") + "  " + yen(item["amount"]))
        }
        lines.append(renderTotal(record).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        return lines.joined(separator: "\n")
    }
}

extension Catalog {
    static let registerLinesSummary = Message(en: "the register's line items", ja: "レジに入っている商品")
    static let registerPricesSummary = Message(en: "the price list (label → yen, tax excluded)", ja: "価格表 (ラベル → 円、税抜き)")
    static let registerPriceSummary = Message(en: "set a label's price in yen", ja: "ラベルの価格 (円) を設定")
    static let registerAddSummary = Message(en: "add a detect result, or a label and a quantity", ja: "検出結果、またはラベルと個数をレジに追加")
    static let registerRemoveSummary = Message(en: "remove a label (QTY of them, or the whole line)", ja: "ラベルを取り消す (個数、または行ごと)")
    static let registerConfirmSummary = Message(en: "the clerk checked a flagged bread: clear its confirm flag", ja: "店員が確認した商品の「要確認」を外す")
    static let registerClearSummary = Message(en: "empty the register", ja: "レジを空にする")
    static let registerTotalSummary = Message(en: "subtotal, tax and total", ja: "小計・消費税・合計")
    static let registerCheckoutSummary = Message(en: "pay: save the receipt and empty the register", ja: "会計: レシートを保存してレジを空にする")
    static let registerReceiptsSummary = Message(en: "saved receipts, newest first", ja: "保存したレシート (新しい順)")
    static let registerHeaderItem = Message(en: "item", ja: "商品")
    static let registerHeaderQty = Message(en: "qty", ja: "個数")
    static let registerHeaderUnit = Message(en: "unit price", ja: "単価")
    static let registerHeaderAmount = Message(en: "amount", ja: "金額")
    static let registerConfirmFlag = Message(en: "⚠ confirm", ja: "⚠ 要確認")
    static let registerConfirmHint = Message(
        en: "⚠ confirm: the model was less sure than the label's assumed threshold — check the bread, then `register confirm LABEL`.",
        ja: "⚠ 要確認: モデルの信頼度がラベルの想定しきい値より低い商品です。目で確かめてから `register confirm ラベル` を入力してください。")
    static let registerSubtotal = Message(en: "subtotal", ja: "小計")
    static let registerTotal = Message(en: "total", ja: "合計")
    static func registerSubtotalLine(_ yen: String) -> Message { Message(en: "subtotal \(yen)", ja: "小計 \(yen)") }
    static func yen(_ amount: Int) -> Message { Message(en: "¥\(amount)", ja: "\(amount) 円") }
}
