import CustomLabels
import PanyaLanguage
import PanyaSupport

/// `backend`: which service panya talks to: `{kind, summary}`.
struct BackendInfo: ShellResult {
    static let kind = "backend"
    var backendKind: BackendKind
    var summary: String

    var fields: [(String, Value)] { [("kind", .string(backendKind.rawValue)), ("summary", .string(summary))] }

    func render(_ style: RenderStyle) -> String { style.text(Catalog.backendLine(kind: backendKind.rawValue, summary: summary)) }
}
