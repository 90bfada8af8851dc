import Foundation

/// The language panya speaks to its user: Japanese or English.
public enum UILanguage: String, Sendable, CaseIterable {
    case ja, en

    /// Resolves the language: `--lang`, else `PANYA_LANG`, else `LANG` (`ja*` → Japanese), else English.
    public static func resolve(flag: String?, environment: [String: String] = ProcessEnvironment.current) -> UILanguage {
        if let flag, let lang = UILanguage(code: flag) { return lang }
        if let value = environment["PANYA_LANG"], let lang = UILanguage(code: value) { return lang }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("ja") ? .ja : .en
            }
        }
        return .en
    }

    /// Reads `ja`, `ja_JP.UTF-8`, `en`, `en_US` …; nil for anything else.
    public init?(code: String) {
        let lower = code.lowercased()
        if lower.hasPrefix("ja") { self = .ja } else if lower.hasPrefix("en") { self = .en } else { return nil }
    }
}
