import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import Hummingbird
import NIOCore

/// A server under test on 127.0.0.1 (port 0), and a plain HTTP client for it: no cookies kept, no
/// redirects followed (the tests read both themselves). Foundation's client keeps the tests free of
/// a second HTTP stack (and of the TLS library it would build).
struct LiveClient: Sendable {
    let port: Int

    /// One answer: status, headers and body.
    struct Answer: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
    }

    /// Runs `app` until `body` returns, giving `body` a client for it.
    static func serve<App: ApplicationProtocol>(_ app: App, port: AsyncStream<Int>, _ body: @Sendable (LiveClient) async throws -> Void) async throws {
        let running = Task { try await app.run() }
        defer { running.cancel() }
        var ports = port.makeAsyncIterator()
        guard let bound = await ports.next() else { throw CancellationError() }
        try await body(LiveClient(port: bound))
        running.cancel()
        _ = await running.result
    }

    private final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
            completionHandler(nil)
        }
    }

    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = 300
        return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }()

    /// Sends one request and returns the answer.
    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> Answer {
        guard let url = URL(string: "http://127.0.0.1:\(port)" + uri) else { throw URLError(.badURL) }
        var request = URLRequest(url: url)
        request.httpMethod = method.rawValue
        for field in headers { request.addValue(field.value, forHTTPHeaderField: field.name.rawName) }
        if let body { request.httpBody = Data(body.readableBytesView) }
        let (data, response) = try await Self.session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var fields = HTTPFields()
        for (name, value) in http.allHeaderFields {
            guard let text = name as? String, let fieldName = HTTPField.Name(text), let value = value as? String else { continue }
            fields.append(HTTPField(name: fieldName, value: value))
        }
        return Answer(status: HTTPResponse.Status(code: http.statusCode), headers: fields, body: ByteBuffer(bytes: data))
    }
}
