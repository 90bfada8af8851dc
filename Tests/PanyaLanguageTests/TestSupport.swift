import PanyaSupport
import PanyaTestSupport
@testable import PanyaLanguage

/// An interpreter that ignores the process-wide Ctrl-C flag (only InterruptTests use it).
func makeInterpreter(commands: CommandTable = CommandTable(), language: UILanguage = .en) -> (Interpreter, OutputCapture) {
    let sink = OutputCapture()
    let interpreter = Interpreter(commands: commands, language: language) { sink.append($0) }
    interpreter.interrupt = .never
    return (interpreter, sink)
}

/// Runs a script; returns what it printed and the rendered diagnostic (English), as a golden file holds them.
func runScript(_ source: String, file: String = "test.panya", commands: CommandTable = CommandTable(), language: UILanguage = .en) -> String {
    let (interpreter, sink) = makeInterpreter(commands: commands, language: language)
    var out = sink.text
    if let diagnostic = interpreter.run(source: source, file: file) {
        out = sink.text + DiagnosticRenderer.render(source: source, diagnostics: [diagnostic], language: language)
    } else {
        out = sink.text
    }
    return out
}

/// The first diagnostic a script stops with, if any.
func firstDiagnostic(_ source: String, commands: CommandTable = CommandTable()) -> Diagnostic? {
    let (interpreter, _) = makeInterpreter(commands: commands)
    return interpreter.run(source: source, file: "test.panya")
}

/// The value of one prompt entry.
func value(_ source: String, commands: CommandTable = CommandTable()) throws -> Value? {
    let (interpreter, _) = makeInterpreter(commands: commands)
    return try interpreter.evaluateEntry(source)
}

/// What a script prints (expecting no error).
func printed(_ source: String, commands: CommandTable = CommandTable()) -> String {
    runScript(source, commands: commands)
}
