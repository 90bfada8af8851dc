import PanyaSupport

/// Which language `panya --help` is written in: the command line's declarations take their help
/// from the catalog in it (swift-argument-parser's own headings stay in English).
public enum CommandLineHelp {
    /// `--lang` among the arguments (before a script's own, after `run FILE` or `-c CODE`), else
    /// `PANYA_LANG`, else `LANG`.
    public static func language(arguments: [String], environment: [String: String]) -> UILanguage {
        var flag: String? = nil
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "run" || argument == "-c" { break }
            if argument == "--lang", index + 1 < arguments.count { flag = arguments[index + 1] }
            if argument.hasPrefix("--lang=") { flag = String(argument.dropFirst("--lang=".count)) }
            index += 1
        }
        return UILanguage.resolve(flag: flag, environment: environment)
    }
}
