import CustomLabels
import Foundation
import MockBackend
import PanyaTestSupport
@testable import PanyaServer

/// A server over the bundled recordings, an in-memory database and a fresh bucket folder.
struct ServerFixture {
    static let versionArn = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690851600000"
    static let projectArn = "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/1690848000000"
    static var photoPath: String { RepositoryRoot.file("lessons/photos/breads3.jpg") }
    static var photo: [UInt8] { [UInt8](FileManager.default.contents(atPath: photoPath) ?? Data()) }

    let server: PanyaServer
    /// The bucket folder (S3 root); removed by `removeBuckets()` or when the last copy of the fixture goes.
    let buckets: TemporaryFolder
    var s3Root: String { buckets.path }
    /// The server's log lines, one entry each.
    let lines: OutputCapture

    init(authentication: ServerConfiguration.Authentication = .off, clock: ServerConfiguration.ClockMode = .simulated, maxBodyBytes: Int = ServerConfiguration.defaultMaxBodyBytes,
         configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        buckets = try TemporaryFolder(prefix: "panya-serve-tests")
        let s3Root = buckets.path
        let lines = OutputCapture()
        self.lines = lines
        var configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, mockDirectory: RepositoryRoot.file("mock-responses"), s3Root: s3Root, databasePath: ":memory:",
            authentication: authentication, clock: clock, language: .en, maxBodyBytes: maxBodyBytes)
        configure(&configuration)
        server = try PanyaServer(configuration: configuration, log: { lines.append($0) })
    }

    /// Starts the seed version and moves the simulated clock past STARTING.
    func startModel() throws {
        try server.gate.run { backend in
            _ = try backend.startProjectVersion(arn: Self.versionArn, minInferenceUnits: 1, maxInferenceUnits: nil)
            try backend.advance(seconds: 300)
        }
    }

    /// A Rekognition request for `operation` with a JSON body.
    static func rekognition(_ operation: String, _ body: String) -> ServerRequest {
        ServerRequest(method: "POST", rawPath: "/", headers: [
            (name: "host", value: "127.0.0.1:4566"), (name: "Content-Type", value: "application/x-amz-json-1.1"),
            (name: "X-Amz-Target", value: "RekognitionService." + operation),
        ], body: Array(body.utf8))
    }

    /// An S3 request.
    static func s3(_ method: String, _ path: String, query: String = "", body: [UInt8] = [], host: String = "127.0.0.1:4566") -> ServerRequest {
        ServerRequest(method: method, rawPath: path, rawQuery: query, headers: [(name: "host", value: host)], body: body)
    }

    func respond(_ request: ServerRequest) -> ServerResponse {
        server.dispatcher.respond(to: request)
    }

    func removeBuckets() {
        buckets.remove()
    }
}

extension ServerResponse {
    /// The `__type` of a JSON error body.
    var errorType: String? {
        guard let value = try? JSONParser.value(bodyText) else { return nil }
        return value["__type"]?.stringValue
    }
}
