import CCurl
import Foundation
import PanyaSupport

/// The real transport: libcurl, loaded the first time a request is sent (see `CCurl`), so a
/// panya that never calls AWS never pays for an HTTP stack at start-up.
public final class CurlTransport: HTTPTransport {
    public init() {}

    public func send(_ request: HTTPRequest, timeout: Double, interrupt: InterruptSignal) throws(TransportFailure) -> HTTPResponse {
        // `Expect:` keeps libcurl from waiting for `100 Continue`; an empty `Content-Type:` keeps it
        // from adding a form type to a body the caller gave none.
        var lines = request.headers.filter { $0.name.lowercased() != "host" }.map { "\($0.name): \($0.value)" }
        lines.append("Expect:")
        if !request.headers.contains(where: { $0.name.lowercased() == "content-type" }) { lines.append("Content-Type:") }
        let stopCheck = StopCheck(interrupt)
        var response = panya_curl_response()
        defer { panya_curl_free(&response) }
        var message = [CChar](repeating: 0, count: Int(PANYA_CURL_MESSAGE_CAPACITY))
        let milliseconds = Int(max(1, min(timeout * 1000, Double(Int32.max))))
        let code = withCStrings(lines) { headers in
            request.body.withUnsafeBufferPointer { body in
                panya_curl_perform(request.method, request.url.absoluteString, headers, lines.count,
                                   body.baseAddress, body.count, milliseconds,
                                   { context in
                                       guard let context else { return 0 }
                                       return Unmanaged<StopCheck>.fromOpaque(context).takeUnretainedValue().signal.isPending ? 1 : 0
                                   },
                                   Unmanaged.passUnretained(stopCheck).toOpaque(),
                                   &response, &message, message.count)
            }
        }
        withExtendedLifetime(stopCheck) {}
        guard code == PANYA_CURL_OK else {
            throw Self.failure(code: code, message: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return HTTPResponse(status: response.status, headers: Self.headers(Self.bytes(response.headers)), body: Self.bytes(response.body))
    }

    /// libcurl's outcome as a failure whose text has no URL query or headers.
    static func failure(code: Int32, message: String) -> TransportFailure {
        switch code {
        case PANYA_CURLE_OPERATION_TIMEDOUT: return .timedOut
        case PANYA_CURLE_ABORTED_BY_CALLBACK: return .interrupted
        case PANYA_CURLE_COULDNT_CONNECT: return .connection("connection refused")
        case PANYA_CURLE_COULDNT_RESOLVE_HOST, PANYA_CURLE_COULDNT_RESOLVE_PROXY: return .connection("host not found")
        case PANYA_CURLE_GOT_NOTHING, PANYA_CURLE_SEND_ERROR, PANYA_CURLE_RECV_ERROR: return .connection("connection dropped")
        case PANYA_CURLE_WEIRD_SERVER_REPLY: return .connection("bad response from the server")
        case PANYA_CURLE_SSL_CONNECT_ERROR, PANYA_CURLE_PEER_FAILED_VERIFICATION, PANYA_CURLE_SSL_CACERT_BADFILE: return .connection("TLS failed")
        case PANYA_CURLE_UNSUPPORTED_PROTOCOL, PANYA_CURLE_URL_MALFORMAT: return .connection("the endpoint is not an http(s) address")
        case PANYA_CURL_UNAVAILABLE: return .connection(message)
        case PANYA_CURL_NO_MEMORY: return .connection("out of memory")
        default: return .connection("network error \(code)")
        }
    }

    /// The last response's header lines (a `100 Continue` before it is dropped), names lower-cased.
    static func headers(_ bytes: [UInt8]) -> [String: String] {
        var headers: [String: String] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == "\r\n" || $0 == "\n" }) {
            if line.hasPrefix("HTTP/") { headers = [:]; continue }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return headers
    }

    static func bytes(_ buffer: panya_curl_buffer) -> [UInt8] {
        guard let start = buffer.bytes, buffer.count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: start, count: buffer.count))
    }

    /// The interrupt signal, reachable from libcurl's progress callback.
    final class StopCheck {
        let signal: InterruptSignal
        init(_ signal: InterruptSignal) { self.signal = signal }
    }
}

/// Runs `body` with `strings` as an array of C strings (valid only during the call).
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { for copy in copies { free(copy) } }
    let pointers = copies.map { $0.map { UnsafePointer($0) } }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
}
