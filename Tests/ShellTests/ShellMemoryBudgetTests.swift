import Foundation
import PanyaLanguage
import PanyaSupport
import PanyaTestSupport
import Testing
@testable import Shell

/// The session's memory budget: its prompt, its scripts and a student's program under it.
@Suite struct ShellMemoryBudgetTests {
    /// Strings of 131,072 bytes kept in a map until the budget of 4 MiB is reached.
    static let fill = "let s = \"x\"\nwhile len(s) < 100000 { s += s }\nlet m = {}\nfor i in range(0, 100) { m[str(i)] = s + str(i) }"

    private func session(budget: Int?, output: OutputCapture) throws -> ShellSession {
        var options = ShellOptions()
        options.databasePath = ":memory:"
        options.assetsRoot = RepositoryRoot.path
        if let budget { options.memoryBudget = budget }
        return try ShellSession(options: options, output: { output.append($0) })
    }

    @Test func thePromptStopsTheStatementAndKeepsWhatWasStored() throws {
        let output = OutputCapture()
        let session = try session(budget: 4 << 20, output: output)
        #expect(session.interpreter.memoryBudget == 4 << 20)
        session.runEntry(Self.fill)
        #expect(output.text.contains("line 4"))
        #expect(output.text.contains("budget of 4 MiB"))
        output.clear()
        session.runEntry("len(m) > 10 and len(m) < 32")
        #expect(output.text == "true\n")
    }

    @Test func aStudentsProgramRunsUnderTheSessionsBudget() throws {
        let session = try session(budget: 4 << 20, output: OutputCapture())
        let result = session.runStudentProgram(Self.fill + "\nfn total(lines) { return 0 }", file: "register.panya", call: "total([])") { false }
        guard case .failure(let diagnostic) = result else { Issue.record("the program ran past its budget"); return }
        #expect(diagnostic.span.line == 4)
        #expect(diagnostic.message.en.contains("4 MiB"))
    }

    @Test func theStandardBudgetByDefault() throws {
        let session = try session(budget: nil, output: OutputCapture())
        #expect(ShellOptions().memoryBudget == nil)  // nil: the language's standard budget
        #expect(session.interpreter.memoryBudget == MemoryBudget.standard)
    }
}
