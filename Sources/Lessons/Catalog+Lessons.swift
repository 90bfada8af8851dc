import PanyaSupport

extension Catalog {
    public static func lessonNotFound(_ what: String) -> Message {
        Message(en: "no lesson '\(what)'; see: lesson list", ja: "レッスン「\(what)」はありません。lesson list で一覧を見られます")
    }
    public static func lessonUnreadable(_ path: String, _ reason: LessonError.UnreadableReason) -> Message {
        switch reason {
        case .missing:
            return Message(en: "cannot read \(path): there is no such file. Check the path (lesson list shows the lessons)",
                           ja: "\(path) を読めません: そのファイルはありません。パスを確かめてください (lesson list でレッスンの一覧が見られます)")
        case .notAFile:
            return Message(en: "cannot read \(path): it is not a regular file (a folder, a device or a pipe). Give a .panya lesson file",
                           ja: "\(path) を読めません: 普通のファイルではありません (フォルダ・デバイス・パイプ)。.panya のレッスンファイルを指定してください")
        case .notReadable:
            return Message(en: "cannot read \(path): permission denied or a read error. Check the file's permissions (ls -l)",
                           ja: "\(path) を読めません: 権限がないか、読み取りに失敗しました。ファイルの権限を確かめてください (ls -l)")
        case .tooLarge(let limit):
            return Message(en: "cannot read \(path): it is larger than \(limit / 1_000_000) MB, the most a lesson file may be",
                           ja: "\(path) を読めません: レッスンファイルの上限 \(limit / 1_000_000) MB を超えています")
        case .notUTF8:
            return Message(en: "cannot read \(path): it is not UTF-8 text. Save it as UTF-8 and try again",
                           ja: "\(path) を読めません: UTF-8 のテキストではありません。UTF-8 で保存し直してください")
        }
    }
    public static func lessonEnvironmentFailed(_ detail: String) -> Message {
        Message(en: "could not prepare the lesson: \(detail)", ja: "レッスンの準備ができませんでした: \(detail)")
    }

    // Runner.
    public static func lessonStepHeader(_ k: Int, _ n: Int, _ title: String) -> Message {
        Message(en: "Step \(k)/\(n): \(title)", ja: "ステップ \(k)/\(n): \(title)")
    }
    public static func lessonTaskLabel(_ instruction: String) -> Message {
        Message(en: "Task: \(instruction)", ja: "やってみよう: \(instruction)")
    }
    public static func lessonQuizLabel(_ question: String) -> Message {
        Message(en: "Quiz: \(question)", ja: "クイズ: \(question)")
    }
    public static let lessonTaskHelp = Message(
        en: "(type a command; 'hint' for a hint, 'skip' to skip, 'quit' to stop)",
        ja: "(コマンドを入力。ヒントは hint、とばすときは skip、やめるときは quit)")
    public static let lessonQuizHelp = Message(
        en: "(type your answer; a number, a word or an expression)",
        ja: "(答えを入力。数、ことば、式のどれでもOK)")
    public static let lessonTaskDone = Message(en: "✔ Correct! Task done.", ja: "✔ 正解! できました。")
    public static let lessonQuizRight = Message(en: "✔ Correct!", ja: "✔ 正解!")
    public static let lessonNotYet = Message(en: "✘ Not yet. Try again.", ja: "✘ まだです。もう一度やってみよう。")
    public static func lessonHint(_ text: String) -> Message { Message(en: "Hint: \(text)", ja: "ヒント: \(text)") }
    public static let lessonJustTheNumber = Message(en: "Type just the number (for example 3), without words.",
                                                    ja: "数字だけで答えてください (たとえば 3)。")
    public static let lessonNoMoreHints = Message(en: "(no more hints; type 'skip' to go on)", ja: "(ヒントはこれで全部です。skip で先へ進めます)")
    public static let lessonSolutionTyped = Message(en: "(the solution, typed for you:)", ja: "(答えの入力例を代わりに入力します:)")
    public static let lessonSkipped = Message(en: "→ skipped", ja: "→ とばしました")
    public static func lessonQuizSkipped(_ answer: String) -> Message {
        Message(en: "→ skipped (the answer was: \(answer))", ja: "→ とばしました (答えは \(answer) でした)")
    }
    public static let lessonPressEnter = Message(en: "(press Enter to continue, or type quit) ", ja: "(Enter で次へ。やめるときは quit) ")
    public static func lessonResuming(_ k: Int, _ n: Int) -> Message {
        Message(en: "Resuming at step \(k)/\(n) (earlier steps are replayed quietly).",
                ja: "ステップ \(k)/\(n) から再開します (前のステップは静かにやり直します)。")
    }
    public static func lessonStopped(_ k: Int) -> Message {
        Message(en: "Lesson paused at step \(k). 'lesson start' continues from here.",
                ja: "ステップ \(k) で中断しました。lesson start で続きから始められます。")
    }
    public static func lessonFinished(_ title: String, done: Int, skipped: Int, tries: Int) -> Message {
        Message(en: "🎉 Lesson finished: \(title) (tasks done \(done), skipped \(skipped), wrong tries \(tries))",
                ja: "🎉 レッスン終了: \(title) (できた課題 \(done)、とばした課題 \(skipped)、まちがえた回数 \(tries))")
    }
    public static let lessonStartingOver = Message(en: "You finished this lesson before; starting over.",
                                                   ja: "このレッスンは前に終わっています。最初から始めます。")
    public static func lessonTeacherWarning(_ text: String) -> Message {
        Message(en: "[for the teacher] \(text)", ja: "[先生へ] \(text)")
    }
    public static func lessonExpectFailedWarning(_ message: String) -> Message {
        Message(en: "[for the teacher] expect failed: \(message)", ja: "[先生へ] expect が成り立ちません: \(message)")
    }

