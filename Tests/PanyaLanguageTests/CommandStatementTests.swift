import Testing
import PanyaSupport
@testable import PanyaLanguage

/// A fake backend error, as a backend would throw it.
struct FakeServiceError: UserFacingError {
    var message: Message { Message(en: "The model version is not running.", ja: "モデルが動いていません。") }
    var code: String? { "ResourceNotReadyException" }
}

/// A command table that records every call.
final class Recorder {
    var calls: [CommandCall] = []
    let table = CommandTable()

    init() {
        for (name, flags) in [("detect", ["min-confidence", "max-results", "json"]), ("model", []), ("model start", ["units"]),
                              ("model wait", []), ("register add", []), ("register price", []), ("register total", ["tax", "rounding"])] {
            let specs: [FlagSpec] = flags.map { $0 == "json" ? .switch($0, .verbatim($0)) : .value($0, "V", .value, .verbatim($0)) }
            let arguments: [ArgumentSpec] = [.repeated("ARG", .value, optional: true)]
            table.register(Command(name, summary: .verbatim(name), arguments: arguments, flags: specs) { [unowned self] call in
                self.calls.append(call)
                return .record(Record(kind: "call", fields: [("name", .string(call.name)), ("positional", .list(call.positional)), ("flags", .map(call.flags))]))
            })
        }
        table.register(Command("fail", summary: .verbatim("f")) { _ in throw FakeServiceError() })
        table.register(Command("need", summary: .verbatim("n"), arguments: [.required("PHOTO", .photo)]) { call in .string(try call.string(at: 0)) })
    }

    var last: CommandCall? { calls.last }
}

@Suite struct CommandStatementTests {
    func run(_ source: String) -> (Recorder, Diagnostic?) {
        let recorder = Recorder()
        let (interpreter, _) = makeInterpreter(commands: recorder.table)
        let d = interpreter.run(source: source, file: "c.panya")
        return (recorder, d)
    }

    @Test func bareWordsNumbersAndFlags() throws {
        let (r, d) = run("detect lessons/photos/breads3.jpg --min-confidence 75 --json")
        #expect(d == nil)
        let call = try #require(r.last)
        #expect(call.name == "detect")
        #expect(call.positional == [.string("lessons/photos/breads3.jpg")])
        #expect(call.flags == OrderedMap([("min_confidence", .number(75)), ("json", .bool(true))]))
        #expect(call.span == SourceSpan(line: 1, column: 1, endLine: 1, endColumn: 61))
    }

