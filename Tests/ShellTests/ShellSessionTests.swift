import CustomLabels
import Foundation
import PanyaLanguage
import PanyaSupport
import PanyaTestSupport
import Testing
@testable import Shell

/// A session over the bundled assets with an in-memory store, its output captured.
final class SessionHarness {
    let output = OutputCapture()
    let session: ShellSession

    init(language: UILanguage = .en, database: String = ":memory:", backend: BackendKind = .mock, columns: Int = 80) throws {
        var options = ShellOptions()
        options.terminal = Terminal(color: false, columns: columns)
        options.backend = backend
        options.language = language
        options.databasePath = database
        options.assetsRoot = RepositoryRoot.path
        let output = self.output
        session = try ShellSession(options: options, output: { output.append($0) })
    }

    /// Runs prompt entries one by one and returns what they printed.
    @discardableResult
    func type(_ entries: String...) -> String {
        output.clear()
        for entry in entries { session.runEntry(entry) }
        return output.text
    }
}

@Suite struct ShellSessionTests {
    @Test func theSeedWalkthroughAtThePrompt() throws {
        let h = try SessionHarness()
        #expect(h.type("detect lessons/photos/breads3.jpg").contains("ResourceNotReadyException"))
        h.type("model start", "model wait")
        #expect(h.type("model().status") == "RUNNING\n")
        let plain = h.type("detect lessons/photos/breads3.jpg")
        #expect(plain.contains("メロンパン"))
        #expect(!plain.contains("あんぱん"))
        #expect(!plain.contains("焼きそばパン"))
        #expect(h.type("len(detect(\"lessons/photos/breads3.jpg\", min_confidence: 80).labels)") == "2\n")
        #expect(h.type("let r = detect lessons/photos/breads3.jpg --min-confidence 75", "r.labels[0].name", "r.labels[2].name")
                == "焼きそばパン\nあんぱん\n")
        h.type("register add $r")
        let total = h.type("register total")
        #expect(total.contains("¥550"))
        #expect(total.contains("¥44"))
        #expect(total.contains("¥594"))
        #expect(h.type("register_total(tax: 10).total") == "605\n")
    }

    @Test func inspectExplainsWhyBreadsWereHidden() throws {
        let h = try SessionHarness()
        h.type("model start", "model wait")
        let text = h.type("inspect lessons/photos/breads3.jpg")
        #expect(text.contains("hidden: 90.45 < threshold 90.7"))
        #expect(text.contains("hidden: 77.54 < threshold 81.7"))
        let with80 = h.type("inspect lessons/photos/breads3.jpg --min-confidence 80")
        #expect(with80.contains("hidden: 77.54 < min-confidence 80"))
    }

    @Test func jsonOutputIsTheAWSCLIForm() throws {
        let h = try SessionHarness()
        h.type("model start", "model wait")
        let json = h.type("detect lessons/photos/breads3.jpg --json")
        #expect(json == """
        {
            "CustomLabels": [
                {
                    "Name": "メロンパン",
                    "Confidence": 88.00399780273438,
                    "Geometry": {
                        "BoundingBox": {
                            "Width": 0.31696000695228577,
                            "Height": 0.48267999291419983,
                            "Left": 0.5984500050544739,
                            "Top": 0.33976998925209045
                        }
                    }
                }
            ]
        }

        """)
    }

    @Test(arguments: [UILanguage.en, .ja])
    func helpListsEveryCommandInBothLanguages(language: UILanguage) throws {
        let h = try SessionHarness(language: language)
        let text = h.type("help")
        for name in ["detect", "inspect", "model start", "register total", "lesson start", "clock advance", "bill"] {
            #expect(text.contains(name))
        }
        #expect(text.contains(language == .ja ? "コマンド" : "command"))
    }

    @Test func mistakesNeverEndTheSession() throws {
        let h = try SessionHarness()
        #expect(h.type("print(totl)").contains("unknown variable 'totl'"))
        #expect(h.type("detect no-such-photo.jpg").contains("no-such-photo.jpg"))
        #expect(h.type("register add カレーパン").contains("register price"))
        #expect(h.type("print(\"still here\")") == "still here\n")
        #expect(!h.session.wantsToQuit)
    }

    @Test func clockAndBill() throws {
        let h = try SessionHarness()
        h.type("model start", "model wait", "clock advance 3h", "model stop", "model wait")
        let bill = h.type("bill")
        #expect(bill.contains("12.00"))
        #expect(h.type("bill().versions[0].inference_usd") == "12\n")
    }

    @Test func commandsRefuseVariablesOfTheirName() throws {
        let h = try SessionHarness()
        #expect(h.type("let detect = 1").contains("'detect' is the name of a command"))
        #expect(h.type("let total = 1", "total") == "1\n")
    }
}

@Suite struct RegisterFlagTests {
    @Test func breadsBelowTheirThresholdAreFlaggedForTheClerk() throws {
        let h = try SessionHarness()
        h.type("model start", "model wait", "let r = detect lessons/photos/breads3.jpg --min-confidence 75", "register add $r")
        #expect(h.type("register()[0].flag") == "confirm\n")      // 焼きそばパン 90.45 < 90.7
        #expect(h.type("register()[1].flag") == "")               // メロンパン 88.0 ≥ 86.2: nil shows nothing
        #expect(h.type("register()[2].flag") == "confirm\n")      // あんぱん 77.54 < 81.7
        #expect(h.type("register").contains("⚠ confirm"))
        h.type("register confirm あんぱん")
        #expect(h.type("register()[2].flag") == "")
    }
}

@Suite struct CommandLineHelpTests {
    @Test func theHelpIsInTheLanguageOfLangElseTheEnvironment() {
        #expect(CommandLineHelp.language(arguments: ["--help", "--lang", "ja"], environment: [:]) == .ja)
        #expect(CommandLineHelp.language(arguments: ["--lang=en", "--help"], environment: ["LANG": "ja_JP.UTF-8"]) == .en)
        #expect(CommandLineHelp.language(arguments: ["-h"], environment: ["LANG": "ja_JP.UTF-8"]) == .ja)
        #expect(CommandLineHelp.language(arguments: ["--help"], environment: ["PANYA_LANG": "ja", "LANG": "en_US.UTF-8"]) == .ja)
        #expect(CommandLineHelp.language(arguments: ["--help"], environment: ["LANG": "en_US.UTF-8"]) == .en)
        // Words after `run FILE` belong to the script.
        #expect(CommandLineHelp.language(arguments: ["run", "x.panya", "--lang", "ja"], environment: [:]) == .en)
    }
}

@Suite struct PhotoCommandTests {
    @Test func showListsTheBoxesWithoutColour() throws {
        let h = try SessionHarness()
        #expect(h.type("show lessons/photos/breads3.jpg").contains("model start"))   // not running: no boxes, says how
        h.type("model start", "model wait")
        let text = h.type("show lessons/photos/breads3.jpg --min-confidence 75")
        #expect(text.contains("lessons/photos/breads3.jpg  1280×960"))
        #expect(text.contains("焼きそばパン"))
        #expect(text.contains("left 59.8%"))
        #expect(!text.contains("\u{1B}["))
    }

    @Test func showOutWritesAnAnnotatedJPEG() throws {
        let h = try SessionHarness()
        h.type("model start", "model wait")
        let folder = try TemporaryFolder(prefix: "panya-show")
        defer { folder.remove() }
        let out = folder.file("annotated.jpg")
        #expect(h.type("let r = detect lessons/photos/breads3.jpg", "show $r --out \(out)").contains(out))
        let bytes = try #require(FileManager.default.contents(atPath: out))
        #expect(bytes.starts(with: [0xFF, 0xD8]))
    }

    /// The picture written follows the name: `.png` is a PNG; a name ending in neither is refused.
    @Test func showOutWritesTheFormatItsNameSays() throws {
        let h = try SessionHarness()
        h.type("model start", "model wait")
        let folder = try TemporaryFolder(prefix: "panya-show")
        defer { folder.remove() }
        let png = folder.file("annotated.PNG")
        #expect(h.type("show lessons/photos/breads3.jpg --out \(png)").contains(png))
        let bytes = try #require(FileManager.default.contents(atPath: png))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let gif = folder.file("annotated.gif")
        #expect(h.type("show lessons/photos/breads3.jpg --out \(gif)").contains("end it with JPEG (.jpg) or PNG (.png)"))
        #expect(!FileManager.default.fileExists(atPath: gif))
    }

    @Test func photosSaysWhichHaveRecordings() throws {
        let h = try SessionHarness()
        let text = h.type("photos")
        #expect(text.contains("lessons/photos/breads3.jpg"))
        #expect(text.contains("1280×960"))
        #expect(h.type("len(photos()) > 30") == "true\n")
        #expect(h.type("photos()[0].recorded") == "true\n")
    }

    @Test func backendSwitchesKeepVariables() throws {
        let h = try SessionHarness()
        h.type("let kept = 42")
        #expect(h.type("backend").contains("backend mock"))
        #expect(h.type("backend mock").contains("backend mock"))
        #expect(h.type("kept") == "42\n")
    }
}

@Suite struct ModelSelectionTests {
    /// Each backend keeps its own current version: an ARN chosen on aws is not asked of the mock.
    @Test func switchingFromAWSToTheMockUsesTheMocksSelection() throws {
        let h = try SessionHarness(backend: .aws)   // no call is made: `model use ARN` takes it as given
        h.type("model use arn:aws:rekognition:us-east-1:111122223333:project/other/version/other.2024-01-01T00.00.00/1704067200000")
        h.type("backend mock")
        #expect(h.type("model().name") == "verification001.2023-08-01T10.00.00\n")
    }

    /// `model use` takes a version name or its ARN; an unknown name is refused by name.
    @Test func modelUseChoosesVersionsByNameOrArn() throws {
        let h = try SessionHarness()
        let name = "verification001.2023-08-01T10.00.00"
        let arn = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690851600000"
        #expect(h.type("model().name") == name + "\n")
        h.type("model use \(name)")
        #expect(h.type("model().arn") == arn + "\n")
        h.type("model use \(arn)")
        #expect(h.type("model().name") == name + "\n")
        #expect(h.type("model use nope").contains("no model version named 'nope'"))
        #expect(h.type("model().name") == name + "\n")
    }
}
