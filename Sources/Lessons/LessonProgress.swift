/// A student's progress in one lesson: where they are and how they did.
public struct LessonProgress: Sendable, Equatable {
    public var student: String
    /// The lesson's key (its file name without the language suffix, e.g. `01-ai-register`).
    public var lesson: String
    /// The step to resume at (1-based); `stepCount + 1` or more once finished.
    public var currentStep: Int
    public var stepCount: Int
    public var tasksDone: Int
    public var tasksSkipped: Int
    public var quizzesRight: Int
    /// Wrong tries in tasks and quizzes.
    public var tries: Int
    public var finished: Bool
    /// Seconds since 1970 of the last save.
    public var updatedAt: Double

    public init(student: String, lesson: String, currentStep: Int = 1, stepCount: Int = 0, tasksDone: Int = 0,
                tasksSkipped: Int = 0, quizzesRight: Int = 0, tries: Int = 0, finished: Bool = false, updatedAt: Double = 0) {
        self.student = student
        self.lesson = lesson
        self.currentStep = currentStep
        self.stepCount = stepCount
        self.tasksDone = tasksDone
        self.tasksSkipped = tasksSkipped
        self.quizzesRight = quizzesRight
        self.tries = tries
        self.finished = finished
        self.updatedAt = updatedAt
    }
}
