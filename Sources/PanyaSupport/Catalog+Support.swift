/// PanyaSupport's own messages (the QR code of a class's address).
extension Catalog {
    /// A QR code of nothing was asked for.
    public static let qrCodeEmpty = Message(en: "cannot draw a QR code of an empty address.",
                                            ja: "空のアドレスの QR コードは描けません。")

    /// The text is longer than a QR code holds.
    public static func qrCodeTooLong(bytes: Int) -> Message {
        Message(en: "the address is \(NumberText.grouped(bytes)) bytes, too long for a QR code; use a shorter address (the URL above works without it).",
                ja: "アドレスが \(NumberText.grouped(bytes)) バイトあり、QR コードには長すぎます。短いアドレスを使ってください (上の URL は QR コードなしでも使えます)。")
    }

    /// libqrencode failed.
    public static func qrCodeFailed(reason: String) -> Message {
        Message(en: "could not make the QR code (\(reason)); the URL above works without it.",
                ja: "QR コードを作れませんでした (\(reason))。上の URL は QR コードなしでも使えます。")
    }
}
