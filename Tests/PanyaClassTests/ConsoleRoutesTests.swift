import Foundation
import HTTPTypes
import Hummingbird
import PanyaTestSupport
import Testing
@testable import PanyaClass

/// The console's API through the live server: a project, a photo uploaded into a dataset, boxes
/// drawn and saved as the rows `boxes` edits (read back from the exported manifest), and every
/// kind of bad box or label refused with a message and nothing changed.
@Suite struct ConsoleRoutesTests {
    let breads3 = Array(FileManager.default.contents(atPath: RepositoryRoot.file("lessons/photos/breads3.jpg")) ?? Data())

    /// A student with a project `bakery-ai` and breads3 in the training dataset; returns the photo's path.
    func studentWithPhoto(_ browser: Browser) async throws -> String {
        try await browser.join("Aiko")
        let created = try await browser.request(.post, "/api/console/project", json: #"{"name": "bakery-ai"}"#)
        #expect(created.status == .ok)
        #expect(created.json?["project"] as? String == "bakery-ai")
        let labels = try await browser.request(.post, "/api/console/labels", json: #"{"names": ["メロンパン", "あんぱん"]}"#)
        #expect(labels.json?["labels"] as? [String] == ["メロンパン", "あんぱん"])
        let uploaded = try await browser.request(.post, "/api/console/photos?dataset=train", bytes: breads3)
        let datasets = uploaded.json?["datasets"] as? [[String: Any]] ?? []
        let train = datasets.first { $0["kind"] as? String == "train" }
        let photos = train?["photos"] as? [[String: Any]] ?? []
        #expect(photos.count == 1)
        #expect(train?["unlabelled"] as? Int == 1)
        return photos.first?["path"] as? String ?? ""
    }

    func boxesJSON(_ path: String, _ boxes: [[String: Any]]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: ["path": path, "boxes": boxes]), as: UTF8.self)
    }

    @Test func aDrawnBoxIsSavedAsTheDatasetsRowAndExported() async throws {
        let fixture = try ClassFixture()
        try await fixture.serve { client in
            let browser = Browser(client)
            let path = try await studentWithPhoto(browser)
            let query = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let view = try await browser.request(.get, "/api/console/boxes?path=" + query)
            #expect((view.json?["proposals"] as? [Any])?.isEmpty == false)
            #expect((view.json?["boxes"] as? [Any])?.isEmpty == true)
            #expect(try await browser.request(.get, "/api/console/photo?path=" + query).status == .ok)
            let box: [String: Any] = ["label": "メロンパン", "left": 0.25, "top": 0.125, "width": 0.5, "height": 0.375]
            let saved = try await browser.request(.post, "/api/console/boxes", json: try boxesJSON(path, [box]))
            #expect(saved.status == .ok)
            #expect((saved.json?["boxes"] as? [[String: Any]])?.first?["label"] as? String == "メロンパン")
            let export = try await browser.request(.get, "/api/console/export?dataset=train")
            let manifest = export.json?["manifest"] as? String ?? ""
            // Ground Truth keeps pixels: 0.25 × 1280 = 320, 0.125 × 960 = 120, 0.5 × 1280 = 640, 0.375 × 960 = 360.
            #expect(manifest.contains("\"left\":320"))
            #expect(manifest.contains("\"top\":120"))
            #expect(manifest.contains("\"width\":640"))
            #expect(manifest.contains("\"height\":360"))
            #expect(manifest.contains("メロンパン"))
            let state = try await browser.request(.get, "/api/console/project")
            let train = (state.json?["datasets"] as? [[String: Any]])?.first { $0["kind"] as? String == "train" }
            #expect(train?["labelled"] as? Int == 1)
            #expect((train?["boxesPerLabel"] as? [String: Int])?["メロンパン"] == 1)
        }
    }

