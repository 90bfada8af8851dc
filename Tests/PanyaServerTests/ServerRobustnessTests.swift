import Foundation
import Testing
@testable import PanyaServer

/// Connections that never finish, bodies that do not match their framing, and the bound on the
/// bodies held at once.
@Suite struct ServerRobustnessTests {
    /// Opens a connection to the server; -1 when it cannot.
    static func connect(port: Int) -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return -1 }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(socket); return -1 }
        return socket
    }

    static func send(_ socket: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until the server closes the connection; true when it did (false when the receive
    /// timeout of 20 s passed first). Returns what was read too.
    static func readUntilClosed(_ socket: Int32) -> (closed: Bool, text: String) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, 4096, 0) }
            if count == 0 { return (true, String(decoding: received, as: UTF8.self)) }
            if count < 0 { return (errno == ECONNRESET, String(decoding: received, as: UTF8.self)) }
            received += buffer[0..<count]
        }
    }

    /// Reads one answer (head and its Content-Length of body) from a kept connection; what came
    /// so far when the connection closes or the receive timeout passes first.
    static func readOneAnswer(_ socket: Int32) -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let separator = Array("\r\n\r\n".utf8)
        while true {
            if let end = received.firstRange(of: separator)?.upperBound {
                let head = String(decoding: received[..<end], as: UTF8.self).lowercased()
                let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                if received.count >= end + length { return String(decoding: received, as: UTF8.self) }
            }
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, 4096, 0) }
            if count <= 0 { return String(decoding: received, as: UTF8.self) }
            received += buffer[0..<count]
        }
    }

    /// Runs blocking socket work on a thread of its own.
    static func offThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }

    @Test func connectionsThatNeverFinishTheirHeadersAreClosed() async throws {
        let fixture = try ServerFixture { $0.headerTimeout = 0.3; $0.idleTimeout = 30 }
        defer { fixture.removeBuckets() }
        try await LiveServerTests().withServer(fixture) { port in
            let results = await Self.offThread { () -> [Bool] in
                let sockets = (0..<200).map { _ in Self.connect(port: port) }
                for socket in sockets where socket >= 0 { Self.send(socket, "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Tar") }
                defer { for socket in sockets where socket >= 0 { close(socket) } }
                return sockets.map { $0 >= 0 && Self.readUntilClosed($0).closed }
            }
            #expect(results.count == 200)
            #expect(results.allSatisfy { $0 })
        }
    }

    /// The head timeout holds for every request on a kept connection, not only the first.
    @Test func aKeptConnectionWhoseNextHeadNeverEndsIsClosed() async throws {
        let fixture = try ServerFixture { $0.headerTimeout = 0.3; $0.idleTimeout = 30 }
        defer { fixture.removeBuckets() }
        try await LiveServerTests().withServer(fixture) { port in
            let (closed, text) = await Self.offThread { () -> (Bool, String) in
                let socket = Self.connect(port: port)
                defer { if socket >= 0 { close(socket) } }
                Self.send(socket, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                // The first answer is read whole before the next head starts (bytes that come
                // while a request is still being answered are under the idle timeout instead).
                let first = Self.readOneAnswer(socket)
                Self.send(socket, "GET / HTTP/1.1\r\nHos")
                let result = Self.readUntilClosed(socket)
                return (socket >= 0 && result.closed, first + result.text)
            }
            #expect(closed)
            #expect(text.components(separatedBy: "HTTP/1.1 200").count == 2, "\(text)")
        }
    }

    /// A connection whose heads all arrive whole is not closed by a head timeout that began with
    /// an earlier request, however long it has been open.
    @Test func aKeptConnectionWithWholeHeadsStaysOpen() async throws {
        let fixture = try ServerFixture { $0.headerTimeout = 0.2; $0.idleTimeout = 30 }
        defer { fixture.removeBuckets() }
        try await LiveServerTests().withServer(fixture) { port in
            let text = await Self.offThread { () -> String in
                let socket = Self.connect(port: port)
                defer { if socket >= 0 { close(socket) } }
                for _ in 0..<3 {
                    Self.send(socket, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    usleep(300_000)
                }
                Self.send(socket, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                return Self.readUntilClosed(socket).text
            }
            #expect(text.components(separatedBy: "HTTP/1.1 200").count == 5, "\(text)")
        }
    }

    @Test func idleConnectionsAreClosed() async throws {
        let fixture = try ServerFixture { $0.headerTimeout = 30; $0.idleTimeout = 0.3 }
        defer { fixture.removeBuckets() }
        try await LiveServerTests().withServer(fixture) { port in
            let closed = await Self.offThread { () -> Bool in
                let socket = Self.connect(port: port)
                defer { if socket >= 0 { close(socket) } }
                return socket >= 0 && Self.readUntilClosed(socket).closed
            }
            #expect(closed)
        }
    }

    @Test func aBodyShorterThanItsLengthIsABadRequest() async throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        _ = fixture.respond(ServerFixture.s3("PUT", "/bk1"))
        try await LiveServerTests().withServer(fixture) { port in
            let answer = await Self.offThread { () -> String in
                let socket = Self.connect(port: port)
                defer { if socket >= 0 { close(socket) } }
                Self.send(socket, "PUT /bk1/short.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n0123456789")
                shutdown(socket, Int32(SHUT_WR))
                return Self.readUntilClosed(socket).text
            }
            #expect(answer.hasPrefix("HTTP/1.1 400"), "\(answer)")
            #expect(!answer.contains("413"))
        }
        #expect(fixture.respond(ServerFixture.s3("HEAD", "/bk1/short.bin")).status == 404)
    }

    @Test func aBadChunkSizeIsABadRequest() async throws {
        let fixture = try ServerFixture()
        defer { fixture.removeBuckets() }
        _ = fixture.respond(ServerFixture.s3("PUT", "/bk1"))
        try await LiveServerTests().withServer(fixture) { port in
            let answer = await Self.offThread { () -> String in
                let socket = Self.connect(port: port)
                defer { if socket >= 0 { close(socket) } }
                Self.send(socket, "PUT /bk1/c.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n")
                return Self.readUntilClosed(socket).text
            }
            #expect(answer.hasPrefix("HTTP/1.1 400"), "\(answer)")
        }
    }

    @Test func bodiesBeyondTheServersBudgetAreRefusedWithSlowDown() async throws {
        let fixture = try ServerFixture { $0.maxInFlightBodyBytes = 1000 }
        defer { fixture.removeBuckets() }
        _ = fixture.respond(ServerFixture.s3("PUT", "/bk1"))
        try await LiveServerTests().withServer(fixture) { port in
            let answer = try await RawHTTP.exchange(port: port, head: [
                "PUT /bk1/big.bin HTTP/1.1", "Host: 127.0.0.1:\(port)", "Content-Length: 5000", "Connection: close",
            ], body: [UInt8](repeating: 1, count: 5000))
            #expect(answer.statusLine.hasPrefix("HTTP/1.1 503"))
            #expect(answer.body.contains("<Code>SlowDown</Code>"))
            let small = try await RawHTTP.exchange(port: port, head: [
                "PUT /bk1/small.bin HTTP/1.1", "Host: 127.0.0.1:\(port)", "Content-Length: 500", "Connection: close",
            ], body: [UInt8](repeating: 1, count: 500))
            #expect(small.statusLine.hasPrefix("HTTP/1.1 200"))
        }
    }

    @Test func theBudgetIsTakenAndGivenBack() {
        let budget = BodyBudget(limit: 100, trimAfter: 50)
        #expect(budget.reserve(60))
        #expect(!budget.reserve(41))
        #expect(budget.reserve(40))
        #expect(budget.held == 100)
        budget.release(60)
        budget.release(40)
        #expect(budget.held == 0)
        #expect(budget.reserve(100))
    }
}
