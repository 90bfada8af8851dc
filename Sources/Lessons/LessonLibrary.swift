import Foundation
import PanyaLanguage
import PanyaSupport

/// One lesson script on disk: `lessons/01-ai-register.panya` (Japanese) or
/// `lessons/01-ai-register.en.panya` (its English version).
public struct LessonFile: Sendable, Equatable {
    /// The path as found (directory + file name).
    public var path: String
    /// The file name (`01-ai-register.en.panya`): what `panya check` prints.
    public var fileName: String
    /// The lesson's number (`01-` → 1), nil when the name has no number.
    public var number: Int?
    /// The key progress is saved under: the file name without `.en`/`.ja` and `.panya`
    /// (`01-ai-register`), so both languages of a lesson share one progress.
    public var key: String
    /// The language the file name says (`.en.panya` → en, `.ja.panya` → ja), nil for a plain `.panya`.
    public var fileLanguage: UILanguage?
    /// The title from `lesson "title"`, when the file has one.
    public var title: String?

    /// Describes the file at `path` (reads it for the title; a missing file has no title).
    public init(path: String) {
        self.path = path
        self.fileName = (path as NSString).lastPathComponent
        var stem = fileName
        if stem.hasSuffix(".panya") { stem.removeLast(".panya".count) }
        var language: UILanguage? = nil
        for lang in UILanguage.allCases where stem.hasSuffix("." + lang.rawValue) {
            stem.removeLast(lang.rawValue.count + 1)
            language = lang
        }
        self.key = stem
        self.fileLanguage = language
        let digits = stem.prefix { $0.isASCII && $0.isNumber }
        self.number = digits.isEmpty ? nil : Int(digits)
        self.title = (try? LessonSource.read(path: path)).flatMap(LessonFile.title(in:))
    }

    /// The language the lesson is written in: the file name's, else its `--lang`, else Japanese.
    public var language: UILanguage {
        if let fileLanguage { return fileLanguage }
        if let source = try? LessonSource.read(path: path), let lang = LessonFile.headerLanguage(in: source) { return lang }
        return .ja
    }

    /// The title of the first `lesson "title"` line of `source`.
    public static func title(in source: String) -> String? {
        guard let stmt = header(in: source), case .lesson(let titleExpr, _, _) = stmt else { return nil }
        switch titleExpr {
        case .string(let s, _): return s
        default: return nil
        }
    }

    /// The `--lang` of the first `lesson` line of `source`.
    public static func headerLanguage(in source: String) -> UILanguage? {
        guard let stmt = header(in: source), case .lesson(_, let options, _) = stmt else { return nil }
        for option in options {
            if case .flag(let name, let value?, _) = option, name == "lang" {
                if case .string(let s, _) = value { return UILanguage(code: s) }
            }
        }
        return nil
    }

    private static func header(in source: String) -> Stmt? {
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("lesson ") || trimmed.hasPrefix("lesson\t") else { continue }
            let program = Parser.parse(String(trimmed))
            if let first = program.statements.first, case .lesson = first { return first }
        }
        return nil
    }
}

/// The lessons in a folder (`lessons/`): `lesson list`, `lesson start N`.
public struct LessonLibrary: Sendable {
    /// The folder.
    public var directory: String
    /// Every `*.panya` file directly in the folder, sorted by file name.
    public var files: [LessonFile]

    /// Reads the folder (a missing folder has no lessons).
    public init(directory: String) {
        self.directory = directory
        self.files = LessonLibrary.panyaFiles(in: directory).map(LessonFile.init(path:))
    }

    /// The `*.panya` files directly in `directory`, sorted, as paths.
    public static func panyaFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return names.filter { $0.hasSuffix(".panya") && !$0.hasPrefix(".") }.sorted().map { base + "/" + $0 }
    }

    /// One file per numbered lesson, in number order, in `language` when the lesson has that
    /// version (`NN-name.en.panya` for English), else its default file.
    public func lessons(language: UILanguage) -> [LessonFile] {
        let numbers = Set(files.compactMap(\.number)).sorted()
        return numbers.compactMap { lesson(number: $0, language: language) }
    }

    /// Lesson `number` in `language` (falling back to the other language).
    public func lesson(number: Int, language: UILanguage) -> LessonFile? {
        let candidates = files.filter { $0.number == number }
        return candidates.first { $0.fileLanguage == language }
            ?? candidates.first { $0.fileLanguage == nil && language == .ja }
            ?? candidates.first { $0.fileLanguage == nil }
            ?? candidates.first
    }

    /// `lesson start N|FILE`: a number picks from the library, anything else is a path.
    public func resolve(_ numberOrPath: String, language: UILanguage) throws(LessonError) -> LessonFile {
        if let n = Int(numberOrPath.trimmingCharacters(in: .whitespaces)) {
            guard let file = lesson(number: n, language: language) else { throw .noSuchLesson(numberOrPath) }
            return file
        }
        guard FileManager.default.fileExists(atPath: numberOrPath) else { throw .noSuchLesson(numberOrPath) }
        return LessonFile(path: numberOrPath)
    }
}
