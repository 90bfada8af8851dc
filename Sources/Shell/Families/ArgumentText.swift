import PanyaSupport

/// The help texts of arguments and flags several families share.
extension Catalog {
    static let argPhoto = Message(en: "a JPEG or PNG file, or s3://bucket/key", ja: "JPEG か PNG のファイル、または s3://バケット/キー")
    static let flagMinConfidence = Message(en: "keep labels with at least this confidence (0–100); thresholds are then ignored",
                                           ja: "この信頼度 (0〜100) 以上のラベルを返す。指定するとしきい値は使われません")
    static let flagMaxResults = Message(en: "return at most N labels, highest confidence first", ja: "信頼度の高い順に最大 N 件を返す")
    static let flagJSON = Message(en: "print the response exactly as the AWS CLI does", ja: "AWS CLI と同じ形で応答を表示")
    static let flagTax = Message(en: "consumption tax rate: 8 (take-out, default) or 10 (eat-in)", ja: "消費税率: 8 (持ち帰り、既定) か 10 (店内)")
    static let flagRounding = Message(en: "how tax is rounded: floor (default), round or ceil", ja: "消費税の端数処理: floor (切り捨て、既定)、round、ceil")
    static let argLabel = Message(en: "a label, e.g. メロンパン", ja: "ラベル (例: メロンパン)")
    static let argQuantity = Message(en: "how many (1 to 1,000,000; default 1)", ja: "個数 (1〜1,000,000、既定 1)")
    static let argDuration = Message(en: "a duration: 90s, 30m, 3h or 2d", ja: "時間の長さ: 90s、30m、3h、2d")
    static let argLesson = Message(en: "a lesson number or a lesson file", ja: "レッスンの番号、またはレッスンのファイル")
}
