import Foundation
import HTTPTypes
import Hummingbird
import PanyaTestSupport
import Testing
@testable import PanyaClass

/// The model page: every version with its ARN and status, the one the register screen uses, and
/// "use this version" (only a RUNNING one; the refusal says why and changes nothing). And the
/// month page: its answer is `simulate 30d --json`, the schedules' model against always on.
@Suite struct ConsoleModelsTests {
    static let readyMade = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690851600000"

    func json(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    func versions(_ browser: Browser) async throws -> [[String: Any]] {
        try await browser.request(.get, "/api/console/models").json?["versions"] as? [[String: Any]] ?? []
    }

    func registerModel(_ browser: Browser) async throws -> String? {
        (try await browser.request(.get, "/api/register").json?["model"] as? [String: Any])?["arn"] as? String
    }

    @Test func theVersionListAndUseThisVersionForARunningOneOnly() async throws {
        let fixture = try ClassFixture()
        try await fixture.serve { client in
            let browser = Browser(client)
            try await browser.join("Aiko")
            var list = try await versions(browser)
            #expect(list.count == 1)
            #expect(list.first?["arn"] as? String == Self.readyMade)
            #expect(list.first?["status"] as? String == "RUNNING")
            #expect(list.first?["inUse"] as? Bool == true)
            #expect(try await registerModel(browser) == Self.readyMade)

            // A training with empty datasets fails: a new version, with its own ARN, that cannot run.
            _ = try await browser.request(.post, "/api/console/project", json: #"{"name": "bakery-ai"}"#)
            _ = try await browser.request(.post, "/api/console/run", json: #"{"action": "train"}"#)
            list = try await versions(browser)
            #expect(list.count == 2)
            let failed = try #require(list.first { ($0["arn"] as? String)?.contains(":project/bakery-ai/version/bakery-ai.") == true })
            let failedArn = try #require(failed["arn"] as? String)
            #expect(failed["status"] as? String == "TRAINING_FAILED")
            #expect(failed["inUse"] as? Bool == false)
            #expect(failed["canAnswer"] as? Bool == false)

            let refused = try await browser.request(.post, "/api/console/use", json: try json(["arn": failedArn]))
            #expect(refused.status == .badRequest)
            #expect(refused.errorCode == "VersionNotRunning")
            let message = (refused.json?["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(message.contains("TRAINING_FAILED") && message.contains("only a RUNNING version"), "\(message)")
            #expect(try await registerModel(browser) == Self.readyMade, "a refusal changes nothing")
            let japanese = try await browser.request(.post, "/api/console/use", json: try json(["arn": failedArn]),
                                                     headers: [HTTPField.Name("X-Panya-Lang")!: "ja"])
            let japaneseMessage = (japanese.json?["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(japaneseMessage.contains("RUNNING のバージョンだけ"), "\(japaneseMessage)")
            #expect(try await browser.request(.post, "/api/console/use", json: #"{"arn": "arn:aws:rekognition:nowhere"}"#).errorCode == "UnknownVersion")

            // The register screen on another version (as the shell's `model use` leaves it), then back by the button.
            let student = try #require(try fixture.classroom.students().first)
            _ = try await fixture.classroom.desk(for: student).runShell { session, _ in try ConsoleCommand.text(session, "model use \"\(failedArn)\"") }
            #expect(try await registerModel(browser) == failedArn)
            let used = try await browser.request(.post, "/api/console/use", json: try json(["arn": Self.readyMade]))
            #expect(used.status == .ok)
            #expect(used.json?["inUse"] as? String == Self.readyMade)
            #expect(try await registerModel(browser) == Self.readyMade, "the register screen now asks the chosen version")

            // A stopped version is refused as well, by its status.
            _ = try await browser.request(.post, "/api/console/run", json: #"{"action": "stop"}"#)
            _ = try await browser.request(.post, "/api/console/run", json: #"{"action": "advance-10m"}"#)
            let stopped = try await browser.request(.post, "/api/console/use", json: try json(["arn": Self.readyMade]))
            #expect(stopped.errorCode == "VersionNotRunning")
        }
    }

    @Test func theMonthPageIsSimulateJSON() async throws {
        let fixture = try ClassFixture()
        try await fixture.serve { client in
            // Two students from the same template, with the same schedules: one asks the month page,
            // the other types `simulate 30d --json` in the shell.
            let page = Browser(client), shell = Browser(client)
            try await page.join("Aiko")
            try await shell.join("Ken")
            for browser in [page, shell] {
                let added = try await browser.request(.post, "/api/console/run", json: #"{"action": "schedule-lesson"}"#)
                #expect(added.json?["ok"] as? Bool == true, "\(added.json ?? [:])")
            }
            let month = try await page.request(.post, "/api/console/month")
            #expect(month.status == .ok)
            let ken = try #require(try fixture.classroom.students().first { $0.name == "Ken" })
            let typed = try await fixture.classroom.desk(for: ken).runShell { session, _ in try ConsoleCommand.text(session, "simulate 30d --json") }
            let fromPage = try #require(month.json)
            let fromShell = try #require(try JSONSerialization.jsonObject(with: Data(typed.utf8)) as? [String: Any])
            #expect(NSDictionary(dictionary: fromPage).isEqual(to: fromShell), "the month page's answer is the shell's `simulate 30d --json`")
            let scheduled = try #require(fromPage["scheduled"] as? [String: Any])
            #expect(scheduled["arns"] as? [String] == [Self.readyMade])
            #expect(scheduled["always_on_usd"] as? Double == 2880)
            #expect(fromPage["always_on_usd"] as? Double == 2880)
            let usd = try #require(scheduled["scheduled_usd"] as? Double)
            #expect(usd > 1550 && usd < 1700, "on the schedules, about 13 h a day (the ready-made model is running when the month begins): \(usd)")
            let days = try #require(scheduled["days"] as? [[String: Any]])
            #expect(abs(days.compactMap { $0["usd"] as? Double }.reduce(0, +) - usd) < 1e-6)
            #expect(scheduled["other_models_usd"] as? Double == 0)
        }
    }
}
