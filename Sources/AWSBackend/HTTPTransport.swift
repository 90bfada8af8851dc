import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
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

/// The real transport: Foundation's `URLSession` (libcurl on Linux), made synchronous.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    // URLSession is thread-safe; nothing else here is mutable.
    private let session: URLSession

    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.httpMaximumConnectionsPerHost = 4
        session = URLSession(configuration: configuration)
    }

    deinit { session.invalidateAndCancel() }

    public func send(_ request: HTTPRequest, timeout: Double, interrupt: InterruptSignal) throws(TransportFailure) -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers where name.lowercased() != "host" {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        if !request.body.isEmpty || request.method == "POST" || request.method == "PUT" {
            urlRequest.httpBody = Data(request.body)
        }
        let box = ResultBox()
        let task = session.dataTask(with: urlRequest) { data, response, error in
            if let error {
                box.finish(.failure(Self.failure(from: error)))
            } else if let http = response as? HTTPURLResponse {
                var headers: [String: String] = [:]
                for (key, value) in http.allHeaderFields {
                    if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
                }
                box.finish(.success(HTTPResponse(status: http.statusCode, headers: headers, body: data.map { Array($0) } ?? [])))
            } else {
                box.finish(.failure(.connection("no HTTP response")))
            }
        }
        task.resume()
        // Wait in short slices so Ctrl-C is noticed. This deadline is the timeout that counts:
        // FoundationNetworking's own timer works in whole seconds on Linux.
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let result = box.wait(upTo: 0.05) {
                switch result {
                case .success(let response): return response
                case .failure(let failure): throw failure
                }
            }
            if interrupt.isPending {
                task.cancel()
                throw .interrupted
            }
            if Date() > deadline {
                task.cancel()
                throw .timedOut
            }
        }
    }

    /// Maps a URLSession error to a failure whose text has no URL query or headers.
    static func failure(from error: Error) -> TransportFailure {
        let nsError = error as NSError
        if nsError.domain == NSURLErrorDomain {
            switch nsError.code {
            case NSURLErrorTimedOut: return .timedOut
            case NSURLErrorCancelled: return .interrupted
            case NSURLErrorCannotConnectToHost: return .connection("connection refused")
            case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: return .connection("host not found")
            case NSURLErrorNetworkConnectionLost: return .connection("connection dropped")
            case NSURLErrorNotConnectedToInternet: return .connection("not connected to the network")
            case NSURLErrorBadServerResponse: return .connection("bad response from the server")
            case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted, NSURLErrorServerCertificateHasBadDate,
                 NSURLErrorServerCertificateHasUnknownRoot, NSURLErrorServerCertificateNotYetValid:
                return .connection("TLS failed")
            default: return .connection("network error \(nsError.code)")
            }
        }
        return .connection("network error")
    }
}

/// A one-shot result a callback fills and a waiting thread reads.
final class ResultBox: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<HTTPResponse, TransportFailure>?

    func finish(_ value: Result<HTTPResponse, TransportFailure>) {
        condition.lock()
        if result == nil { result = value }
        condition.broadcast()
        condition.unlock()
    }

    /// The result, waiting at most `seconds` for it.
    func wait(upTo seconds: Double) -> Result<HTTPResponse, TransportFailure>? {
        condition.lock()
        defer { condition.unlock() }
        if result == nil { _ = condition.wait(until: Date().addingTimeInterval(seconds)) }
        return result
    }
}
