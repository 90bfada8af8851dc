import Foundation
import PanyaSupport
import Testing
@testable import AWSBackend

@Suite("Signed calls, retries and errors against a local server")
struct AWSClientTests {
    func client(_ server: LocalHTTPServer, retry: RetryPolicy = Fixtures.fastRetry, timeout: Double = 5,
                counter: AttemptCounter? = nil, interrupt: InterruptSignal = .ctrlC) -> AWSClient {
        AWSClient(credentials: Fixtures.credentials, region: "ap-northeast-1", retryPolicy: retry, requestTimeout: timeout,
                  interrupt: interrupt, onAttempt: counter?.observer)
    }

    func post(_ client: AWSClient, _ server: LocalHTTPServer, operation: String = "DescribeProjects") throws -> HTTPResponse {
        try client.call(Fixtures.rekognition(server.url), operation: operation, method: "POST", path: "/", headers: [
            (name: "Content-Type", value: "application/x-amz-json-1.1"),
            (name: "X-Amz-Target", value: "RekognitionService.\(operation)"),
        ], body: Array("{}".utf8))
    }

    @Test func requestIsSignedJSON11() throws {
        let server = try LocalHTTPServer { _, _ in .respond(status: 200, headers: ["Content-Type": "application/x-amz-json-1.1"], body: "{}") }
        defer { server.stop() }
        let response = try post(client(server), server)
        #expect(response.status == 200)
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/")
        #expect(request.header("content-type") == "application/x-amz-json-1.1")
        #expect(request.header("x-amz-target") == "RekognitionService.DescribeProjects")
        #expect(request.header("host") == "127.0.0.1:\(server.port)")
        #expect(request.header("x-amz-security-token") == Fixtures.token)
        let authorization = try #require(request.header("authorization"))
        #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDTEST/"))
        #expect(authorization.contains("/ap-northeast-1/rekognition/aws4_request"))
        #expect(authorization.contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target"))
        #expect(request.body == Array("{}".utf8))
    }

    @Test func html500IsRetriedThenReportedClearly() throws {
        let html = "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1><p>overloaded</p>"
        let server = try LocalHTTPServer { _, _ in .respond(status: 500, headers: ["Content-Type": "text/html"], body: html) }
        defer { server.stop() }
        let counter = AttemptCounter()
        let error = try #require(throws: AWSError.self) { try post(client(server, counter: counter), server) }
        #expect(counter.count("DescribeProjects") == 3)
        #expect(server.requests.count == 3)
        #expect(error.kind == .service)
        #expect(error.httpStatus == 500)
        #expect(error.serviceCode == nil)
        #expect(error.code == "HTTP 500")
        #expect(error.message.en.contains("Rekognition DescribeProjects failed with HTTP 500: 500 Internal Server Error"))
        #expect(error.message.ja.contains("HTTP 500"))
        #expect(!error.message.en.contains("<"))
    }

    @Test func droppedConnectionsAreRetriedThenReported() throws {
        let server = try LocalHTTPServer { _, _ in .drop }
        defer { server.stop() }
        let counter = AttemptCounter()
        let error = try #require(throws: AWSError.self) { try post(client(server, counter: counter), server) }
        #expect(counter.count("DescribeProjects") == 3)
        #expect(error.kind == .network)
        #expect(error.message.en.contains("3 attempts"))
        #expect(error.message.en.contains("127.0.0.1:\(server.port)"))
    }

