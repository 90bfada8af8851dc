import CustomLabels
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MockBackend
import NIOCore
import NIOPosix
import PanyaStore
import PanyaSupport

/// `panya serve`: the mock behind Rekognition's JSON 1.1 protocol and an S3 subset, over HTTP
/// (Hummingbird), sharing the shells' database.
///
/// ```swift
/// let server = try PanyaServer(configuration: ServerConfiguration(port: 0, mockDirectory: "mock-responses", databasePath: ":memory:"))
/// try await server.run { port in print("listening on \(port)") }
/// ```
public final class PanyaServer: Sendable {
    /// The settings it was started with.
    public let configuration: ServerConfiguration
    /// The door into the backend.
    public let gate: BackendGate
    /// Routes requests to Rekognition or S3.
    public let dispatcher: RequestDispatcher
    /// Where the request log goes (one line per request).
    let log: @Sendable (String) -> Void

    /// Opens the database and the recordings; throws ``ServerError`` when either cannot be used.
    public init(configuration: ServerConfiguration, log: @escaping @Sendable (String) -> Void = PanyaServer.printLine) throws {
        guard (0...65535).contains(configuration.port) else { throw ServerError.badPort(configuration.port) }
        self.configuration = configuration
        let backend: MockBackend
        do {
            let database = try PanyaDatabase(path: configuration.databasePath)
            backend = try MockBackend(directory: configuration.mockDirectory, database: database, s3Root: configuration.s3Root)
        } catch let error as UserFacingError {
            throw ServerError.backendUnavailable(error.message)
        }
        gate = BackendGate(backend: backend, clock: configuration.clock)
        dispatcher = RequestDispatcher(gate: gate, configuration: configuration)
        self.log = log
    }

