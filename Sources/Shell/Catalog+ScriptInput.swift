import PanyaSupport

extension Catalog {
    static func scriptCannotRead(_ name: String) -> Message {
        Message(en: "cannot read the script '\(name)': no such file, a folder, or not readable. Check the path (try `ls`)",
                ja: "スクリプト '\(name)' を読めません: ファイルがないか、フォルダか、読み取れません。パスを確かめてください (`ls` で確認できます)")
    }
    static func scriptTooLarge(_ name: String, limit: Int) -> Message {
        Message(en: "the script '\(name)' is larger than \(limit / 1_000_000) MB, the most panya reads: split it into smaller scripts",
                ja: "スクリプト '\(name)' は panya が読める上限 \(limit / 1_000_000) MB を超えています。小さいスクリプトに分けてください")
    }
    static func scriptLineTooLong(_ name: String, line: Int, limit: Int) -> Message {
        Message(en: "line \(line) of the script '\(name)' is longer than \(limit / 1_000_000) MB, the most one line may hold: break it into shorter lines",
                ja: "スクリプト '\(name)' の \(line) 行目が 1 行の上限 \(limit / 1_000_000) MB を超えています。短い行に分けてください")
    }
    static func scriptNotUTF8(_ name: String, line: Int) -> Message {
        Message(en: "the script '\(name)' is not UTF-8 text (line \(line)): save it as UTF-8 and try again",
                ja: "スクリプト '\(name)' は UTF-8 のテキストではありません (\(line) 行目)。UTF-8 で保存し直してください")
    }
}
