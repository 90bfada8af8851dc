import CPanyaSupport
import Foundation

/// What the output terminal can do: colour and width.
public struct Terminal: Sendable {
    /// Whether ANSI colour may be used.
    public var color: Bool
    /// Columns to wrap narration and pictures at.
    public var columns: Int

    public init(color: Bool, columns: Int) {
        self.color = color
        self.columns = columns
    }

    /// Colour only on a terminal, never with `NO_COLOR` set, `TERM=dumb` or `--no-color`.
    public static func detect(noColorFlag: Bool = false, environment: [String: String] = ProcessEnvironment.current) -> Terminal {
        let isTTY = isatty(STDOUT_FILENO) != 0
        var color = isTTY && !noColorFlag
        if environment["NO_COLOR"] != nil { color = false }
        if environment["TERM"] == "dumb" { color = false }
        let measured = Int(panya_terminal_columns())
        let columns = measured > 0 ? measured : (Int(environment["COLUMNS"] ?? "") ?? 80)
        return Terminal(color: color, columns: max(20, columns))
    }

    /// A plain terminal of 80 columns (tests, scripts).
    public static let plain = Terminal(color: false, columns: 80)
}