    /// Writes a line to standard output at once (the log is read while the server runs): one
    /// `write` of the line's own bytes (a line a request; through `FileHandle` and `Data` it cost
    /// a copy and a dynamic cast each time), repeated only for what a short write left.
    public static let printLine: @Sendable (String) -> Void = { line in
        var text = line + "\n"
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count, let base = bytes.baseAddress {
                let written = write(STDOUT_FILENO, base + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    /// Runs until Ctrl-C / SIGTERM (when `handleSignals`) or until the task is cancelled; calls
    /// `onRunning` with the bound port once the server accepts connections. In-flight requests
    /// finish before it returns.
    public func run(handleSignals: Bool = true, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let maxBody = configuration.maxBodyBytes
        // Each DetectCustomLabels body (157 KB for the lesson photo) is copied a few times: reuse the blocks.
        FreedMemory.keepForReuse()
        var logger = Logger(label: "panya-serve")
        logger.logLevel = .critical
        let headerTimeout = TimeAmount.milliseconds(Int64(configuration.headerTimeout * 1000))
        let app = Application(
            responder: PanyaResponder(dispatcher: dispatcher, log: log, language: configuration.language,
                                      budget: BodyBudget(limit: configuration.maxInFlightBodyBytes)),
            server: .http1(configuration: .init(additionalChannelHandlers: [ContinueHandler(maxBodyBytes: maxBody),
                                                                            HeaderTimeoutHandler(timeout: headerTimeout)],
                                                idleTimeout: .milliseconds(Int64(configuration.idleTimeout * 1000)))),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            eventLoopGroupProvider: .shared(Self.socketLoops),
            logger: logger)
        do {
            if handleSignals {
                try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
            } else {
                try await app.run()
            }
        } catch is CancellationError {
            return
        } catch {
            throw ServerError.cannotBind(host: configuration.host, port: configuration.port, reason: "\(error)")
        }
    }

    /// The event loops that read and write the sockets: half the cores, at least one (Hummingbird's
    /// default is one per core). The request handlers run on Swift's task pool, which has a thread
    /// per core of its own: on two cores, two socket loops made four busy threads, and the
    /// switching between them lengthened the slowest requests (p99 9.4–12.2 ms → 8.0–10.3 ms under wrk).
    static let socketLoops = MultiThreadedEventLoopGroup(numberOfThreads: max(1, System.coreCount / 2))

    /// The banner printed at start: URL, state, models, the lines to paste, the keys.
    public func banner(port: Int, generatedKeys: AccessKeys?) -> String {
        let language = configuration.language
        let url = "http://\(configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host):\(port)"
        var lines = [Catalog.serveListening(url: url).text(language)]
        let clock: Message
        switch configuration.clock {
        case .simulated: clock = Catalog.serveClockSimulated
        case .real(let scale): clock = Catalog.serveClockReal(scale: scale)
        }
        lines.append(Catalog.serveState(mockDirectory: configuration.mockDirectory, s3Root: gate.buckets.root,
                                        database: configuration.databasePath, clock: clock.text(language)).text(language))
        let models = (try? gate.run { backend -> [(String, String)] in
            try backend.describeProjects().flatMap { project in
                try backend.describeProjectVersions(projectArn: project.projectArn, versionNames: nil).map { ($0.projectVersionArn, $0.status.rawValue) }
            }
        }) ?? []
        if !models.isEmpty {
            lines.append(Catalog.serveModelsHeading.text(language))
            lines += models.map { Catalog.serveModelLine(arn: $0.0, status: $0.1).text(language) }
        }
        lines.append(Catalog.serveTryHeading.text(language))
        lines.append("  export AWS_ENDPOINT_URL=\(url)")
        switch configuration.authentication {
        case .off:
            lines.append("  export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=\(configuration.region)")
        case .keys(let keys):
            let pair = generatedKeys?.pairs.first ?? keys.pairs.first
            if let pair {
                lines.append("  export AWS_ACCESS_KEY_ID=\(pair.accessKeyId) AWS_SECRET_ACCESS_KEY=\(pair.secretAccessKey) AWS_DEFAULT_REGION=\(configuration.region)")
            }
        }
        if let arn = models.first?.0 {
            lines.append("  aws rekognition start-project-version --project-version-arn \(arn) --min-inference-units 1")
            lines.append("  aws s3 mb s3://chekimagebkt; aws s3 cp breads3.jpg s3://chekimagebkt/check/")
            lines.append("  aws rekognition detect-custom-labels --project-version-arn \(arn) \\")
            lines.append("    --image '{\"S3Object\":{\"Bucket\":\"chekimagebkt\",\"Name\":\"check/breads3.jpg\"}}'")
        }
        switch configuration.authentication {
        case .off: lines.append(Catalog.serveAuthOff.text(language))
        case .keys(let keys):
            lines.append(generatedKeys != nil ? Catalog.serveAuthGenerated.text(language) : Catalog.serveAuthFromFile(keys.pairs.count).text(language))
            if let generatedKeys { lines += generatedKeys.pairs.map { "  \($0.accessKeyId) \($0.secretAccessKey)" } }
        }
        lines.append(Catalog.serveStopHint.text(language))
        return lines.joined(separator: "\n")
    }
}

/// The Hummingbird side: turns a request into a ``ServerRequest`` (refusing a body over the
/// limit before reading it), asks the dispatcher, writes the answer and the log line.
struct PanyaResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let dispatcher: RequestDispatcher
    let log: @Sendable (String) -> Void
    let language: UILanguage
    /// The request-body bytes held at once across connections.
    let budget: BodyBudget

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        var headers: [(name: String, value: String)] = []
        if let authority = request.head.authority { headers.append((name: "host", value: authority)) }
        for field in request.headers { headers.append((name: field.name.canonicalName, value: field.value)) }
        var wire = ServerRequest(method: request.method.rawValue, rawPath: request.uri.path, rawQuery: request.uri.query ?? "", headers: headers)
        let answer: ServerResponse
        var closeConnection = false
        let announced = wire.header("content-length").flatMap(Int.init)
        if let announced, announced > dispatcher.maxBodyBytes {
            answer = dispatcher.tooLarge(wire)
            closeConnection = true
        } else if !budget.reserve(announced ?? 0) {
            answer = dispatcher.tooBusy(wire)
            closeConnection = true
        } else {
            var held = announced ?? 0
            let reading: BodyReading
            do {
                reading = try await Self.readBody(request, limit: dispatcher.maxBodyBytes, expected: announced, budget: budget, held: &held)
            } catch {
                reading = .malformed
            }
            switch reading {
            case .body(let body):
                wire.body = body
                answer = dispatcher.respond(to: wire)
            case .tooLarge:
                answer = dispatcher.tooLarge(wire)
                closeConnection = true
            case .tooBusy:
                answer = dispatcher.tooBusy(wire)
                closeConnection = true
            case .malformed:
                answer = dispatcher.malformedBody(wire)
                closeConnection = true
            }
            wire.body = []
            budget.release(held)
        }
        let elapsed = ContinuousClock.now - started
        log(Self.logLine(answer, elapsed: elapsed, language: language))
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        if closeConnection { fields[.connection] = "close" }
        if request.method == .head {
            return Response(status: .init(code: answer.status), headers: fields, body: ResponseBody())
        }
        return Response(status: .init(code: answer.status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }

    /// What reading a body gave.
    enum BodyReading {
        case body([UInt8])
        /// Longer than the limit.
        case tooLarge
        /// A chunked body whose next chunk does not fit the budget.
        case tooBusy
        /// Shorter than its Content-Length, or a chunk that cannot be read.
        case malformed
    }

    /// The body's bytes, copied once from NIO's buffers into an array of the announced length (a
    /// DetectCustomLabels body is 157 KB for the lesson photo). Bytes past the announced length
    /// (a chunked body) are taken from the budget as they come; `held` is what this request holds.
    static func readBody(_ request: Request, limit: Int, expected: Int?, budget: BodyBudget, held: inout Int) async throws -> BodyReading {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(max(expected ?? 0, 0), limit))
        for try await chunk in request.body {
            guard bytes.count + chunk.readableBytes <= limit else { return .tooLarge }
            let needed = bytes.count + chunk.readableBytes - held
            if needed > 0 {
                guard budget.reserve(needed) else { return .tooBusy }
                held += needed
            }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        if let expected, bytes.count < expected { return .malformed }
        return .body(bytes)
    }

    /// `08:30:00 DetectCustomLabels 200 1.2 ms`, and for an error its code (and panya's detail on the next lines).
    static func logLine(_ answer: ServerResponse, elapsed: Duration, language: UILanguage) -> String {
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let rounded = (milliseconds * 10).rounded() / 10
        var line = Catalog.serveLogLine(time: clockTime(), operation: answer.operation, status: answer.status,
                                        milliseconds: String(rounded), errorCode: answer.errorCode).text(language)
        if let detail = answer.detail, !detail.isEmpty {
            line += "\n" + detail.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        }
        return line
    }

    /// The local time as `HH:MM:SS`.
    static func clockTime() -> String {
        var time = time(nil)
        var parts = tm()
        localtime_r(&time, &parts)
        func pad(_ value: Int32) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec))"
    }
}