    // Checker: the ok/FAIL words and the closing line stay English (scripts read them); the
    // reasons are in the checker's language.
    public static func lessonCheckExpectFailed(_ message: String) -> Message {
        Message(en: "expect failed: \(message)", ja: "expect が成り立ちません: \(message)")
    }
    public static func lessonCheckCheckFailed(_ source: String) -> Message {
        Message(en: "check failed after the solution: \(source)", ja: "solution を入力したあとも check が成り立ちません: \(source)")
    }
    public static func lessonCheckCheckError(_ source: String, _ detail: String) -> Message {
        Message(en: "check \(source) could not be evaluated: \(detail)", ja: "check \(source) を計算できませんでした: \(detail)")
    }
    public static func lessonCheckAlreadyDone(_ checks: String) -> Message {
        Message(en: "task is already done before anything is typed (any line would pass): \(checks)",
                ja: "何も入力しないうちに task が終わっています (どんな行でも合格になります): \(checks)")
    }
    public static let lessonCheckNoSolution = Message(en: "task has no solution to type", ja: "task に入力する solution がありません")
    public static func lessonCheckSolutionFailed(_ line: String, _ detail: String) -> Message {
        Message(en: "solution '\(line)' failed: \(detail)", ja: "solution '\(line)' が失敗しました: \(detail)")
    }
    public static func lessonCheckAnswerFailed(_ detail: String) -> Message {
        Message(en: "quiz answer could not be evaluated: \(detail)", ja: "quiz の answer を計算できませんでした: \(detail)")
    }
    public static let lessonCheckAnswerNotItself = Message(en: "quiz answer does not equal itself", ja: "quiz の answer が自分自身と等しくなりません")
    public static func lessonCheckAnswerNotTypable(_ printed: String) -> Message {
        Message(en: "quiz answer \(printed) is not accepted when a student types it; write the answer as a number or a text",
                ja: "quiz の answer \(printed) は、生徒が入力しても正解になりません。数か文字列で書いてください")
    }
    public static let lessonCheckNoHeader = Message(en: "the lesson must start with: lesson \"title\"", ja: "レッスンは lesson \"タイトル\" の行で始めてください")
    /// A lesson under `panya check` ran past its time limit (stopped at the statement running then).
    public static func lessonCheckTimedOut(seconds: Double) -> Message {
        let limit = NumberText.plain(seconds)
        let unit = seconds == 1 ? "second" : "seconds"
        return Message(en: "the lesson was still running after \(limit) \(unit) (an endless loop?) and was stopped here; allow longer with panya check --time-limit SECONDS",
                       ja: "レッスンが \(limit) 秒たっても終わらないため、ここで止めました (無限ループ?)。もっと待つには panya check --time-limit 秒数 を使ってください")
    }
    public static let lessonCheckNoSteps = Message(en: "the lesson has no step", ja: "レッスンに step がひとつもありません")
    public static let lessonCheckNoFiles = Message(en: "no lesson files (*.panya) found", ja: "レッスンファイル (*.panya) が見つかりません")

}