    @Test func droppedOnceThenAnswered() throws {
        let server = try LocalHTTPServer { _, number in
            number == 1 ? .drop : .respond(status: 200, headers: [:], body: #"{"ProjectDescriptions":[]}"#)
        }
        defer { server.stop() }
        let counter = AttemptCounter()
        let response = try post(client(server, counter: counter), server)
        #expect(response.status == 200)
        #expect(counter.count("DescribeProjects") == 2)
    }

    @Test func refusedConnectionIsANetworkError() throws {
        let server = try LocalHTTPServer { _, _ in .drop }
        server.stop()
        Thread.sleep(forTimeInterval: 0.2)
        let error = try #require(throws: AWSError.self) { try post(client(server), server) }
        #expect(error.kind == .network)
        #expect(error.code == "network")
        #expect(error.message.en.contains("Could not reach http://127.0.0.1:\(server.port)"))
        #expect(error.message.ja.contains("接続できませんでした"))
    }

    @Test func silenceTimesOut() throws {
        let server = try LocalHTTPServer { _, _ in .silence(5) }
        defer { server.stop() }
        let counter = AttemptCounter()
        let started = Date()
        let error = try #require(throws: AWSError.self) {
            try post(client(server, retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.01), timeout: 0.5, counter: counter), server)
        }
        #expect(error.kind == .timeout)
        #expect(counter.count("DescribeProjects") == 2)
        #expect(Date().timeIntervalSince(started) < 8)
    }

    @Test func throttlingIsRetried() throws {
        let server = try LocalHTTPServer { _, number in
            number < 3
                ? .respond(status: 400, headers: [:], body: #"{"__type":"ThrottlingException","Message":"Rate exceeded"}"#)
                : .respond(status: 200, headers: [:], body: "{}")
        }
        defer { server.stop() }
        let counter = AttemptCounter()
        _ = try post(client(server, counter: counter), server)
        #expect(counter.count("DescribeProjects") == 3)
    }

    @Test func clientErrorsAreNotRetried() throws {
        let server = try LocalHTTPServer { _, _ in
            .respond(status: 400, headers: ["x-amzn-RequestId": "req-42"],
                     body: #"{"__type":"com.amazonaws.rekognition#ResourceNotReadyException","Message":"ProjectVersion arn:x is not running."}"#)
        }
        defer { server.stop() }
        let counter = AttemptCounter()
        let error = try #require(throws: AWSError.self) { try post(client(server, counter: counter), server, operation: "DetectCustomLabels") }
        #expect(counter.count("DetectCustomLabels") == 1)
        #expect(error.code == "ResourceNotReadyException")
        #expect(error.requestId == "req-42")
        #expect(error.message.en.contains("ResourceNotReadyException (HTTP 400): ProjectVersion arn:x is not running."))
        #expect(error.message.en.contains("model start"))
        #expect(error.message.ja.contains("model start"))
    }

    /// A skewed clock: the service says so, the client takes the time from `Date` and signs again.
    @Test func clockSkewIsCorrectedOnce() throws {
        let serverNow = Date().addingTimeInterval(3600)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let dateHeader = formatter.string(from: serverNow)
        let server = try LocalHTTPServer { request, _ in
            let amz = DateFormatter()
            amz.locale = Locale(identifier: "en_US_POSIX")
            amz.timeZone = TimeZone(identifier: "GMT")
            amz.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
            let signedAt = amz.date(from: request.header("x-amz-date") ?? "") ?? .distantPast
            return abs(signedAt.timeIntervalSince(serverNow)) < 300
                ? .respond(status: 200, headers: [:], body: "{}")
                : .respond(status: 400, headers: ["Date": dateHeader],
                           body: #"{"__type":"InvalidSignatureException","message":"Signature expired: is now earlier than ..."}"#)
        }
        defer { server.stop() }
        let counter = AttemptCounter()
        let theClient = client(server, retry: .none, counter: counter)
        _ = try post(theClient, server)
        #expect(counter.count("DescribeProjects") == 2)
        #expect(abs(theClient.clockOffset - 3600) < 5)
    }

    @Test func skewWithoutDateIsReported() throws {
        let server = try LocalHTTPServer { _, _ in
            .respond(status: 403, headers: [:], body: "<Error><Code>RequestTimeTooSkewed</Code><Message>The difference is too large.</Message></Error>")
        }
        defer { server.stop() }
        let error = try #require(throws: AWSError.self) { try post(client(server), server) }
        #expect(error.code == "RequestTimeTooSkewed")
        #expect(error.message.en.contains("clock"))
    }

    /// Whatever a server echoes back, messages never show the secret, the token or the signature.
    @Test func secretsNeverAppearInErrors() throws {
        let server = try LocalHTTPServer { request, _ in
            let echoed = "auth=\(request.header("authorization") ?? "") token=\(request.header("x-amz-security-token") ?? "") key=\(Fixtures.secret)"
            return .respond(status: 403, headers: [:], body: #"{"__type":"SignatureDoesNotMatch","message":"\#(echoed)"}"#)
        }
        defer { server.stop() }
        let error = try #require(throws: AWSError.self) { try post(client(server), server) }
        let signature = try #require(server.requests.first?.header("authorization")?.components(separatedBy: "Signature=").last)
        for text in [error.message.en, error.message.ja, "\(error)", String(reflecting: error)] {
            #expect(!text.contains(Fixtures.secret))
            #expect(!text.contains(Fixtures.token))
            #expect(!text.contains(signature))
        }
        #expect(error.code == "SignatureDoesNotMatch")
        #expect(error.message.en.contains("AWS_SECRET_ACCESS_KEY"))
    }

    @Test func interruptStopsRetrying() throws {
        let interrupt = TestInterrupt()
        let server = try LocalHTTPServer { _, _ in .respond(status: 503, headers: [:], body: "Service Unavailable") }
        defer { server.stop() }
        let counter = AttemptCounter()
        let slow = RetryPolicy(maxAttempts: 3, baseDelay: 10, maxBackoff: 10, random: { 1 })
        let theClient = client(server, retry: slow, counter: counter, interrupt: interrupt.signal)
        Thread { Thread.sleep(forTimeInterval: 0.5); interrupt.raise() }.start()
        let started = Date()
        #expect(throws: Interrupted.self) { try post(theClient, server) }
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(counter.count("DescribeProjects") == 1)
    }

    @Test func interruptStopsAWaitingRequest() throws {
        let interrupt = TestInterrupt()
        let server = try LocalHTTPServer { _, _ in .silence(10) }
        defer { server.stop() }
        let theClient = client(server, timeout: 20, interrupt: interrupt.signal)
        Thread { Thread.sleep(forTimeInterval: 0.3); interrupt.raise() }.start()
        let started = Date()
        #expect(throws: Interrupted.self) { try post(theClient, server) }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func largeBodiesArrive() throws {
        let server = try LocalHTTPServer { _, _ in .respond(status: 200, headers: [:], body: "{}") }
        defer { server.stop() }
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 300_000)
        let started = Date()
        _ = try client(server).call(Fixtures.rekognition(server.url), operation: "DetectCustomLabels", method: "POST", path: "/", body: big)
        #expect(server.requests.first?.body.count == big.count)
        #expect(Date().timeIntervalSince(started) < 3)
    }
}
