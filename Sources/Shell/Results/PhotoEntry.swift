import PanyaLanguage
import PanyaSupport

/// A photo `photos` lists: `{path, width, height, recorded}`.
struct PhotoEntry: ShellResult {
    static let kind = "photo"
    var path: String
    var size: (width: Int, height: Int)?
    var recorded: Bool

    var fields: [(String, Value)] {
        [("path", .string(path)), ("width", size.map { .number(Double($0.width)) } ?? .null),
         ("height", size.map { .number(Double($0.height)) } ?? .null), ("recorded", .bool(recorded))]
    }

    func render(_ style: RenderStyle) -> String { path }

    static func renderList(_ items: [PhotoEntry], _ style: RenderStyle) -> String? {
        var table = TextTable(headers: [style.text(Catalog.headerPhoto), style.text(Catalog.headerSize), style.text(Catalog.headerRecorded)])
        for item in items {
            table.add([item.path, item.size.map { "\($0.width)×\($0.height)" } ?? "?×?", item.recorded ? "✔" : "-"])
        }
        return table.render(width: style.terminal.columns)
    }
}
