import PanyaLanguage
import PanyaSupport

/// What `record` wrote: `{files, project_file}`.
struct RecordingResult: ShellResult {
    static let kind = "recording"
    var files: [String]
    var projectFile: String?

    var fields: [(String, Value)] {
        [("files", .list(files.map { .string($0) })), ("project_file", projectFile.map { .string($0) } ?? .null)]
    }

    func render(_ style: RenderStyle) -> String {
        (files + (projectFile.map { [$0] } ?? [])).map { style.text(Catalog.recordWrote($0)) }.joined(separator: "\n")
    }
}
