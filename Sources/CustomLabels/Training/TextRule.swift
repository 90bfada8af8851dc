import PanyaSupport

/// The one rule for each kind of text panya keeps (labels, version names), applied on every path
/// that takes one — typed, given by a script, read from a manifest, sent over the wire — so a
/// text one path accepts is never refused by another (a label `train` took is one `dataset import`
/// takes back). A NUL character is refused everywhere: SQLite's text and C strings end at it, so
/// `"a\u{0}b"` would be kept as `a`.
public struct TextRule: Sendable, Equatable {
    /// What the text is, in both languages (`label`, `ラベル`).
    public var what: Message
    /// How many characters it may have.
    public var length: ClosedRange<Int>

    /// A label (a box's class, a price's bread): 1 to 256 characters, as the service's manifests allow.
    public static let label = TextRule(what: Message(en: "label", ja: "ラベル"), length: TrainingLimits.labelNameLength)
    /// A version name (`--version-name`, CreateProjectVersion's VersionName): 1 to 255 characters.
    public static let versionName = TextRule(what: Message(en: "version name", ja: "バージョン名"), length: 1...255)

    /// A rule.
    public init(what: Message, length: ClosedRange<Int>) {
        self.what = what
        self.length = length
    }

    /// Why `text` breaks the rule (with the position of a NUL, counted in characters from 1), or nil when it keeps it.
    public func problem(_ text: String) -> Message? {
        if let position = Self.nulPosition(in: text) {
            return Catalog.textHasNul(what, position: position)
        }
        let count = text.count
        guard length.contains(count) else { return Catalog.textLength(what, text: text, count: count, length: length) }
        return nil
    }

    /// The position (in characters, from 1) of the first NUL in `text`, if any.
    public static func nulPosition(in text: String) -> Int? {
        guard text.utf8.contains(0) else { return nil }
        var position = 0
        for character in text {
            position += 1
            if character.unicodeScalars.contains(where: { $0.value == 0 }) { return position }
        }
        return nil
    }

    /// The byte offset (from 1) of the first byte that does not begin a valid UTF-8 sequence in
    /// `bytes` (overlong forms, surrogates and values past U+10FFFF are invalid), if any.
    public static func invalidUTF8Offset<Bytes: RandomAccessCollection>(in bytes: Bytes) -> Int? where Bytes.Element == UInt8, Bytes.Index == Int {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            let length: Int, low: UInt8, high: UInt8
            switch lead {
            case 0xC2...0xDF: length = 2; low = 0x80; high = 0xBF
            case 0xE0: length = 3; low = 0xA0; high = 0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3; low = 0x80; high = 0xBF
            case 0xED: length = 3; low = 0x80; high = 0x9F
            case 0xF0: length = 4; low = 0x90; high = 0xBF
            case 0xF1...0xF3: length = 4; low = 0x80; high = 0xBF
            case 0xF4: length = 4; low = 0x80; high = 0x8F
            default: return i - bytes.startIndex + 1
            }
            guard i + length <= bytes.endIndex, (low...high).contains(bytes[i + 1]) else { return i - bytes.startIndex + 1 }
            for k in 2..<length where !(0x80...0xBF).contains(bytes[i + k]) { return i - bytes.startIndex + 1 }
            i += length
        }
        return nil
    }
}

extension Catalog {
    static func textHasNul(_ what: Message, position: Int) -> Message {
        Message(en: "the \(what.en) has a NUL character (\\u{0}) at character \(position); a \(what.en) cannot hold one",
                ja: "\(what.ja)の \(position) 文字目に NUL 文字 (\\u{0}) があります。\(what.ja)には使えません")
    }

    static func textLength(_ what: Message, text: String, count: Int, length: ClosedRange<Int>) -> Message {
        let shown = count > 20 ? String(text.prefix(20)) + "…" : text
        return Message(en: "the \(what.en) \"\(shown)\" has \(count) characters; a \(what.en) has \(length.lowerBound) to \(length.upperBound)",
                       ja: "\(what.ja) \"\(shown)\" は \(count) 文字です。\(what.ja)は \(length.lowerBound)〜\(length.upperBound) 文字にします")
    }

    /// Bytes that are not UTF-8 in a text file, with where they are.
    public static func invalidUTF8(line: Int?, column: Int) -> Message {
        if let line {
            return Message(en: "line \(line), byte \(column): not UTF-8 text (a file of another encoding?)",
                           ja: "\(line) 行目の \(column) バイト目: UTF-8 のテキストではありません (別の文字コードのファイル?)")
        }
        return Message(en: "byte \(column): not UTF-8 text", ja: "\(column) バイト目: UTF-8 のテキストではありません")
    }
}
