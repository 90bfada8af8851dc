import Foundation
import PanyaSupport

/// One HTTP request ready to send: the URL (already percent-encoded), method, headers and body.
public struct HTTPRequest: Sendable {
    public var url: URL
    public var method: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(url: URL, method: String, headers: [(name: String, value: String)], body: [UInt8]) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
    }
}

/// One HTTP response: status, headers (names lower-cased) and body.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }

    /// A header's value (case-insensitive).
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Why a request got no HTTP response.
public enum TransportFailure: Error, Sendable, Equatable {
    /// No answer within the timeout.
    case timedOut
    /// The connection could not be made or was dropped (the text says how, without secrets).
    case connection(String)
    /// Ctrl-C while waiting.
    case interrupted
}

/// Sends one request and waits for its response; the retry policy sits above it.
public protocol HTTPTransport: Sendable {
    /// Sends `request`, waiting at most `timeout` seconds; polls `interrupt` while it waits.
    func send(_ request: HTTPRequest, timeout: Double, interrupt: InterruptSignal) throws(TransportFailure) -> HTTPResponse
}
