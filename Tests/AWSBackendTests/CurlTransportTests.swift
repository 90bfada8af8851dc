import CCurl
import Testing
@testable import AWSBackend

/// The libcurl transport's own parts: header lines and libcurl's codes.
@Suite struct CurlTransportTests {
    @Test func onlyTheLastResponsesHeadersCount() {
        let raw = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Amz-Request-Id:  abc \r\n\r\n"
        #expect(CurlTransport.headers(Array(raw.utf8)) == ["content-type": "application/json", "x-amz-request-id": "abc"])
    }

    @Test(arguments: [
        (PANYA_CURLE_OPERATION_TIMEDOUT, TransportFailure.timedOut),
        (PANYA_CURLE_ABORTED_BY_CALLBACK, .interrupted),
        (PANYA_CURLE_COULDNT_CONNECT, .connection("connection refused")),
        (PANYA_CURLE_COULDNT_RESOLVE_HOST, .connection("host not found")),
        (PANYA_CURLE_RECV_ERROR, .connection("connection dropped")),
        (PANYA_CURLE_PEER_FAILED_VERIFICATION, .connection("TLS failed")),
        (PANYA_CURL_UNAVAILABLE, .connection("libcurl could not be loaded")),
        (Int32(99), .connection("network error 99")),
    ])
    func codesBecomeFailures(code: Int32, failure: TransportFailure) {
        #expect(CurlTransport.failure(code: code, message: "libcurl could not be loaded") == failure)
    }
}
