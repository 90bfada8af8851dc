import PanyaLanguage
import PanyaSupport
import Testing
@testable import Shell

private let labels = ["あんぱん", "メロンパン", "焼きそばパン"]

/// A fake file system: lessons/ with photos/ and a script, a hidden file, a home folder.
private let files: @Sendable (String) -> [CompletionEngine.FileEntry]? = { directory in
    switch directory {
    case ".", "./":
        return [.init(name: "lessons", isDirectory: true), .init(name: "mock-responses", isDirectory: true),
                .init(name: "tray.panya", isDirectory: false), .init(name: ".hidden", isDirectory: false)]
    case "lessons/", "./lessons/":
        return [.init(name: "photos", isDirectory: true), .init(name: "01-はじめて.md", isDirectory: false)]
    case "lessons/photos/":
        return [.init(name: "breads3.jpg", isDirectory: false), .init(name: "breads1.jpg", isDirectory: false),
                .init(name: "メロンパン.png", isDirectory: false)]
    case "/home/student/":
        return [.init(name: "写真", isDirectory: true)]
    default:
        return nil
    }
}

/// The real shell's commands, as declared by its families.
private let shellCommands: [CompletionEngine.Command] = {
    ((try? SessionHarness())?.session.commands.all ?? []).map(CompletionEngine.Command.init)
}()

private let engine = CompletionEngine(
    commands: shellCommands,
    variables: ["total", "合計", "r"],
    labels: labels,
    homeDirectory: "/home/student",
    listDirectory: files
)

/// Completes with the cursor at the end of `line`.
private func complete(_ line: String) -> Completion {
    engine.complete(line: line, cursor: line.count)
}

@Test func firstWordOffersCommandsVariablesAndFunctions() {
    #expect(complete("mo").candidates == ["model", "models"])
    #expect(complete("to").candidates == ["total"])
    #expect(complete("合").candidates == ["合計"])
    #expect(complete("pri").candidates == ["print"])
    #expect(complete("re").candidates == ["record", "recording", "register"])
    #expect(complete("").candidates.contains("detect"))
    #expect(complete("").candidates.contains("let"))
}

@Test(arguments: [
    ("model ", ["start", "stop", "use", "wait"]),
    ("model st", ["start", "stop"]),
    ("register p", ["price", "prices"]),
    ("lesson ", ["list", "next", "reset", "start", "status"]),
    ("clock a", ["advance"]),
])
func subWordsOfMultiWordCommands(line: String, expected: [String]) {
    #expect(complete(line).candidates == expected)
}

@Test func flagsOfTheCommand() {
    #expect(complete("detect lessons/photos/breads3.jpg --m").candidates == ["--max-results", "--min-confidence"])
    #expect(complete("model start --").candidates == ["--max-units", "--units"])
    #expect(complete("register total --t").candidates == ["--tax"])
    #expect(complete("model stop --").candidates == [])
}

@Test func labelsAfterRegisterCommands() {
    #expect(complete("register add メ").candidates == ["メロンパン"])
    #expect(complete("register add メ").action == .replace("メロンパン "))
    #expect(complete("register price 焼").candidates == ["焼きそばパン"])
    #expect(complete("register remove ").candidates == labels.sorted())
    // Only the label position: the price after it is not a label.
    #expect(complete("register price メロンパン ").candidates == [])
    // A quoted label completes inside the quotes.
    #expect(complete("register add \"あ").candidates == ["\"あんぱん\""])
}

@Test func pathsForPhotoCommandsAndPathLikeWords() {
    #expect(complete("detect ").candidates == ["lessons/", "mock-responses/", "tray.panya"])
    #expect(complete("detect l").action == .replace("lessons/"))
    #expect(complete("detect lessons/photos/b").candidates == ["lessons/photos/breads1.jpg", "lessons/photos/breads3.jpg"])
    #expect(complete("detect lessons/photos/b").action == .replace("lessons/photos/breads"))
    #expect(complete("inspect lessons/photos/メ").action == .replace("lessons/photos/メロンパン.png "))
    #expect(complete("show lessons/").candidates == ["lessons/01-はじめて.md", "lessons/photos/"])
    #expect(complete("show x.jpg --out lessons/p").candidates == ["lessons/photos/"])
    #expect(complete("detect .").candidates == [".hidden"])
    #expect(complete("detect ~/").candidates == ["~/写真/"])
    // A path-looking word completes as a file after any command.
    #expect(complete("register add ./less").candidates == ["./lessons/"])
}

