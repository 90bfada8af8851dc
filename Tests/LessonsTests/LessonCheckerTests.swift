import Foundation
import PanyaLanguage
import PanyaSupport
import Testing
@testable import Lessons

let passingLesson = """
lesson "Passing" --clock "2026-04-01T06:00:00+09:00"

step "Start" {
  say "Start the model."
  task "start it" {
    check model().status == "STARTING"
    solution "model start"
  }
  model wait
  let r = detect lessons/photos/breads3.jpg --min-confidence 75
  quiz "how many?" {
    answer len(r.labels)
  }
  register add $r
  expect register_total().subtotal == 550, "register subtotal"
}

"""

let failingLesson = """
lesson "Failing"

step "Start" {
  model start
  model wait
  let r = detect lessons/photos/breads3.jpg
  register add $r
  quiz "sum?" {
    answer 180 + 150 + 220
  }
    expect register_total().subtotal == 550, "register subtotal"
}

"""

@Suite struct LessonCheckerTests {
    func check(_ files: [String: String], paths: [String]? = nil) throws -> (Int32, String, FakeFactory) {
        let folder = try lessonFolder(files)
        defer { folder.remove() }
        let dir = folder.path
        let factory = FakeFactory()
        var out = ""
        let status = LessonChecker(factory: factory, language: .en).run(paths: paths.map { $0.map { dir + "/" + $0 } } ?? [dir]) { out += $0 }
        return (status, out, factory)
    }

