import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PanyaTestSupport
@testable import PanyaClass

/// A class in a fresh folder (no class model: tests need only the recorded photos), served on
/// 127.0.0.1 port 0, with a client that keeps each student's cookie and CSRF token.
struct ClassFixture {
    let folder: TemporaryFolder
    let classroom: Classroom

    init(_ configure: (inout ClassOptions) -> Void = { _ in }) throws {
        folder = try TemporaryFolder(prefix: "panya-class-tests")
        var options = ClassOptions()
        options.port = 0
        options.dataDirectory = folder.path
        options.assetsRoot = RepositoryRoot.path
        options.classCode = "PAN-1234"
        options.teacherPassword = "pw-test"
        options.trainClassModel = false
        options.language = .en
        options.uploadsPerMinute = 5
        configure(&options)
        classroom = try Classroom(options: options)
    }

    /// Runs `body` against the class served live on 127.0.0.1 (a free port).
    func serve(_ body: @escaping @Sendable (LiveClient) async throws -> Void) async throws {
        let (ports, found) = AsyncStream<Int>.makeStream()
        let app = try ClassServer(classroom: classroom, log: { _ in }).application(onRunning: { found.yield($0) })
        try await LiveClient.serve(app, port: ports, body)
    }
}

/// One browser: its cookies and the page's CSRF token.
final class Browser: @unchecked Sendable {
    let client: LiveClient
    var cookies: [String: String] = [:]
    var csrf = ""

    init(_ client: LiveClient) { self.client = client }

    func request(_ method: HTTPRequest.Method, _ uri: String, json: String? = nil, bytes: [UInt8]? = nil,
                 headers extra: HTTPFields = [:], csrf sendCSRF: Bool = true) async throws -> LiveClient.Answer {
        var headers = extra
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if sendCSRF, method != .get, headers[HTTPField.Name("X-Panya-CSRF")!] == nil { headers[HTTPField.Name("X-Panya-CSRF")!] = csrf }
        var body: ByteBuffer?
        if let json { body = ByteBuffer(string: json); headers[.contentType] = "application/json" }
        if let bytes { body = ByteBuffer(bytes: bytes); headers[.contentType] = "image/jpeg" }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for value in response.headers[values: .setCookie] {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
        }
        return response
    }

    /// Joins as `name`; returns the answer (and keeps the CSRF token).
    @discardableResult
    func join(_ name: String, code: String = "PAN-1234") async throws -> LiveClient.Answer {
        let body = try JSONSerialization.data(withJSONObject: ["name": name, "code": code])
        let response = try await request(.post, "/api/join", json: String(decoding: body, as: UTF8.self), csrf: false)
        if let object = response.json, let token = object["csrf"] as? String { csrf = token }
        return response
    }
}

extension LiveClient.Answer {
    /// The body as a JSON object.
    var json: [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
    }
    /// The error code of an error answer.
    var errorCode: String? { (json?["error"] as? [String: Any])?["code"] as? String }
    var text: String { String(buffer: body) }
}
