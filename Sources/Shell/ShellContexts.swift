import CustomLabels
import Foundation
import Lessons
import PanyaLanguage
import PanyaStore
import PanyaSupport
import Register
import Session

/// What every command family may do: write text in the session's style.
protocol ShellOutput: AnyObject {
    /// The language and terminal results are shown in.
    var style: RenderStyle { get }
    /// Writes text as is (callers include newlines).
    func write(_ text: String)
}

/// The Custom Labels service, the model in use and photo arguments (model, detection, photo,
/// clock and recording families).
protocol ServiceAccess: ShellOutput {
    /// The session without the terminal (detection goes through it).
    var core: StudentSession { get }
    /// The backend commands talk to.
    var backend: CustomLabelsBackend { get }
    /// The model version in use and its thresholds.
    var models: ModelSelection { get }
    /// How photo arguments become paths and images.
    var photoArguments: PhotoArguments { get }
}

/// Switching backends (the backend family).
protocol BackendSwitching: ServiceAccess {
    /// The options the shell started with (profile, region, mock folder).
    var options: ShellOptions { get }
    /// Where the bundled assets are.
    var assetsRoot: String { get }
    /// The store the mock keeps its state in.
    var database: PanyaDatabase { get }
    /// Replaces the backend; variables stay.
    func switchBackend(to newBackend: CustomLabelsBackend)
}

/// The shell's own register and the thresholds that flag uncertain breads (the register family).
protocol RegisterAccess: ShellOutput {
    /// This shell's register.
    var cashRegister: Register { get throws }
    /// The thresholds of the model a detect result came from.
    var models: ModelSelection { get }
    /// The value of a variable at the prompt (nil when there is none by that name).
    func variable(_ name: String) -> Value?
    /// When a sale happens now: the simulated clock's time and offset on a backend that has one
    /// (lessons run on it), else the real time in UTC.
    func saleTime() -> (time: Date, offsetSeconds: Int)
}

/// Lessons at the terminal (the lesson family).
protocol LessonAccess: ShellOutput {
    /// The lessons folder.
    var lessonLibrary: LessonLibrary { get }
    /// The options the shell started with (a class's sandbox among them).
    var options: ShellOptions { get }
    /// Progress in the real store.
    var progressStore: LessonProgressStore { get }
    /// Whose progress it is.
    var student: String { get }
    /// Runs a lesson interactively; false when it failed (its diagnostic was written).
    @discardableResult
    func runLessonInteractively(_ file: LessonFile) throws -> Bool
}

/// The shell itself: its commands, history and leaving (the shell family).
protocol ShellControl: ShellOutput {
    /// Every command (for `help`).
    var commands: CommandTable { get }
    /// The lines typed before.
    var historyProvider: () -> [String] { get }
    /// Set when `quit` was typed.
    var wantsToQuit: Bool { get set }
}

extension ShellSession: ServiceAccess, BackendSwitching, RegisterAccess, LessonAccess, ShellControl {
    func variable(_ name: String) -> Value? { interpreter.global(name) }

    func saleTime() -> (time: Date, offsetSeconds: Int) { core.saleTime() }
}
