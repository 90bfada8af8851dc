import PanyaLanguage
import PanyaSupport

/// A student's own program (the register page's `total(lines)` in `panya class`), run over this
/// shell's commands: the one screen job that needs the interpreter. The rest of the screen (the
/// candidates, the register, checkout) is the core's, in `StudentSession+Screen.swift`.
extension ShellSession {
    /// Runs a student's program in a fresh interpreter over this session's commands, then
    /// `call` (e.g. `total(register())`): the value, or the first diagnostic. `shouldStop` is asked
    /// in every loop and call (the time limit of a run); its values have the session's memory budget.
    public func runStudentProgram(_ source: String, file: String, call: String, shouldStop: @escaping @Sendable () -> Bool) -> Result<Value?, Diagnostic> {
        var printed = ""
        let interpreter = Interpreter(commands: commands, language: language) { printed += $0 }
        interpreter.memoryBudget = options.memoryBudget ?? MemoryBudget.standard
        interpreter.interrupt = InterruptSignal(pending: shouldStop, clear: {})
        if let diagnostic = interpreter.run(source: source, file: file) { return .failure(diagnostic) }
        do {
            return .success(try interpreter.evaluateEntry(call, file: file))
        } catch {
            return .failure(error)
        }
    }
}