    @Test func quotedStringsVariablesAndExpressions() throws {
        let (r, d) = run(#"let p = "a b.jpg"; let n = 70; detect $p "x y.jpg" (n + 5) --max-results (n / 7) ; model"#)
        #expect(d == nil)
        #expect(r.calls.count == 2)
        let call = r.calls[0]
        #expect(call.positional == [.string("a b.jpg"), .string("x y.jpg"), .number(75)])
        #expect(call.flags["max_results"] == .number(10))
        #expect(r.calls[1].name == "model")
    }

    @Test func japaneseBareWords() throws {
        let (r, d) = run("register price メロンパン 180")
        #expect(d == nil)
        #expect(r.last?.name == "register price")
        #expect(r.last?.positional == [.string("メロンパン"), .number(180)])
    }

    @Test func multiWordCommandsAreGreedy() throws {
        let (r, _) = run("model start --units 2\nmodel\nmodel wait")
        #expect(r.calls.map(\.name) == ["model start", "model", "model wait"])
        #expect(r.calls[0].flags["units"] == .number(2))
    }

    @Test func modelFollowedByAnUnknownWordIsAnArgument() throws {
        let (r, d) = run("model verification001")
        #expect(d == nil)
        #expect(r.last?.name == "model")
        #expect(r.last?.positional == [.string("verification001")])
    }

    @Test func functionForm() throws {
        let (r, d) = run("let x = model_start(units: 1)\nlet y = detect(\"a.jpg\", min_confidence: 75)\nprint(x.name)")
        #expect(d == nil)
        #expect(r.calls[0].name == "model start")
        #expect(r.calls[0].flags == OrderedMap([("units", .number(1))]))
        #expect(r.calls[1].positional == [.string("a.jpg")])
        #expect(r.calls[1].flags["min_confidence"] == .number(75))
    }

    @Test func commandOnTheRightOfLet() throws {
        let recorder = Recorder()
        let (interpreter, sink) = makeInterpreter(commands: recorder.table)
        #expect(interpreter.run(source: "let r = detect breads3.jpg --min-confidence 75\nprint(r.flags)\nr = model", file: "c") == nil)
        #expect(sink.text == "{\"min_confidence\": 75}\n")
        #expect(interpreter.global("r")?.asRecord?["name"] == .string("model"))
    }

    @Test func commandValueIsShownAtThePrompt() throws {
        let recorder = Recorder()
        let (interpreter, sink) = makeInterpreter(commands: recorder.table)
        let shown = try interpreter.evaluateEntry("model")
        #expect(shown?.asRecord?.kind == "call")
        #expect(sink.text == "")
    }

    @Test func commandFollowedByOperatorIsAnExpression() throws {
        let (_, d) = run("print(model == model)\nlet same = model_start == model_start\nprint(same)")
        #expect(d == nil)
    }

    @Test func unknownFlagSuggests() throws {
        let (_, d) = run("detect a.jpg --min-confidense 75")
        #expect(d?.message.en == "'detect' has no flag --min-confidense; did you mean --min-confidence?")
        #expect(d?.span == SourceSpan(line: 1, column: 14, endLine: 1, endColumn: 33))
    }

    @Test func unknownCommandSuggests() {
        #expect(run("detcet a.jpg").1?.message.en == "unknown command 'detcet'; did you mean 'detect'?")
        #expect(run("register ad x").1?.message.en == "unknown command 'register ad'; did you mean 'register add'?")
        #expect(run("print \"hi\"").1?.message == Catalog.callNeedsParentheses("print"))
    }

    @Test func userFacingErrorsCarryTheirCode() throws {
        let source = "let a = 1\nfail"
        let (_, d) = run(source)
        let diagnostic = try #require(d)
        #expect(diagnostic.code == "ResourceNotReadyException")
        #expect(diagnostic.span == SourceSpan(line: 2, column: 1, length: 4))
        #expect(DiagnosticRenderer.render(source: source, diagnostics: [diagnostic], language: .ja) == """
        c.panya:2:1: エラー: ResourceNotReadyException: モデルが動いていません。
          2 | fail
            | ^~~~

        """)
    }

    @Test func argumentHelpersThrowClearErrors() {
        #expect(run("need").1?.message.en == "'need' needs PHOTO; usage: need PHOTO")
        #expect(run("need ([1])").1?.message.en == "argument PHOTO of 'need' must be a string, not list")
    }

    @Test func callHelpers() throws {
        let call = CommandCall(name: "t", positional: [.string("a"), .number(3)], flags: OrderedMap([("units", .number(2)), ("json", .bool(true))]))
        #expect(try call.string(at: 0) == "a")
        #expect(try call.string(at: 1) == "3")
        #expect(try call.number(at: 1) == 3)
        #expect(try call.optionalString(at: 5) == nil)
        #expect(try call.int(flag: "units") == 2)
        #expect(try call.number(flag: "min-confidence") == nil)
        #expect(try call.bool(flag: "json"))
        #expect(try !call.bool(flag: "quiet"))
        #expect(throws: CommandArgumentError.self) { try call.number(at: 0) }
    }

    @Test func commandsMayBeUsedInsideBlocks() throws {
        let (r, d) = run("for i in range(0, 2) { model start --units (i + 1) }\nif true { model }")
        #expect(d == nil)
        #expect(r.calls.map { $0.flags["units"] } == [.number(1), .number(2), nil])
    }

    @Test func lookAlikeInABareWordIsDiagnosed() {
        #expect(run("detect a.jpg --min-confidence ７５").1?.message.en == "full-width '７' is not allowed here; type the half-width '7' instead")
    }

    @Test func functionFormChecksFlags() {
        #expect(run("model_start(unit: 1)").1?.message.en == "'model start' has no flag --unit; did you mean --units?")
        #expect(run("model(json: true)").1?.message.en == "'model' takes no flags (got --json)")
    }

    @Test func aDiagnosticThrownByACommandPassesThrough() throws {
        let table = CommandTable()
        let own = Diagnostic(file: "photo.jpg", span: SourceSpan(line: 9, column: 9, length: 1), message: .verbatim("bad photo"), code: "InvalidImageFormatException")
        table.register(Command("check photo", summary: .verbatim("c")) { _ in throw own })
        let (interpreter, _) = makeInterpreter(commands: table)
        #expect(interpreter.run(source: "check photo", file: "c") == own)
    }

    @Test func commandStatementsAtThePromptAcrossLines() throws {
        let recorder = Recorder()
        let (interpreter, _) = makeInterpreter(commands: recorder.table)
        let shown = try interpreter.evaluateEntry("let n = 2\nmodel start --units (n +\n 1)")
        #expect(shown?.asRecord?["flags"] == .map(OrderedMap([("units", .number(3))])))
    }

    @Test func interpolatedStringsAsArguments() throws {
        let (r, d) = run(#"let name = "breads3"; detect "photos/{name}.jpg" --max-results 1"#)
        #expect(d == nil)
        #expect(r.last?.positional == [.string("photos/breads3.jpg")])
    }

    @Test func tableNamesAreSorted() {
        let r = Recorder()
        #expect(r.table.names == r.table.names.sorted())
        #expect(r.table.command(named: "model start")?.functionName == "model_start")
        #expect(r.table.command(functionNamed: "model_start")?.name == "model start")
    }
}

@Suite struct CommandPathArgumentTests {
    @Test(arguments: ["detect /tmp/tray.jpg", "detect ./tray.jpg", "detect ../photos/tray.jpg"])
    func aSlashOrDotAfterASpaceStartsAPath(line: String) throws {
        let commands = CommandTable()
        var seen: [Value] = []
        commands.register(Command("detect", summary: .verbatim("d"), arguments: [.required("PHOTO", .photo)]) { call in
            seen = call.positional
            return .null
        })
        let interpreter = Interpreter(commands: commands, language: .en, output: { _ in })
        #expect(interpreter.run(source: line, file: "t.panya") == nil)
        #expect(seen == [.string(String(line.dropFirst("detect ".count)))])
    }
}

@Suite struct CommandExpressionArgumentTests {
    @Test func aParenthesisAfterASpaceIsAnExpressionArgument() throws {
        let commands = CommandTable()
        var calls: [CommandCall] = []
        commands.register(Command("detect", summary: .verbatim("d"), arguments: [.required("PHOTO", .photo)],
                                  flags: [.value("min-confidence", "N", .anyNumber, .verbatim(""))]) { call in
            calls.append(call)
            return .null
        })
        let interpreter = Interpreter(commands: commands, language: .en, output: { _ in })
        #expect(interpreter.run(source: "let p = \"a\" + \".jpg\"\ndetect (p) --min-confidence 75\ndetect(p, min_confidence: 80)", file: "t.panya") == nil)
        #expect(calls.count == 2)
        #expect(calls.first?.positional == [.string("a.jpg")])
        #expect(calls.first?.flags["min_confidence"] == .number(75))
        #expect(calls.last?.flags["min_confidence"] == .number(80))
    }
}
