import PanyaLanguage

/// How a quiz compares what the student typed with the answer (lessons.md): numbers within 1e-9,
/// strings trimmed, lists and maps element by element, everything else structurally.
public enum AnswerMatching {
    public static func matches(_ given: Value, _ expected: Value) -> Bool {
        switch (given, expected) {
        case (.number(let a), .number(let b)):
            return abs(a - b) <= 1e-9
        case (.string(let a), .string(let b)):
            return a.trimmingCharacters(in: .whitespacesAndNewlines) == b.trimmingCharacters(in: .whitespacesAndNewlines)
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { matches($0, $1) }
        case (.map(let a), .map(let b)):
            return a.count == b.count && a.elements.allSatisfy { entry in b[entry.key].map { matches(entry.value, $0) } ?? false }
        default:
            return given == expected
        }
    }

    /// Full-width ASCII look-alikes (`５９４`, `＋`) as half-width, and a trailing 円 / yen dropped,
    /// so `５９４円` reads as `594`.
    public static func normalized(_ typed: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in typed.unicodeScalars {
            if s.value >= 0xFF01 && s.value <= 0xFF5E, let half = Unicode.Scalar(s.value - 0xFEE0) {
                scalars.append(half)
            } else if s.value == 0x3000 {
                scalars.append(" ")
            } else {
                scalars.append(s)
            }
        }
        var text = String(scalars).trimmingCharacters(in: .whitespaces)
        for suffix in ["円", "yen", "JPY"] where text.hasSuffix(suffix) {
            let head = String(text.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            if Double(head.replacingOccurrences(of: ",", with: "")) != nil { text = head }
        }
        if text.range(of: #"^\d{1,3}(,\d{3})+(\.\d+)?$"#, options: .regularExpression) != nil {
            text = text.replacingOccurrences(of: ",", with: "")
        }
        return text
    }

    /// The text without surrounding quotes (`"メロンパン"` → `メロンパン`).
    static func unquoted(_ text: String) -> String {
        for (open, close) in [("\"", "\""), ("「", "」"), ("“", "”")] where text.count >= 2 && text.hasPrefix(open) && text.hasSuffix(close) {
            return String(text.dropFirst().dropLast())
        }
        return text
    }
}

import Foundation
