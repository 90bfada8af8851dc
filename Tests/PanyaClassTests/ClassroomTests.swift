import Foundation
import Hummingbird
import Testing
@testable import PanyaClass

@Suite("The class's roster, names and secrets")
struct ClassroomTests {
    @Test(arguments: ["pan-1234", "PAN 1234", " pan1234 ", "PAN-1234"])
    func aClassCodeIsReadAsTypedOnAPhone(_ typed: String) {
        #expect(ClassSecrets.normalizedCode(typed) == "PAN-1234")
    }

    @Test func secretsCompareWholeAndTokensAreKeptAsDigests() throws {
        #expect(ClassSecrets.same("abc", "abc"))
        #expect(!ClassSecrets.same("abc", "abd"))
        #expect(!ClassSecrets.same("abc", "abcd"))
        let token = ClassSecrets.newToken()
        #expect(token.count == 32 && token.allSatisfy(\.isHexDigit))
        #expect(ClassSecrets.newToken() != token)
        #expect(ClassSecrets.digest(token).count == 64)
        let fixture = try ClassFixture()
        let (student, issued) = try fixture.classroom.join(name: "Ken", code: "PAN-1234")
        #expect(student.tokenDigest == ClassSecrets.digest(issued))
        let stored = try fixture.classroom.students().map(\.tokenDigest)
        #expect(!stored.contains(issued))
    }

    @Test(arguments: [("", "BadName"), ("   ", "BadName"), (String(repeating: "あ", count: 41), "BadName"), ("a\u{0}b", "BadName"), ("a\nb", "BadName")])
    func namesThatCannotBeShownAreRefused(_ name: String, _ code: String) throws {
        #expect(throws: ClassError.self) { try Classroom.checkedName(name) }
        do { _ = try Classroom.checkedName(name) } catch let error as ClassError { #expect(error.code == code) }
    }

    @Test func aNameOfFortyCharactersAndMarkupIsKeptAsTyped() throws {
        #expect(try Classroom.checkedName(" " + String(repeating: "パ", count: 40) + " ") == String(repeating: "パ", count: 40))
        #expect(try Classroom.checkedName("<b>Ken</b>") == "<b>Ken</b>")
    }

    @Test func theCodeAndPasswordSurviveARestart() throws {
        let fixture = try ClassFixture()
        var options = fixture.classroom.options
        options.classCode = nil
        options.teacherPassword = nil
        let reopened = try Classroom(options: options)
        #expect(reopened.classCode == "PAN-1234")
        #expect(reopened.teacherPassword == "pw-test")
    }

    @Test func eachStudentHasTheirOwnDatabaseAndStarterCode() throws {
        let fixture = try ClassFixture()
        let (a, _) = try fixture.classroom.join(name: "A", code: "PAN-1234")
        let (b, _) = try fixture.classroom.join(name: "B", code: "PAN-1234")
        let deskA = fixture.classroom.desk(for: a), deskB = fixture.classroom.desk(for: b)
        #expect(deskA.databasePath != deskB.databasePath)
        #expect(FileManager.default.fileExists(atPath: deskA.databasePath))
        #expect(FileManager.default.fileExists(atPath: deskB.codePath))
        #expect((deskA.folder as NSString).lastPathComponent == "s1")
    }

    @Test func theScreenAndTheConsoleShellShareTheDesksSession() async throws {
        let fixture = try ClassFixture()
        let (student, _) = try fixture.classroom.join(name: "Hana", code: "PAN-1234")
        let desk = fixture.classroom.desk(for: student)
        let typed = try await desk.runShell { shell, _ in try ConsoleCommand.text(shell, "register add メロンパン 2") }
        #expect(typed.contains("メロンパン"))
        let shared = try await desk.runShell { shell, _ in ObjectIdentifier(shell.core) }
        let state = try await desk.run { session, _ in (ObjectIdentifier(session), try session.registerState().total.total) }
        #expect(state.0 == shared)
        // 2 × 180 yen, 8 % tax 28.8 rounded down to 28.
        #expect(state.1 == 388)
        desk.close()
        let reopened = try await desk.run { session, _ in (ObjectIdentifier(session), try session.registerState().lines.map(\.qty)) }
        #expect(reopened.1 == [2])
    }

    @Test func eachStudentHasTheirOwnMemoryBudget() async throws {
        #expect(ClassOptions().studentMemoryBudget == 64 << 20)
        let fixture = try ClassFixture { $0.studentMemoryBudget = 4 << 20 }
        let (a, _) = try fixture.classroom.join(name: "A", code: "PAN-1234")
        let (b, _) = try fixture.classroom.join(name: "B", code: "PAN-1234")
        let deskA = fixture.classroom.desk(for: a), deskB = fixture.classroom.desk(for: b)
        // 24 strings of 128 KiB (3 MiB) each: twice as much as one budget holds, once per student.
        let fill = "let s = \"x\"\nwhile len(s) < 100000 { s += s }\nlet m = {}\nfor i in range(0, 24) { m[str(i)] = s + str(i) }"
        let first = try await deskA.runShell { session, _ in session.interpreter.run(source: fill, file: "a.panya")?.message.en }
        #expect(first == nil)
        let other = try await deskB.runShell { session, _ in session.interpreter.run(source: fill, file: "b.panya")?.message.en }
        #expect(other == nil)
        // A's own budget is nearly used: 24 more strings are refused to A.
        let more = "for i in range(24, 48) { m[str(i)] = s + str(i) }"
        let refused = try await deskA.runShell { session, _ in session.interpreter.run(source: more, file: "a.panya")?.message.en }
        #expect(refused?.contains("budget of 4 MiB") == true)
        let terminal = try deskA.terminalSession(language: .en) { _ in }
        #expect(terminal.interpreter.memoryBudget == 4 << 20)
    }

    @Test func uploadsArePacedBySlidingMinute() {
        let limit = RateLimit(perMinute: 2)
        #expect(limit.allow(1, now: 0))
        #expect(limit.allow(1, now: 1))
        #expect(!limit.allow(1, now: 2))
        #expect(limit.allow(2, now: 2))
        #expect(limit.allow(1, now: 61))
    }

    @Test func csvCellsThatLookLikeFormulasStayText() {
        #expect(TeacherRoutes<Hummingbird.BasicRequestContext>.csvCell("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0")
        #expect(TeacherRoutes<Hummingbird.BasicRequestContext>.csvCell("a,\"b\"") == "\"a,\"\"b\"\"\"")
    }
}
