import Foundation
import Testing
@testable import PanyaServer

/// The server on 127.0.0.1, port 0, over real sockets (requests written by hand).
@Suite struct LiveServerTests {
    /// Starts the server, runs `body` with its port, then cancels it.
    func withServer(_ fixture: ServerFixture, _ body: (Int) async throws -> Void) async throws {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = fixture.server
        let task = Task { try await server.run(handleSignals: false) { port in continuation.yield(port) } }
        var iterator = stream.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        defer { task.cancel() }
        try await body(port)
        task.cancel()
        _ = try? await task.value
    }

    @Test func detectOverHTTP() async throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        try fixture.startModel()
        try await withServer(fixture) { port in
            #expect(port > 0)
            let body = #"{"ProjectVersionArn":"\#(ServerFixture.versionArn)","Image":{"Bytes":"\#(Data(ServerFixture.photo).base64EncodedString())"},"MinConfidence":80}"#
            let answer = try await RawHTTP.exchange(port: port, head: [
                "POST / HTTP/1.1", "Host: 127.0.0.1:\(port)", "Content-Type: application/x-amz-json-1.1",
                "X-Amz-Target: RekognitionService.DetectCustomLabels", "Content-Length: \(body.utf8.count)", "Connection: close",
            ], body: Array(body.utf8))
            #expect(answer.statusLine == "HTTP/1.1 200 OK")
            #expect(answer.body.hasPrefix(#"{"CustomLabels":[{"Name":"焼きそばパン""#))
            #expect(answer.body.contains("メロンパン") && !answer.body.contains("あんぱん"))
        }
        let lines = fixture.lines.entries
        #expect(lines.count == 1)
        #expect(lines.first?.range(of: #"^\d\d:\d\d:\d\d DetectCustomLabels 200 [0-9.]+ ms$"#, options: .regularExpression) != nil)
    }

    @Test func aHundredMegabyteBodyIsRefusedBeforeItIsRead() async throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        try await withServer(fixture) { port in
            let started = ContinuousClock.now
            let answer = try await RawHTTP.exchange(port: port, head: [
                "PUT /bk1/big.jpg HTTP/1.1", "Host: 127.0.0.1:\(port)", "Content-Length: \(100 * 1024 * 1024)",
            ], body: [UInt8](repeating: 0, count: 64 * 1024))
            #expect(answer.statusLine.hasPrefix("HTTP/1.1 413"))
            #expect(answer.body.contains("<Code>EntityTooLarge</Code>"))
            #expect(ContinuousClock.now - started < .seconds(5))
        }
    }

    /// A body sent in chunks (no length announced) is read up to the limit: under it the object
    /// is stored whole; past it the answer is 413 and nothing is stored.
    @Test(arguments: [(size: 900, stored: true), (size: 5000, stored: false)])
    func aChunkedBodyIsReadUpToTheLimit(size: Int, stored: Bool) async throws {
        let fixture = try ServerFixture(maxBodyBytes: 1000)
        defer { fixture.removeBuckets() }
        _ = fixture.respond(ServerFixture.s3("PUT", "/bk1"))
        try await withServer(fixture) { port in
            let chunked = Array((String(size, radix: 16) + "\r\n").utf8) + [UInt8](repeating: 7, count: size) + Array("\r\n0\r\n\r\n".utf8)
            let answer = try await RawHTTP.exchange(port: port, head: [
                "PUT /bk1/chunked.bin HTTP/1.1", "Host: 127.0.0.1:\(port)", "Transfer-Encoding: chunked", "Connection: close",
            ], body: chunked)
            #expect(answer.statusLine.hasPrefix(stored ? "HTTP/1.1 200" : "HTTP/1.1 413"))
        }
        let head = fixture.respond(ServerFixture.s3("HEAD", "/bk1/chunked.bin"))
        #expect(head.status == (stored ? 200 : 404))
        if stored { #expect(head.headers.first { $0.name.lowercased() == "content-length" }?.value == String(size)) }
    }

    @Test func headAnswersCarryTheObjectsLength() async throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        _ = fixture.respond(ServerFixture.s3("PUT", "/bk1"))
        _ = fixture.respond(ServerFixture.s3("PUT", "/bk1/x.bin", body: [UInt8](repeating: 1, count: 1234)))
        try await withServer(fixture) { port in
            let answer = try await RawHTTP.exchange(port: port, head: ["HEAD /bk1/x.bin HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close"], body: [], expectBody: false)
            #expect(answer.statusLine == "HTTP/1.1 200 OK")
            #expect(answer.headers["content-length"] == "1234")
        }
    }
}

/// A minimal HTTP/1.1 exchange over a blocking socket (enough for tests; no keep-alive).
enum RawHTTP {
    struct Answer {
        var statusLine: String
        var headers: [String: String]
        var body: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// One exchange on a thread of its own (a blocking socket must not hold one of the few
    /// threads the server's tasks run on).
    static func exchange(port: Int, head: [String], body: [UInt8], expectBody: Bool = true) async throws -> Answer {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try blockingExchange(port: port, head: head, body: body, expectBody: expectBody) })
            }
        }
    }

    static func blockingExchange(port: Int, head: [String], body: [UInt8], expectBody: Bool) throws -> Answer {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket") }
        defer { close(socket) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect") }
        let request = Array((head.joined(separator: "\r\n") + "\r\n\r\n").utf8) + body
        var sent = 0
        while sent < request.count {
            let count = request.withUnsafeBytes { send(socket, $0.baseAddress.map { $0 + sent }, request.count - sent, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { break }
            sent += count
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, 65536, 0) }
            if count <= 0 { break }
            received += buffer[0..<count]
            if let answer = parse(received), !expectBody || answer.complete { return answer.answer }
        }
        guard let answer = parse(received) else { throw Failure(description: "no answer: \(String(decoding: received, as: UTF8.self))") }
        return answer.answer
    }

    static func parse(_ bytes: [UInt8]) -> (answer: Answer, complete: Bool)? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return nil }
        let lines = text[..<end.lowerBound].components(separatedBy: "\r\n")
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = String(text[end.upperBound...])
        let length = headers["content-length"].flatMap(Int.init) ?? 0
        return (Answer(statusLine: lines.first ?? "", headers: headers, body: body), body.utf8.count >= length)
    }
}
