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

private let engine = CompletionEngine(
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
    #expect(complete("re").candidates == ["record", "register"])
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
    #expect(complete("model start --").candidates == ["--units"])
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
