import Foundation
import Lessons
import PanyaLanguage
import PanyaStore
import PanyaSupport

extension ShellSession {
    /// `lesson list|start|next|status|reset`.
    func registerLessonCommands() {
        register(Command(name: "lesson list", summary: Catalog.lessonListSummary, usage: "lesson list") { [unowned self] _ in
            try self.lessonEntries()
        })
        register(Command(name: "lesson status", summary: Catalog.lessonStatusSummary, usage: "lesson status") { [unowned self] _ in
            try self.lessonEntries()
        })
        register(Command(name: "lesson start", summary: Catalog.lessonStartSummary, usage: "lesson start N|FILE") { [unowned self] call in
            let file = try self.lessonLibrary.resolve(call.string(at: 0), language: self.language)
            try self.runLessonInteractively(file)
            return .null
        })
        register(Command(name: "lesson next", summary: Catalog.lessonNextSummary, usage: "lesson next") { [unowned self] _ in
            let progress = try self.progressStore.all(student: self.student)
            let lessons = self.lessonLibrary.lessons(language: self.language)
            guard let next = lessons.first(where: { lesson in !(progress.first { $0.lesson == lesson.key }?.finished ?? false) }) else {
                self.write(Catalog.lessonAllDone.text(self.language) + "\n")
                return .null
            }
            try self.runLessonInteractively(next)
            return .null
        })
        register(Command(name: "lesson reset", summary: Catalog.lessonResetSummary, usage: "lesson reset N|FILE") { [unowned self] call in
            let file = try self.lessonLibrary.resolve(call.string(at: 0), language: self.language)
            try self.progressStore.reset(student: self.student, lesson: file.key)
            return .string(Catalog.lessonResetDone(file.fileName).text(self.language))
        })
        registerListRenderer(kind: RecordKind.lessonEntry) { [unowned self] records in
            var table = TextTable(headers: ["#", Catalog.lessonHeaderTitle.text(self.language), Catalog.lessonHeaderProgress.text(self.language)],
                                  alignments: [.right, .left, .left])
            for r in records {
                table.add([r["number"]?.printed ?? "", r["title"]?.printed ?? "", r["progress"]?.printed ?? ""])
            }
            return table.render()
        }
    }

    /// The lessons folder of the assets.
    var lessonLibrary: LessonLibrary { LessonLibrary(directory: assetsRoot + "/lessons") }

    /// The student whose progress is kept: `--student`, else the login name.
    var student: String {
        if let name = options.student, !name.isEmpty { return name }
        let env = ProcessInfo.processInfo.environment
        return env["USER"] ?? env["LOGNAME"] ?? "student"
    }

    /// Progress in the real store.
    var progressStore: LessonProgressStore { LessonProgressStore(database) }

    /// Runs a lesson at the terminal, reading through the session's line reader.
    func runLessonInteractively(_ file: LessonFile) throws {
        let io = LessonIO(readLine: { [unowned self] prompt in self.lineReader(prompt) }, write: { [unowned self] text in self.write(text) })
        let runner = LessonRunner(factory: ShellLessonFactory(options: options, assetsRoot: assetsRoot), progress: progressStore,
                                  student: student, language: language, terminal: terminal, io: io)
        switch runner.run(file) {
        case .finished, .paused:
            return
        case .failed(let diagnostic):
            let source = (try? String(contentsOfFile: file.path, encoding: .utf8)) ?? ""
            write(DiagnosticRenderer.render(source: source, diagnostics: [diagnostic], language: language))
        }
    }

    private func lessonEntries() throws -> Value {
        let progress = try progressStore.all(student: student)
        return .list(lessonLibrary.lessons(language: language).map { lesson in
            let p = progress.first { $0.lesson == lesson.key }
            let state: Message
            if let p {
                state = p.finished ? Catalog.lessonFinished : Catalog.lessonAtStep(p.currentStep, of: p.stepCount)
            } else {
                state = Catalog.lessonNotStarted
            }
            return .record(Record(kind: RecordKind.lessonEntry, fields: [
                ("number", lesson.number.map { .number(Double($0)) } ?? .null), ("title", .string(lesson.title ?? lesson.fileName)),
                ("file", .string(lesson.path)), ("progress", .string(state.text(language))),
            ]))
        })
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
