import PanyaLanguage
import PanyaSupport

/// A lesson `lesson list` shows: `{number, title, file, progress}`.
struct LessonEntry: ShellResult {
    static let kind = "lesson"
    var number: Int?
    var title: String
    var file: String
    var progress: String

    var fields: [(String, Value)] {
        [("number", number.map { .number(Double($0)) } ?? .null), ("title", .string(title)), ("file", .string(file)), ("progress", .string(progress))]
    }

    func render(_ style: RenderStyle) -> String { title }

    static func renderList(_ items: [LessonEntry], _ style: RenderStyle) -> String? {
        var table = TextTable(headers: ["#", style.text(Catalog.lessonHeaderTitle), style.text(Catalog.lessonHeaderProgress)], alignments: [.right, .left, .left])
        for item in items { table.add([item.number.map(String.init) ?? "", item.title, item.progress]) }
        return table.render(width: style.terminal.columns)
    }
}
