import Foundation
import PanyaLanguage
import PanyaSupport
import PanyaTestSupport
import Testing
@testable import Shell

/// One declaration gives a command its usage, help, completion and argument checking.
@Suite struct CommandDeclarationTests {
    /// A family with one new command, as a future floor would add it.
    struct BakeFamily: CommandFamily {
        var title: Message { .verbatim("Bake") }
        var commands: [Command] {
            [Command("bake bread", summary: Message(en: "bake a tray", ja: "トレイを焼く"),
                     arguments: [.required("LABEL", .label, .verbatim("what to bake"))],
                     flags: [.value("minutes", "N", .wholeNumber(1...60), .verbatim("how long")), .switch("crisp", .verbatim("extra crisp"))]) { call in
                .string(try call.string(at: 0) + " " + String(try call.int(flag: "minutes") ?? 20))
            }]
        }
    }

    @Test func aNewCommandAppearsInHelpCompletionAndChecking() throws {
        let h = try SessionHarness()
        h.session.commands.register(BakeFamily())
        // help: the overview and the command's own page come from the declaration.
        #expect(h.type("help").contains("bake bread LABEL [--minutes N] [--crisp]"))
        #expect(h.type("help bake bread") == """
            bake bread LABEL [--minutes N] [--crisp]
              bake a tray
              arguments:
                LABEL  what to bake
              flags:
                --minutes N  how long
                --crisp      extra crisp
              as a function: bake_bread(...)

            """)
        // completion: the words, the flags, labels for the argument.
        let engine = CompletionEngine(commandTable: h.session.commands, variables: [], labels: ["あんぱん"], homeDirectory: "")
        #expect(engine.complete(line: "bake ", cursor: 5).candidates == ["bread"])
        #expect(engine.complete(line: "bake bread --", cursor: 13).candidates == ["--crisp", "--minutes"])
        #expect(engine.complete(line: "bake bread あ", cursor: 12).candidates == ["あんぱん"])
        // checking: flags, kinds and limits.
        #expect(h.type("bake bread あんぱん --minutes 5") == "あんぱん 5\n")
        #expect(h.type("bake bread あんぱん --minuts 5").contains("'bake bread' has no flag --minuts; did you mean --minutes?"))
        #expect(h.type("bake bread あんぱん --minutes 90").contains("--minutes of 'bake bread' must be a whole number from 1 to 60, not 90"))
        #expect(h.type("bake bread").contains("'bake bread' needs LABEL; usage: bake bread LABEL [--minutes N] [--crisp]"))
        #expect(h.type("bake bred あんぱん").contains("unknown command 'bake bred'; did you mean 'bake bread'?"))
    }

    @Test(arguments: [
        ("model stpo", "'model' does not take 'stpo'; did you mean 'model stop'?"),
        ("register chekcout", "'register' does not take 'chekcout'; did you mean 'register checkout'?"),
        ("clock advanse 3h", "'clock' does not take 'advanse'; did you mean 'clock advance'?"),
        ("backend nonsense", "'backend' does not take 'nonsense' (too many arguments); usage: backend"),
        ("quit(5)", "'quit' does not take '5' (too many arguments); usage: quit"),
        ("model start --units 999999999999999", "--units of 'model start' must be a whole number from 1 to 100, not 999999999999999"),
        ("detect lessons/photos/breads3.jpg --max-results 99999999999999999999",
         "--max-results of 'detect' must be a whole number from 0 to 2,147,483,647, not 100000000000000000000"),
        ("register add メロンパン 100000000", "QTY of 'register add' must be a whole number from 1 to 1,000,000, not 100000000"),
        ("register price メロンパン 100000000", "YEN of 'register price' must be a number from 0 to 1,000,000, not 100000000"),
        ("register total --tax 9", "--tax of 'register total' is one of 8, 10, not '9'"),
        ("detect lessons/photos/breads3.jpg --json 1", "--json of 'detect' is a switch: give it alone, without a value"),
        ("model use\u{200B}x", "'model' does not take 'useU+200Bx'"),
    ])
    func typosAndLimitsAreErrorsThatSayWhy(line: String, message: String) throws {
        let h = try SessionHarness()
        let out = h.type(line)
        #expect(out.contains(message), "\(out)")
        #expect(!h.session.wantsToQuit)
    }

    @Test func showNeverWritesOverThePhotoOrAnExistingFile() throws {
        let h = try SessionHarness()
        let folder = try TemporaryFolder(prefix: "panya-show")
        defer { folder.remove() }
        let dir = folder.path
        let photo = RepositoryRoot.path + "/lessons/photos/breads3.jpg"
        let before = try Data(contentsOf: URL(fileURLWithPath: photo))
        #expect(h.type("show \(photo) --out \(photo) --force").contains("is the photo being shown"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: photo)) == before)
        let out = dir + "/a.jpg"
        #expect(h.type("show \(photo) --out \(out)").contains(out))
        #expect(h.type("show \(photo) --out \(out)").contains("already exists: choose another name, or add --force"))
        #expect(h.type("show \(photo) --out \(out) --force").contains(out))
    }
}
