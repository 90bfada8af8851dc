import Lessons
import PanyaSupport
import PanyaTestSupport
import Testing
@testable import Shell

/// The shipped lessons on the real shell and mock (what `panya check lessons/` does), and each
/// one walked through interactively by a student who types "skip" at every task.
@Suite struct ShippedLessonsTests {
    static let lessons = RepositoryRoot.path + "/lessons"

    func factory() -> ShellLessonFactory {
        var options = ShellOptions()
        options.terminal = .plain
        options.language = .en
        return ShellLessonFactory(options: options, assetsRoot: RepositoryRoot.path)
    }

    @Test func everyShippedLessonPassesTheChecker() throws {
        let paths = LessonChecker.lessonPaths([Self.lessons])
        try #require(paths.count >= 12, "six lessons in Japanese and English")
        var out = ""
        let status = LessonChecker(factory: factory(), language: .en).run(paths: [Self.lessons]) { out += $0 }
        #expect(status == 0, "\(out)")
        #expect(out.hasSuffix("\(paths.count) passed, 0 failed\n"))
    }

    @Test(arguments: LessonChecker.lessonPaths([ShippedLessonsTests.lessons]))
    func everyShippedLessonRunsInteractivelyWhenEveryTaskIsSkipped(path: String) throws {
        let file = LessonFile(path: path)
        let out = SharedText()
        let runner = LessonRunner(factory: factory(), progress: InMemoryLessonProgress(), student: "t",
                                  language: .en, io: .scripted(Array(repeating: "skip", count: 200), into: out))
        let outcome = runner.run(file)
        #expect(outcome == .finished, "\(file.fileName): \(out.text.suffix(600))")
        #expect(!out.text.contains("error:"), "\(file.fileName): \(out.text)")
        #expect(!out.text.contains("[for the teacher]") && !out.text.contains("[先生へ]"), "\(file.fileName): \(out.text)")
    }
}
