import ArgumentParser
import PanyaSupport
import Synchronization

/// The language `panya --help` is written in, chosen from the arguments (`--lang`), else
/// `PANYA_LANG`, else `LANG`, before the arguments are parsed; the declarations read their help
/// from the catalog in it.
enum HelpLanguage {
    private static let chosen = Mutex<UILanguage>(.en)

    /// The language chosen (English until `choose` is called).
    static var current: UILanguage { chosen.withLock { $0 } }

    /// Sets the language the help is written in.
    static func choose(_ language: UILanguage) {
        chosen.withLock { $0 = language }
    }

    /// A help string from the catalog, in the chosen language.
    static func help(_ message: Message) -> ArgumentHelp {
        ArgumentHelp(message.text(current))
    }

    /// A message of the catalog in the chosen language (abstracts and discussions).
    static func text(_ message: Message) -> String {
        message.text(current)
    }
}
