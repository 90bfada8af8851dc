import CustomLabels
import Foundation
import PanyaLanguage
import PanyaSupport
import Register

/// `register …`: prices, line items, totals, checkout and receipts. Each shell has its own register.
struct RegisterFamily: CommandFamily {
    unowned let context: any RegisterAccess

    var title: Message { Message(en: "Register", ja: "レジ") }

    var commands: [Command] {
        let taxFlags: [FlagSpec] = [.value("tax", "8|10", .choice(TaxRate.allCases.map { String($0.rawValue) }), Catalog.flagTax),
                                    .value("rounding", "floor|round|ceil", .choice(Rounding.allCases.map(\.rawValue)), Catalog.flagRounding)]
        return [
            Command("register", summary: Catalog.registerLinesSummary) { _ in
                try lines(register().items())
            },
            Command("register prices", summary: Catalog.registerPricesSummary) { _ in try prices() },
            Command("register price", summary: Catalog.registerPriceSummary,
                    arguments: [.required("LABEL", .label, Catalog.argLabel),
                                .required("YEN", .number(0...Double(Catalog.maxPriceYen)), Catalog.argYen)]) { call in
                try register().setPrice(call.string(at: 0), yen: call.number(at: 0 + 1))
                return try prices()
            },
            Command("register add", summary: Catalog.registerAddSummary,
                    arguments: [.required("RESULT|LABEL", .value, Catalog.argResultOrLabel, completion: .label),
                                .optional("QTY", .wholeNumber(1...Catalog.maxQuantity), Catalog.argQuantity)]) { call in
                let first = try call.value(at: 0)
                if let source = first.asRecord?.source {
                    guard call.positional.count == 1 else {
                        throw CommandArgumentError(Catalog.registerResultTakesNoQuantity)
                    }
                    return try lines(register().add(detections: detections(from: source)))
                }
                let label = try call.string(at: 0)
                do {
                    return try lines(register().add(label: label, quantity: call.optionalNumber(at: 1) ?? 1))
                } catch RegisterError.noPrice where context.variable(label)?.asRecord?.source != nil {
                    // `register add r` for the answer kept in r: the word is read as a bread's name.
                    throw CommandArgumentError(Catalog.registerAddVariable(label))
                }
            },
            Command("register remove", summary: Catalog.registerRemoveSummary,
                    arguments: [.required("LABEL", .label, Catalog.argLabel),
                                .optional("QTY", .wholeNumber(1...Catalog.maxQuantity), Catalog.argQuantity)]) { call in
                try lines(register().remove(label: call.string(at: 0), quantity: call.optionalNumber(at: 1)))
            },
            Command("register confirm", summary: Catalog.registerConfirmSummary,
                    arguments: [.required("LABEL", .label, Catalog.argLabel)]) { call in
                try lines(register().confirm(label: call.string(at: 0)))
            },
            Command("register clear", summary: Catalog.registerClearSummary) { _ in
                try register().clear()
                return .null
            },
            Command("register total", summary: Catalog.registerTotalSummary, flags: taxFlags) { call in
                let (tax, rounding) = try taxOptions(call)
                return RegisterTotalResult(total: try register().total(tax: tax, rounding: rounding)).value
            },
            Command("register checkout", summary: Catalog.registerCheckoutSummary, flags: taxFlags) { call in
                let (tax, rounding) = try taxOptions(call)
                let sale = context.saleTime()
                let receipt = try register().checkout(at: sale.time, offsetSeconds: sale.offsetSeconds, realTime: Date(), tax: tax, rounding: rounding)
                return ReceiptResult(receipt: receipt, offsetSeconds: sale.offsetSeconds).value
            },
            Command("register receipts", summary: Catalog.registerReceiptsSummary,
                    flags: [.value("limit", "N", .wholeNumber(1...1_000_000), Catalog.flagLimit)]) { call in
                let offset = context.saleTime().offsetSeconds
                return try register().receipts(limit: call.int(flag: "limit")).map { ReceiptResult(receipt: $0, offsetSeconds: offset) }.value
            },
        ]
    }

    private func register() throws -> Register { try context.cashRegister }

    private func lines(_ items: [LineItem]) -> Value { items.map(RegisterLine.init).value }

    private func prices() throws -> Value {
        .map(OrderedMap(try register().prices().entries.map { ($0.label, Value.number(Double($0.yen))) }))
    }

    private func taxOptions(_ call: CommandCall) throws -> (TaxRate, Rounding) {
        let tax = try call.string(flag: "tax").map { (text: String) throws(RegisterError) -> TaxRate in try TaxRate(text: text) } ?? .reduced
        let rounding = try call.string(flag: "rounding").map { (text: String) throws(RegisterError) -> Rounding in try Rounding(text: text) } ?? .floor
        return (tax, rounding)
    }

    /// The breads of a detect result (or of one detection), each with its label's assumed
    /// threshold for the confirm flag. Anything else is not something to ring up.
    private func detections(from source: any RecordSource) throws -> [RegisterDetection] {
        let labels: [CustomLabel]
        let modelArn: String?
        switch source {
        case let result as DetectResult: (labels, modelArn) = (result.labels, result.modelArn)
        case let detection as Detection: (labels, modelArn) = ([detection.label], nil)
        default: throw CommandArgumentError(Catalog.registerCannotAdd)
        }
        let thresholds = modelArn.flatMap { try? context.models.thresholds(forModel: $0) } ?? [:]
        return labels.map { RegisterDetection(name: $0.name, confidence: $0.confidence, threshold: thresholds[$0.name]) }
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
    static let argYen = Message(en: "the price in yen, tax excluded (0 to 1,000,000)", ja: "税抜きの価格 (円、0〜1,000,000)")
    static let argResultOrLabel = Message(en: "a detect result (e.g. $r), or a label", ja: "検出結果 (例: $r)、またはラベル")
    static let flagLimit = Message(en: "show at most N receipts", ja: "最大 N 枚のレシートを表示")
    static func registerAddVariable(_ name: String) -> Message {
        Message(en: "register add \(name) reads \(name) as the name of a bread. To add the breads of the answer kept in the variable \(name), put $ before it: register add $\(name)",
                ja: "register add \(name) では \(name) がパンの名前として読まれます。変数 \(name) に入れた答えのパンを入れるには、$ を付けます: register add $\(name)")
    }
    static let registerResultTakesNoQuantity = Message(en: "a detect result brings its own breads: give no quantity after it",
                                                       ja: "検出結果には個数が含まれています。後ろに個数は書きません")
    static let registerCannotAdd = Message(en: "only a detect result, a detection or a label can be added to the register",
                                           ja: "レジに追加できるのは、検出結果・検出した1件・ラベルだけです")
    /// The highest price `register price` accepts, in yen.
    static let maxPriceYen = 1_000_000
    /// The most of one label a register line takes.
    static let maxQuantity = 1_000_000
}