    @Test func badBoxesAndLabelsAreRefusedAndChangeNothing() async throws {
        let fixture = try ClassFixture()
        try await fixture.serve { client in
            let browser = Browser(client)
            let path = try await studentWithPhoto(browser)
            let good: [String: Any] = ["label": "あんぱん", "left": 0.1, "top": 0.1, "width": 0.3, "height": 0.3]
            #expect(try await browser.request(.post, "/api/console/boxes", json: try boxesJSON(path, [good])).status == .ok)
            let bad: [(String, [String: Any])] = [
                ("BadBox", ["label": "あんぱん", "left": 0.2, "top": 0.2, "width": 0, "height": 0]),
                ("BadBox", ["label": "あんぱん", "left": 0.8, "top": 0.2, "width": 0.5, "height": 0.2]),
                ("BadBox", ["label": "あんぱん", "left": 0.5, "top": 0.5, "width": -0.2, "height": -0.2]),
                ("BadLabel", ["label": String(repeating: "あ", count: 1000), "left": 0.1, "top": 0.1, "width": 0.2, "height": 0.2]),
                ("BadLabel", ["label": "<img src=x onerror=alert(1)>", "left": 0.1, "top": 0.1, "width": 0.2, "height": 0.2]),
                ("BadLabel", ["label": "  ", "left": 0.1, "top": 0.1, "width": 0.2, "height": 0.2]),
            ]
            for (code, box) in bad {
                let answer = try await browser.request(.post, "/api/console/boxes", json: try boxesJSON(path, [good, box]))
                #expect(answer.status == .badRequest)
                #expect(answer.errorCode == code)
                let message = (answer.json?["error"] as? [String: Any])?["message"] as? String ?? ""
                #expect(!message.isEmpty)
                if code == "BadBox" { #expect(message.contains("2"), "the message names the box: \(message)") }
            }
            let export = try await browser.request(.get, "/api/console/export?dataset=train")
            let manifest = export.json?["manifest"] as? String ?? ""
            #expect(manifest.contains("あんぱん"))
            #expect(!manifest.contains("onerror"))
            let labels = (try await browser.request(.get, "/api/console/project")).json?["labels"] as? [String]
            #expect(labels == ["メロンパン", "あんぱん"])
        }
    }

    @Test func twoTabsLastWriteWinsAndADeletedPhotoIsSaidSo() async throws {
        let fixture = try ClassFixture()
        try await fixture.serve { client in
            let first = Browser(client)
            let path = try await studentWithPhoto(first)
            let second = Browser(client)
            second.cookies = first.cookies
            second.csrf = first.csrf
            let a: [String: Any] = ["label": "あんぱん", "left": 0.1, "top": 0.1, "width": 0.3, "height": 0.3]
            let b: [String: Any] = ["label": "メロンパン", "left": 0.5, "top": 0.5, "width": 0.3, "height": 0.3]
            _ = try await first.request(.post, "/api/console/boxes", json: try boxesJSON(path, [a]))
            _ = try await second.request(.post, "/api/console/boxes", json: try boxesJSON(path, [b, a]))
            let query = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let state = try await first.request(.get, "/api/console/project")
            let photos = ((state.json?["datasets"] as? [[String: Any]])?.first { $0["kind"] as? String == "train" })?["photos"] as? [[String: Any]]
            let boxes = photos?.first?["boxes"] as? [[String: Any]] ?? []
            #expect(boxes.compactMap { $0["label"] as? String } == ["メロンパン", "あんぱん"])
            let removed = try await second.request(.post, "/api/console/remove", json: String(decoding: try JSONSerialization.data(withJSONObject: ["path": path]), as: UTF8.self))
            #expect(removed.status == .ok)
            let late = try await first.request(.post, "/api/console/boxes", json: try boxesJSON(path, [a]))
            #expect(late.errorCode == "PhotoNotInDataset")
            #expect(try await first.request(.get, "/api/console/photo?path=" + query).errorCode == "UnknownPhoto")
        }
    }

    @Test func onlyTheConsolesOwnButtonsRunAndOnlyWithTheToken() async throws {
        let fixture = try ClassFixture()
        try await fixture.serve { client in
            let browser = Browser(client)
            try await browser.join("Ken")
            #expect(try await browser.request(.post, "/api/console/run", json: #"{"action": "backend aws"}"#).errorCode == "UnknownAction")
            #expect(try await browser.request(.post, "/api/console/run", json: #"{"action": "clock"}"#, csrf: false).errorCode == "BadCSRF")
            let clock = try await browser.request(.post, "/api/console/run", json: #"{"action": "clock"}"#)
            #expect(clock.json?["ok"] as? Bool == true)
            #expect(try await browser.request(.get, "/api/console/photo?path=%2Fetc%2Fpasswd").status != .ok)
            let stranger = Browser(client)
            #expect(try await stranger.request(.get, "/api/console/project").errorCode == "NotJoined")
        }
    }
}
