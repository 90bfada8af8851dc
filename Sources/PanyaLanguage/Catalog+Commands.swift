import PanyaSupport

// Messages about commands' arguments and flags (checked against each command's declaration).
extension Catalog {
    static func missingArgumentNamed(_ placeholder: String, command: String, usage: String) -> Message {
        Message(en: "'\(command)' needs \(placeholder); usage: \(usage)", ja: "「\(command)」には \(placeholder) が必要です。使い方: \(usage)")
    }
    static func extraArgument(_ word: String, command: String, suggestion: String?, usage: String) -> Message {
        let shown = CommandText.visible(word)
        if let suggestion {
            return Message(en: "'\(command)' does not take '\(shown)'; did you mean '\(suggestion)'?",
                           ja: "「\(command)」に「\(shown)」は付けられません。「\(suggestion)」のことですか?")
        }
        return Message(en: "'\(command)' does not take '\(shown)' (too many arguments); usage: \(usage)",
                       ja: "「\(command)」に「\(shown)」は付けられません (引数が多すぎます)。使い方: \(usage)")
    }
    static func flagNeedsValue(_ flag: String, placeholder: String, command: String) -> Message {
        Message(en: "\(flag) of '\(command)' needs a value: \(flag) \(placeholder)",
                ja: "「\(command)」の \(flag) には値が必要です: \(flag) \(placeholder)")
    }
    static func switchTakesNoValue(_ flag: String, command: String) -> Message {
        Message(en: "\(flag) of '\(command)' is a switch: give it alone, without a value",
                ja: "「\(command)」の \(flag) はスイッチです。値を付けずに書きます")
    }
    static func emptyArgument(_ what: String, command: String) -> Message {
        Message(en: "\(what) of '\(command)' is empty", ja: "「\(command)」の \(what) が空です")
    }
    static func numberOutOfRange(_ what: String, command: String, low: String, high: String, got: String, whole: Bool) -> Message {
        if whole {
            return Message(en: "\(what) of '\(command)' must be a whole number from \(low) to \(high), not \(got)",
                           ja: "「\(command)」の \(what) は \(low) から \(high) までの整数です (\(got) ではなく)")
        }
        return Message(en: "\(what) of '\(command)' must be a number from \(low) to \(high), not \(got)",
                       ja: "「\(command)」の \(what) は \(low) から \(high) までの数です (\(got) ではなく)")
    }
    static func notAChoice(_ text: String, what: String, command: String, choices: [String], suggestion: String?) -> Message {
        let shown = CommandText.visible(text)
        let list = choices.joined(separator: ", ")
        if let suggestion {
            return Message(en: "\(what) of '\(command)' is one of \(list), not '\(shown)'; did you mean '\(suggestion)'?",
                           ja: "「\(command)」の \(what) は \(list) のどれかです (「\(shown)」ではなく)。「\(suggestion)」のことですか?")
        }
        return Message(en: "\(what) of '\(command)' is one of \(list), not '\(shown)'",
                       ja: "「\(command)」の \(what) は \(list) のどれかです (「\(shown)」ではなく)")
    }
}

/// Text a user gave, made safe to show in a message.
enum CommandText {
    /// Control and invisible characters as `U+XXXX`; long text shortened with `…`.
    static func visible(_ text: String, limit: Int = 40) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || v == 0x7F || (0x200B...0x200F).contains(v) || v == 0xFEFF || (0x2028...0x202E).contains(v) || (0x2060...0x2064).contains(v) {
                out += "U+" + String(v, radix: 16, uppercase: true).leftPadded(to: 4)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out.count > limit ? String(out.prefix(limit)) + "…" : out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
