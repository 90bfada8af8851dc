/// Kana spelt in Latin letters (Hepburn, simplified) for the ASCII tags of annotated photos:
/// `めろんぱん` → `meronpan`. Text with anything else than kana (kanji) cannot be spelt.
enum Romaji {
    /// The letters for `text`, or nil when it holds a character that is not kana, ASCII or ー.
    static func spell(_ text: String) -> String? {
        var out = ""
        var doubleNext = false
        let characters = Array(text.unicodeScalars.map { scalar -> Unicode.Scalar in
            // Katakana as hiragana.
            if (0x30A1...0x30F6).contains(scalar.value), let hiragana = Unicode.Scalar(scalar.value - 0x60) { return hiragana }
            return scalar
        })
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c.isASCII { out.unicodeScalars.append(c); i += 1; continue }
            if c == "っ" { doubleNext = true; i += 1; continue }
            if c == "ー" { if let last = out.last { out.append(last) }; i += 1; continue }
            // Two-kana sounds (きゃ, しょ) first.
            if i + 1 < characters.count, let pair = digraphs[String(String.UnicodeScalarView([c, characters[i + 1]]))] {
                out += doubleNext ? String(pair.prefix(1)) + pair : pair
                doubleNext = false
                i += 2
                continue
            }
            guard let sound = kana[c] else { return nil }
            out += doubleNext ? String(sound.prefix(1)) + sound : sound
            doubleNext = false
            i += 1
        }
        return out
    }

    private static let kana: [Unicode.Scalar: String] = {
        let rows: [(String, [String])] = [
            ("あいうえお", ["a", "i", "u", "e", "o"]), ("かきくけこ", ["ka", "ki", "ku", "ke", "ko"]),
            ("さしすせそ", ["sa", "shi", "su", "se", "so"]), ("たちつてと", ["ta", "chi", "tsu", "te", "to"]),
            ("なにぬねの", ["na", "ni", "nu", "ne", "no"]), ("はひふへほ", ["ha", "hi", "fu", "he", "ho"]),
            ("まみむめも", ["ma", "mi", "mu", "me", "mo"]), ("やゆよ", ["ya", "yu", "yo"]),
            ("らりるれろ", ["ra", "ri", "ru", "re", "ro"]), ("わをん", ["wa", "o", "n"]),
            ("がぎぐげご", ["ga", "gi", "gu", "ge", "go"]), ("ざじずぜぞ", ["za", "ji", "zu", "ze", "zo"]),
            ("だぢづでど", ["da", "ji", "zu", "de", "do"]), ("ばびぶべぼ", ["ba", "bi", "bu", "be", "bo"]),
            ("ぱぴぷぺぽ", ["pa", "pi", "pu", "pe", "po"]), ("ぁぃぅぇぉ", ["a", "i", "u", "e", "o"]),
            ("ゃゅょ", ["ya", "yu", "yo"]),
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (letters, sounds) in rows {
            for (scalar, sound) in zip(letters.unicodeScalars, sounds) { table[scalar] = sound }
        }
        return table
    }()

    private static let digraphs: [String: String] = {
        var table: [String: String] = [:]
        let heads: [(String, String)] = [("き", "ky"), ("ぎ", "gy"), ("に", "ny"), ("ひ", "hy"), ("び", "by"), ("ぴ", "py"),
                                         ("み", "my"), ("り", "ry")]
        for (head, sound) in heads {
            table[head + "ゃ"] = sound + "a"; table[head + "ゅ"] = sound + "u"; table[head + "ょ"] = sound + "o"
        }
        for (head, sound) in [("し", "sh"), ("ち", "ch"), ("じ", "j")] {
            table[head + "ゃ"] = sound + "a"; table[head + "ゅ"] = sound + "u"; table[head + "ょ"] = sound + "o"
        }
        return table
    }()
}
