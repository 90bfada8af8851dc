import Foundation
import Lessons
import PanyaLanguage
import PanyaStore
import PanyaSupport
import Session

/// `lesson list|status|start|next|reset`.
struct LessonFamily: CommandFamily {
    unowned let context: any LessonAccess

    var title: Message { Message(en: "Lessons", ja: "レッスン") }

    var commands: [Command] {
        let lesson = ArgumentSpec.required("N|FILE", .text, Catalog.argLesson, completion: .path)
        return [
            Command("lesson list", summary: Catalog.lessonListSummary) { _ in try entries().value },
            Command("lesson status", summary: Catalog.lessonStatusSummary) { _ in try entries().value },
            Command("lesson start", summary: Catalog.lessonStartSummary, arguments: [lesson]) { call in
                try context.runLessonInteractively(lessonFile(call.string(at: 0)))
                return .null
            },
            Command("lesson next", summary: Catalog.lessonNextSummary) { _ in
                let progress = try context.progressStore.all(student: context.student)
                let lessons = context.lessonLibrary.lessons(language: context.style.language)
                guard let next = lessons.first(where: { lesson in !(progress.first { $0.lesson == lesson.key }?.finished ?? false) }) else {
                    context.write(context.style.text(Catalog.lessonAllDone) + "\n")
                    return .null
                }
                try context.runLessonInteractively(next)
                return .null
            },
            Command("lesson reset", summary: Catalog.lessonResetSummary, arguments: [lesson]) { call in
                let file = try lessonFile(call.string(at: 0))
                try context.progressStore.reset(student: context.student, lesson: file.key)
                return .string(context.style.text(Catalog.lessonResetDone(file.fileName)))
            },
        ]
    }

    private func entries() throws -> [LessonEntry] {
        let progress = try context.progressStore.all(student: context.student)
        return context.lessonLibrary.lessons(language: context.style.language).map { lesson in
            let p = progress.first { $0.lesson == lesson.key }
            let state: Message
            if let p {
                state = p.finished ? Catalog.lessonFinished : Catalog.lessonAtStep(p.currentStep, of: p.stepCount)
            } else {
                state = Catalog.lessonNotStarted
            }
            return LessonEntry(number: lesson.number, title: lesson.title ?? lesson.fileName, file: lesson.path, progress: context.style.text(state))
        }
    }
}

extension ShellSession {
    /// The lessons folder of the assets.
    var lessonLibrary: LessonLibrary { LessonLibrary(directory: options.lessonsDirectory ?? assetsRoot + "/lessons") }

    /// Runs a lesson at the terminal, reading through the session's line reader.
    @discardableResult
    func runLessonInteractively(_ file: LessonFile) throws -> Bool {
        let io = LessonIO(readLine: { [unowned self] prompt in self.lineReader(prompt) }, write: { [unowned self] text in self.write(text) })
        let runner = LessonRunner(factory: ShellLessonFactory(options: options, assetsRoot: assetsRoot), progress: progressStore,
                                  student: student, language: language, terminal: terminal, io: io)
        switch runner.run(file) {
        case .finished, .paused:
            return true
        case .failed(let diagnostic):
            let source = (try? LessonSource.read(path: file.path)) ?? ""
            write(DiagnosticRenderer.render(source: source, diagnostics: [diagnostic], language: language))
            return false
        }
    }
}

extension Catalog {
    static let lessonListSummary = Message(en: "the lessons, with your progress", ja: "レッスンの一覧と進み具合")
    static let lessonStatusSummary = Message(en: "your progress in each lesson", ja: "レッスンごとの進み具合")
    static let lessonStartSummary = Message(en: "start (or resume) a lesson", ja: "レッスンを始める (続きから再開)")
    static let lessonNextSummary = Message(en: "start the first lesson you have not finished", ja: "まだ終わっていない最初のレッスンを始める")
    static let lessonResetSummary = Message(en: "forget your progress in a lesson", ja: "レッスンの進み具合を消して最初からにする")
    static let lessonAllDone = Message(en: "You have finished every lesson. 🎉", ja: "すべてのレッスンが終わりました。🎉")
    static let lessonHeaderTitle = Message(en: "title", ja: "タイトル")
    static let lessonHeaderProgress = Message(en: "progress", ja: "進み具合")
    static let lessonFinished = Message(en: "finished ✔", ja: "完了 ✔")
    static let lessonNotStarted = Message(en: "not started", ja: "未着手")
    static func lessonAtStep(_ step: Int, of count: Int) -> Message {
        Message(en: "at step \(step)/\(count)", ja: "ステップ \(step)/\(count)")
    }
    static func lessonResetDone(_ file: String) -> Message {
        Message(en: "progress in \(file) reset", ja: "\(file) の進み具合を消しました")
    }
}

extension LessonFamily {
    /// The lesson a `lesson start|reset` argument names: a number, or a file (in a class, only
    /// inside the student's folder or the bundled lessons).
    func lessonFile(_ argument: String) throws -> LessonFile {
        if Int(argument.trimmingCharacters(in: .whitespaces)) == nil, let sandbox = context.options.sandbox {
            guard let path = argument.hasPrefix("/") ? sandbox.readablePath(argument)
                    : sandbox.readablePath(argument) ?? sandbox.readablePath(context.lessonLibrary.directory + "/" + argument) else {
                throw SandboxError.outsideRead(argument)
            }
            return try context.lessonLibrary.resolve(path, language: context.style.language)
        }
        return try context.lessonLibrary.resolve(argument, language: context.style.language)
    }
}
