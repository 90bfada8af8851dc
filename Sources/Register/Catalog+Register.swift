import PanyaSupport

extension Catalog {
    public static func registerNoPrice(_ label: String) -> Message {
        Message(en: "'\(label)' has no price; set one with: register price \(label) YEN",
                ja: "「\(label)」の値段が決まっていません。register price \(label) 値段 で決めてください (例: register price \(label) 200)")
    }
    public static let registerEmptyCheckout = Message(
        en: "the register is empty: add breads first (register add RESULT or register add LABEL QTY)",
        ja: "レジが空です。先にパンを追加してください (register add 結果 または register add ラベル 個数)")
    public static func registerInvalidQuantity(_ value: String) -> Message {
        Message(en: "quantity must be a whole number from 1 to 1,000,000, not \(value)",
                ja: "個数は1から1,000,000までの整数にしてください (\(value) は使えません)")
    }
    public static func registerInvalidPrice(_ label: String, _ value: String) -> Message {
        Message(en: "the price of '\(label)' must be a whole number of yen from 0 to 1,000,000, not \(value)",
                ja: "「\(label)」の値段は0から1,000,000までの整数 (円) にしてください (\(value) は使えません)")
    }
    public static func registerUnknownTaxRate(_ value: String) -> Message {
        Message(en: "unknown tax rate \(value): use 8 (take-out) or 10 (eat-in)",
                ja: "消費税率 \(value) は使えません。8 (持ち帰り) か 10 (店内) にしてください")
    }
    public static func registerUnknownRounding(_ value: String) -> Message {
        Message(en: "unknown rounding '\(value)': use floor, round or ceil",
                ja: "端数の処理「\(value)」は使えません。floor (切り捨て)、round (四捨五入)、ceil (切り上げ) のどれかにしてください")
    }
    public static func registerNotInRegister(_ label: String) -> Message {
        Message(en: "'\(label)' is not in the register", ja: "「\(label)」はレジに入っていません")
    }
    public static let registerEmptyLabel = Message(en: "the label is empty", ja: "ラベルが空です")
    /// `limit` is `RegisterTotal.maxSubtotal`.
    public static func registerSubtotalTooLarge(_ limit: Int) -> Message {
        let text = NumberText.grouped(limit)
        return Message(en: "the register cannot hold more than ¥\(text) before tax: check out or clear it first (register checkout, register clear)",
                       ja: "レジには税抜き \(text) 円までしか入りません。先に会計するか空にしてください (register checkout、register clear)")
    }
    public static func registerStorage(_ detail: Message) -> Message {
        Message(en: "the register could not use its database: \(detail.en)",
                ja: "レジのデータベースが使えませんでした: \(detail.ja)")
    }

    // Words for the shell's human rendering of register records (RegisterCommands.swift).
    public static let registerHeaderQty = Message(en: "qty", ja: "個数")
    public static let registerHeaderAmount = Message(en: "amount", ja: "金額")
    public static let registerSubtotal = Message(en: "subtotal", ja: "小計")
    public static func registerTax(_ rate: Int) -> Message { Message(en: "tax (\(rate)%)", ja: "消費税 (\(rate)%)") }
    public static let registerTotal = Message(en: "total", ja: "合計")
    public static func registerReceiptNumber(_ n: Int) -> Message { Message(en: "receipt #\(n)", ja: "レシート No.\(n)") }
}
