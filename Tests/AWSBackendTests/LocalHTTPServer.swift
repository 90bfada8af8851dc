import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 and a free port, for tests: it records each request and
/// answers what the handler says (a response, a dropped connection, or silence). One request per
/// connection (`Connection: close`); everything it does is bounded in time and count.
final class LocalHTTPServer: @unchecked Sendable {
    /// A request as received.
    struct Request: Sendable {
        var method: String
        var target: String
        var headers: [String: String]
        var body: [UInt8]
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    /// What to do with a request.
    enum Reply: Sendable {
        case respond(status: Int, headers: [String: String], body: String)
        /// Close the connection without answering.
        case drop
        /// Answer nothing for this many seconds, then close.
        case silence(Double)
    }

    let port: UInt16
    private let listener: Int32
    private let handler: @Sendable (Request, Int) -> Reply
    private let lock = NSLock()
    private var _requests: [Request] = []
    private var stopped = false
    private let done = DispatchSemaphore(value: 0)

    /// Every request received so far.
    var requests: [Request] {
        lock.lock(); defer { lock.unlock() }
        return _requests
    }

    /// `http://127.0.0.1:<port>`.
    var url: URL { URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/") }

    struct StartFailure: Error, CustomStringConvertible { var description: String }

    /// Starts listening; `handler` gets each request and its 1-based number.
    init(handler: @escaping @Sendable (Request, Int) -> Reply) throws {
        self.handler = handler
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw StartFailure(description: "socket() failed") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw StartFailure(description: "bind/listen failed")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: actual.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// Stops accepting and waits (at most 2 s) for the accept loop to end.
    func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        lock.unlock()
        if !wasStopped { _ = done.wait(timeout: .now() + 2) }
    }

    private var isStopped: Bool {
        lock.lock(); defer { lock.unlock() }
        return stopped
    }

    private func acceptLoop() {
        defer {
            close(listener)
            done.signal()
        }
        var served = 0
        // At most 200 connections and 120 s: a test that forgets to stop cannot keep it alive.
        let deadline = Date().addingTimeInterval(120)
        while !isStopped, served < 200, Date() < deadline {
            var pollFD = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&pollFD, 1, 100) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            served += 1
            let number = served
            Thread { [self] in serve(client, number: number) }.start()
        }
    }

    private func serve(_ client: Int32, number: Int) {
        defer { close(client) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let request = readRequest(client) else { return }
        lock.lock()
        _requests.append(request)
        lock.unlock()
        switch handler(request, number) {
        case .drop:
            return
        case .silence(let seconds):
            let end = Date().addingTimeInterval(min(seconds, 30))
            while Date() < end, !isStopped { Thread.sleep(forTimeInterval: 0.05) }
        case .respond(let status, let headers, let body):
            let bytes = Array(body.utf8)
            var head = "HTTP/1.1 \(status) \(status < 300 ? "OK" : "Error")\r\nContent-Length: \(bytes.count)\r\nConnection: close\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            head += "\r\n"
            let all = Array(head.utf8) + bytes
            var sent = 0
            while sent < all.count {
                let n = all[sent...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if n <= 0 { break }
                sent += n
            }
        }
    }

    private func readRequest(_ client: Int32) -> Request? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        let marker: [UInt8] = Array("\r\n\r\n".utf8)
        var headerEnd: Int? = nil
        while headerEnd == nil, data.count < 16_000_000 {
            let n = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return nil }
            data += buffer[0..<n]
            if data.count >= 4 {
                for i in max(0, data.count - n - 3)...(data.count - 4) where Array(data[i..<(i + 4)]) == marker {
                    headerEnd = i
                    break
                }
            }
        }
        guard let end = headerEnd else { return nil }
        let headText = String(decoding: data[0..<end], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(data[(end + 4)...])
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while body.count < length {
            let n = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            body += buffer[0..<n]
        }
        return Request(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
    }
}