@Test func assignmentAndStatementsStartACommand() {
    #expect(complete("let r = detect lessons/ph").candidates == ["lessons/photos/"])
    #expect(complete("r = mod").candidates == ["model", "models"])
    #expect(complete("model start; register a").candidates == ["add"])
}

@Test func variablesWithDollarAndInsideExpressions() {
    #expect(complete("register add $").candidates == ["$r", "$total", "$合計"])
    #expect(complete("print(to").candidates == ["total"])
    #expect(complete("print(to").word == "to")
    #expect(complete("let x = len(合").candidates == ["合計"])
    #expect(complete("print(r.la").candidates == [])
}

@Test func cursorInTheMiddleCompletesTheWordBeforeIt() {
    let line = "register add メ --qty 2"
    let completion = engine.complete(line: line, cursor: "register add メ".count)
    #expect(completion.word == "メ")
    #expect(completion.candidates == ["メロンパン"])
}

@Test func nothingToOfferBeeps() {
    #expect(complete("zzz").action == .beep)
    #expect(complete("model stop x").action == .beep)
    #expect(complete("detect nowhere/x").action == .beep)
}

@Test func fullWidthSpaceSeparatesWords() {
    #expect(complete("register\u{3000}add\u{3000}メ").candidates == ["メロンパン"])
}

// MARK: from the host's command table


private func command(_ name: String, arguments: [ArgumentSpec] = [], flags: [FlagSpec] = []) -> PanyaLanguage.Command {
    PanyaLanguage.Command(name, summary: .verbatim(name), arguments: arguments, flags: flags) { _ in .null }
}

@Test func commandsReadTheirDeclaration() {
    let detect = CompletionEngine.Command(command("detect", arguments: [.required("PHOTO", .photo)],
                                                  flags: [.value("min-confidence", "N", .anyNumber, .verbatim("")), .switch("json", .verbatim(""))]))
    #expect(detect.words == ["detect"])
    #expect(detect.flags == ["--min-confidence", "--json"])
    #expect(detect.argument == .path)
    let show = CompletionEngine.Command(command("show", arguments: [.required("PHOTO|RESULT", .value, completion: .path)],
                                                flags: [.value("out", "FILE.jpg", .path, .verbatim(""))]))
    #expect(show.pathFlags == ["--out"])
    #expect(show.argument == .path)
    let add = CompletionEngine.Command(command("register add", arguments: [.required("RESULT|LABEL", .value, completion: .label)]))
    #expect(add.words == ["register", "add"])
    #expect(add.argument == .label)
    let start = CompletionEngine.Command(command("model start", flags: [.value("units", "N", .wholeNumber(1...100), .verbatim(""))]))
    #expect(start.argument == .none)
    #expect(start.flags == ["--units"])
    #expect(start.pathFlags == [])
}

@Test func anEngineOverACommandTable() {
    let table = CommandTable()
    table.register(command("register add", arguments: [.required("RESULT|LABEL", .value, completion: .label), .optional("QTY", .wholeNumber(1...9))]))
    table.register(command("register total", flags: [.value("tax", "8|10", .choice(["8", "10"]), .verbatim("")),
                                                     .value("rounding", "R", .choice(["floor", "round", "ceil"]), .verbatim(""))]))
    table.register(command("thresholds"))
    let engine = CompletionEngine(commandTable: table, variables: ["メロン価格"], labels: labels, homeDirectory: "", listDirectory: files)
    #expect(engine.complete(line: "thr", cursor: 3).action == .replace("thresholds "))
    #expect(engine.complete(line: "reg", cursor: 3).action == .replace("register "))
    #expect(engine.complete(line: "register ", cursor: 9).candidates == ["add", "total"])
    #expect(engine.complete(line: "register total --r", cursor: 18).candidates == ["--rounding"])
    #expect(engine.complete(line: "register add あ", cursor: 14).candidates == ["あんぱん"])
    #expect(engine.complete(line: "print(メロン", cursor: 9).candidates == ["メロン価格"])
}
