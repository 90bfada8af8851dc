import Foundation
import HTTPTypes
import Hummingbird
import PanyaTestSupport
import Testing
@testable import PanyaClass

@Suite("panya class: joining, the register screen, the code, the teacher")
struct ClassServerTests {
    let breads3 = Array(FileManager.default.contents(atPath: RepositoryRoot.file("lessons/photos/breads3.jpg")) ?? Data())

    @Test func aWrongClassCodeIsRefusedAndTheRightOneGivesAnHttpOnlyStrictCookie() async throws {
        let fixture = try ClassFixture()
        try await fixture.serve { client in
            let browser = Browser(client)
            let wrong = try await browser.join("Hana", code: "PAN-9999")
            #expect(wrong.status == .forbidden)
            #expect(wrong.errorCode == "WrongClassCode")
            #expect(browser.cookies.isEmpty)
            let right = try await browser.join("Hana", code: "pan 1234")
            #expect(right.status == .ok)
            let cookie = try #require(right.headers[values: .setCookie].first)
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            let me = try await browser.request(.get, "/api/me")
            #expect(me.json?["name"] as? String == "Hana")
        }
    }

    @Test func theRecordedPhotoShowsMelonPanAloneByThresholdsAndAllThreeAt75() async throws {
        let fixture = try ClassFixture()
        try await fixture.serve { client in
            let browser = Browser(client)
            try await browser.join("Hana")
            let answer = try await browser.request(.post, "/api/photos", bytes: breads3)
            #expect(answer.status == .ok)
            let candidates = try #require(answer.json?["candidates"] as? [[String: Any]])
            let kept = candidates.filter { ($0["confidence"] as? Double ?? 0) >= ($0["threshold"] as? Double ?? 0) }.compactMap { $0["name"] as? String }
            #expect(kept == ["メロンパン"])
            let atThresholds = try await browser.request(.post, "/api/register/add", json: #"{"photo": 1, "minConfidence": null}"#)
            #expect(atThresholds.json?["subtotal"] as? Int == 180)
            _ = try await browser.request(.post, "/api/register/clear")
            let at75 = try await browser.request(.post, "/api/register/add", json: #"{"photo": 1, "minConfidence": 75}"#)
            #expect(at75.json?["subtotal"] as? Int == 550)
            #expect(at75.json?["total"] as? Int == 594)
            let receipt = try await browser.request(.post, "/api/register/checkout")
            #expect((receipt.json?["register"] as? [String: Any])?["total"] as? Int == 594)
            let empty = try await browser.request(.get, "/api/register")
            #expect((empty.json?["lines"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func aChangeWithoutThePagesTokenIsRefused() async throws {
        let fixture = try ClassFixture()
        try await fixture.serve { client in
            let browser = Browser(client)
            try await browser.join("Hana")
            let forged = try await browser.request(.post, "/api/photos", bytes: breads3, headers: [HTTPField.Name("X-Panya-CSRF")!: "0123"])
            #expect(forged.status == .forbidden)
            #expect(forged.errorCode == "BadCSRF")
            let none = try await browser.request(.post, "/api/register/clear", csrf: false)
            #expect(none.errorCode == "BadCSRF")
        }
    }

    @Test func aStudentNeverReachesAnothersPhotosRegisterOrCode() async throws {
        let fixture = try ClassFixture()
        try await fixture.serve { client in
            let a = Browser(client), b = Browser(client)
            try await a.join("A")
            try await b.join("B")
            _ = try await a.request(.post, "/api/photos", bytes: breads3)
            _ = try await a.request(.post, "/api/register/add", json: #"{"photo": 1, "minConfidence": 75}"#)
            // B's photo 1 is B's own: B has none.
            #expect(try await b.request(.get, "/api/photos/1").status == .notFound)
            #expect(try await b.request(.post, "/api/register/add", json: #"{"photo": 1, "minConfidence": 75}"#).errorCode == "UnknownPhoto")
            #expect(try await b.request(.get, "/api/register").json?["total"] as? Int == 0)
            #expect(try await a.request(.get, "/api/register").json?["total"] as? Int == 594)
            // A guessed or stolen-looking token is nobody.
            let guesser = Browser(client)
            guesser.cookies["panya_session"] = String(repeating: "0", count: 32)
            #expect(try await guesser.request(.get, "/api/me").errorCode == "NotJoined")
            guesser.cookies["panya_session"] = "../../etc/passwd"
            #expect(try await guesser.request(.get, "/api/register").errorCode == "NotJoined")
            // The same name from another device waits for the teacher.
            #expect(try await Browser(client).join("A").errorCode == "NameTaken")
        }
    }

    @Test func theStudentsCodeShowsWhereTheMistakeIsAndAgreesOnceFixed() async throws {
        let fixture = try ClassFixture()
        try await fixture.serve { client in
            let browser = Browser(client)
            try await browser.join("Hana")
            let starter = try await browser.request(.get, "/api/code")
            #expect((starter.json?["source"] as? String)?.contains("fn total(lines)") == true)
            _ = try await browser.request(.post, "/api/photos", bytes: breads3)
            _ = try await browser.request(.post, "/api/register/add", json: #"{"photo": 1, "minConfidence": 75}"#)
            let noTax = try await browser.request(.post, "/api/code", json: try Self.code(starter.json?["source"] as? String ?? ""))
            #expect(noTax.json?["studentTotal"] as? Double == 550)
            #expect(noTax.json?["agrees"] as? Bool == false)
            let mistake = "fn total(lines) {\n  let s = 0\n  for l in lines { s += l.unit_prize * l.qty }\n  return s\n}\n"
            let wrong = try await browser.request(.post, "/api/code", json: try Self.code(mistake))
            let problem = try #require(wrong.json?["problem"] as? [String: Any])
            #expect(problem["line"] as? Int == 3)
            #expect(problem["column"] as? Int == 25)
            let fixed = "fn total(lines) {\n  let s = 0\n  for l in lines { s += l.unit_price * l.qty }\n  return s + floor(s * 8 / 100)\n}\n"
            let right = try await browser.request(.post, "/api/code", json: try Self.code(fixed))
            #expect(right.json?["agrees"] as? Bool == true)
            #expect(right.json?["studentTotal"] as? Double == 594)
        }
    }

    @Test func anEndlessLoopInTheStudentsCodeStopsAtTheTimeLimit() async throws {
        let fixture = try ClassFixture { $0.codeTimeLimit = 0.5 }
        try await fixture.serve { client in
            let browser = Browser(client)
            try await browser.join("Hana")
            let loop = "fn total(lines) {\n  while true { }\n}\n"
            let answer = try await browser.request(.post, "/api/code", json: try Self.code(loop))
            #expect(answer.json?["ok"] as? Bool == false)
            #expect(answer.json?["problem"] != nil)
        }
    }

    @Test func photosThatAreNotPhotosOrTooLargeAreRefusedWithAMessage() async throws {
        let fixture = try ClassFixture()
        try await fixture.serve { client in
            let browser = Browser(client)
            try await browser.join("Hana")
            let empty = try await browser.request(.post, "/api/photos", bytes: [])
            #expect(empty.errorCode == "EmptyPhoto")
            let text = try await browser.request(.post, "/api/photos", bytes: Array("hello, I am not a JPEG".utf8))
            #expect(text.status.code >= 400)
            #expect(text.json?["error"] != nil)
            let huge = try await browser.request(.post, "/api/photos", bytes: [0xFF, 0xD8] + [UInt8](repeating: 0, count: PhotoIntake.maxBytes))
            #expect(huge.status == .contentTooLarge)
            #expect(huge.errorCode == "PhotoTooLarge")
        }
    }

    @Test func uploadsArePacedPerStudent() async throws {
        let fixture = try ClassFixture()
        try await fixture.serve { client in
            let browser = Browser(client)
            try await browser.join("Hana")
            var codes: [String?] = []
            for _ in 0..<7 { codes.append(try await browser.request(.post, "/api/photos", bytes: [1, 2, 3]).errorCode) }
            #expect(codes.filter { $0 == "TooManyUploads" }.count == 2)
        }
    }

    @Test func theTeachersViewNeedsThePasswordAndShowsEveryStudentAsText() async throws {
        let fixture = try ClassFixture()
        try await fixture.serve { client in
            let student = Browser(client)
            try await student.join("<script>alert(1)</script>")
            _ = try await student.request(.post, "/api/photos", bytes: breads3)
            let teacher = Browser(client)
            #expect(try await teacher.request(.get, "/api/teacher/class").errorCode == "NotTeacher")
            let bad = try await teacher.request(.post, "/api/teacher/login", json: #"{"password": "guess"}"#)
            #expect(bad.errorCode == "NotTeacher")
            _ = try await teacher.request(.post, "/api/teacher/login", json: #"{"password": "pw-test"}"#)
            let overview = try await teacher.request(.get, "/api/teacher/class")
            let students = try #require(overview.json?["students"] as? [[String: Any]])
            #expect(students.first?["name"] as? String == "<script>alert(1)</script>")
            #expect(students.first?["photos"] as? Int == 1)
            #expect((overview.json?["breadsSeen"] as? [String: Int])?["メロンパン"] == 1)
            #expect(overview.json?["mostMissed"] as? String != nil)
            let csv = try await teacher.request(.get, "/api/teacher/export.csv")
            #expect(csv.text.contains("\"<script>alert(1)</script>\"") || csv.text.contains("<script>alert(1)</script>,"))
            // Releasing lets the student join again from another device and find their work.
            let id = try #require(students.first?["id"] as? Int)
            _ = try await teacher.request(.post, "/api/teacher/students/\(id)/release", headers: [HTTPField.Name("X-Panya-CSRF")!: "teacher"])
            let otherDevice = Browser(client)
            #expect(try await otherDevice.join("<script>alert(1)</script>").status == .ok)
            #expect(try await otherDevice.request(.get, "/api/photos/1").status == .ok)
            #expect(try await student.request(.get, "/api/me").errorCode == "NotJoined")
        }
    }

    @Test func everyAnswerCarriesAPolicyWithoutInlineScripts() async throws {
        let fixture = try ClassFixture()
        try await fixture.serve { client in
            let page = try await Browser(client).request(.get, "/")
            let policy = try #require(page.headers[.contentSecurityPolicy])
            #expect(policy.contains("script-src 'self'"))
            #expect(!policy.contains("unsafe-inline") || !policy.contains("script-src 'self' 'unsafe-inline'"))
            #expect(try await Browser(client).request(.get, "/static/../Package.swift").status == .notFound)
        }
    }

    static func code(_ source: String) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: ["source": source]), as: UTF8.self)
    }
}