    @Test func explainShowsEachQuizsAnswerAsEvaluatedInTheRun() throws {
        let folder = try lessonFolder(["01-pass.panya": passingLesson.replacingOccurrences(of: "answer len(r.labels)", with: "answer len(r.labels) or \"three\"")])
        defer { folder.remove() }
        let checker = LessonChecker(factory: FakeFactory(), language: .en)
        checker.explain = true
        var out = ""
        #expect(checker.run(paths: [folder.path]) { out += $0 } == 0)
        #expect(out == """
            ok   01-pass.panya
                 quiz 11: how many? → 3 | three
            1 passed, 0 failed

            """)
    }

    @Test func passingAndFailingLessonsExactLines() throws {
        let (status, out, factory) = try check(["01-pass.panya": passingLesson, "02-fail.panya": failingLesson])
        #expect(out == """
            ok   01-pass.panya
            FAIL 02-fail.panya:11:5: expect failed: register subtotal
            1 passed, 1 failed

            """)
        #expect(status == 1)
        #expect(factory.purposes == [.check, .check])
        #expect(factory.made.count == 2, "each lesson alone with fresh state")
        #expect(factory.made[0].appliedOptions.first?["clock"] == .string("2026-04-01T06:00:00+09:00"))
    }

    @Test func allPassingExitsZero() throws {
        let (status, out, _) = try check(["01-pass.panya": passingLesson, "01-pass.en.panya": passingLesson])
        #expect(out == "ok   01-pass.en.panya\nok   01-pass.panya\n2 passed, 0 failed\n")
        #expect(status == 0)
    }

    @Test func aCheckThatStaysFalseAfterTheSolution() throws {
        let lesson = """
        lesson "Wrong solution"
        step "one" {
          task "start" {
            check model().status == "RUNNING"
            solution "model start"
          }
        }
        """
        let (status, out, _) = try check(["03-x.panya": lesson])
        #expect(out == "FAIL 03-x.panya:4:11: check failed after the solution: model().status == \"RUNNING\"\n0 passed, 1 failed\n")
        #expect(status == 1)
    }

    @Test func aTaskAlreadyDoneBeforeTheSolutionFails() throws {
        let lesson = """
        lesson "Too easy"
        step "one" {
          counter add 3
          task "make the counter 3" {
            check counter() == 3
            solution "counter"
          }
        }
        """
        let (status, out, _) = try check(["04-easy.panya": lesson])
        #expect(out == "FAIL 04-easy.panya:4:3: task is already done before anything is typed (any line would pass): counter() == 3\n0 passed, 1 failed\n")
        #expect(status == 1)
    }

    @Test func failuresInSolutionsDemosAnswersAndSyntax() throws {
        let badSolution = "lesson \"a\"\nstep \"s\" {\n  task \"t\" {\n    check counter() == 1\n    solution \"detect x.jpg\"\n  }\n}\n"
        let badDemo = "lesson \"b\"\nstep \"s\" {\n  detect x.jpg\n}\n"
        let badAnswer = "lesson \"c\"\nstep \"s\" {\n  quiz \"q\" {\n    answer nope\n  }\n}\n"
        let noSolution = "lesson \"d\"\nstep \"s\" {\n  task \"t\" {\n    check true\n  }\n}\n"
        let syntax = "lesson \"e\"\nstep \"s\" {\n  let = 3\n}\n"
        let noHeader = "step \"s\" {\n  say \"hi\"\n}\n"
        let (status, out, _) = try check(["a.panya": badSolution, "b.panya": badDemo, "c.panya": badAnswer,
                                          "d.panya": noSolution, "e.panya": syntax, "f.panya": noHeader])
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.count == 7)
        #expect(lines[0] == "FAIL a.panya:3:3: solution 'detect x.jpg' failed: ResourceNotReadyException: the model is not running")
        #expect(lines[1] == "FAIL b.panya:3:3: ResourceNotReadyException: the model is not running")
        #expect(lines[2].hasPrefix("FAIL c.panya:4:12: quiz answer could not be evaluated: "))
        #expect(lines[3] == "FAIL d.panya:3:3: task has no solution to type")
        #expect(lines[4].hasPrefix("FAIL e.panya:3:"))
        #expect(lines[5] == "FAIL f.panya:1:1: the lesson must start with: lesson \"title\"")
        #expect(lines[6] == "0 passed, 6 failed")
        #expect(status == 1)
    }

    @Test func longMessagesKeepOneLinePerLesson() {
        let failure = Diagnostic(file: "x.panya", span: SourceSpan(line: 3, column: 1, length: 5),
                                 message: .verbatim("first line\nhow to fix it"), code: "InvalidRecording")
        let result = LessonCheckResult(path: "lessons/x.panya", fileName: "x.panya", failure: failure)
        #expect(result.line() == "FAIL x.panya:3:1: InvalidRecording: first line\n     how to fix it")
        #expect(LessonCheckResult(path: "a", fileName: "a.panya", failure: nil).line() == "ok   a.panya")
    }

    @Test func missingFilesAndEmptyFolders() throws {
        let (status, out, _) = try check([:], paths: ["nope.panya"])
        #expect(out.hasPrefix("FAIL nope.panya: cannot read"))
        #expect(out.hasSuffix("0 passed, 1 failed\n"))
        #expect(status == 1)
        let (status2, out2, _) = try check([:])
        #expect(out2.hasSuffix("0 passed, 0 failed\n"))
        #expect(status2 == 1)
    }
}

@Suite struct LessonLibraryTests {
    @Test func listPicksTheLanguageAndReadsTitles() throws {
        let folder = try lessonFolder([
            "01-ai-register.panya": "# comment\nlesson \"AIレジ\" --clock \"2026-04-01T06:00:00+09:00\"\n",
            "01-ai-register.en.panya": "lesson \"The AI register\" --lang en\n",
            "02-threshold-puzzle.panya": "lesson \"しきい値\"\n",
            "notes.txt": "x",
        ])
        defer { folder.remove() }
        let dir = folder.path
        let library = LessonLibrary(directory: dir)
        #expect(library.files.map(\.fileName) == ["01-ai-register.en.panya", "01-ai-register.panya", "02-threshold-puzzle.panya"])
        #expect(library.lessons(language: .ja).map(\.title) == ["AIレジ", "しきい値"])
        #expect(library.lessons(language: .en).map(\.title) == ["The AI register", "しきい値"])
        #expect(try library.resolve("1", language: .en).key == "01-ai-register")
        #expect(try library.resolve("2", language: .en).language == .ja)
        #expect(throws: LessonError.noSuchLesson("7")) { try library.resolve("7", language: .ja) }
    }
}
