import CustomLabels
import Foundation
import PanyaSupport
import Photos
@testable import AWSBackend

/// A scripted stand-in for Rekognition and S3 on the local server: answers by `X-Amz-Target`
/// (POST /) or by path (GET /bucket/key).
final class FakeRekognition: @unchecked Sendable {
    static let account = "987654321098"
    static let projectArn = "arn:aws:rekognition:ap-northeast-1:\(account):project/verification001/1690848000000"
    static let versionName = "verification001.2023-08-01T10.00.00"
    static let versionArn = "arn:aws:rekognition:ap-northeast-1:\(account):project/verification001/version/\(versionName)/1690851600000"
    static let summaryKey = "evals/EvaluationSummary-verification001-\(versionName).json"
    static let detectBody = #"{"CustomLabels":[{"Name":"焼きそばパン","Confidence":90.44999694824219,"Geometry":{"BoundingBox":{"Width":0.41152000427246094,"Height":0.34727999567985535,"Left":0.23639999330043793,"Top":0.08641000092029572}}},{"Name":"メロンパン","Confidence":88.00399780273438,"Geometry":{"BoundingBox":{"Width":0.31696000695228577,"Height":0.48267999291419983,"Left":0.5984500050544739,"Top":0.33976998925209045}}}]}"#
    static let summaryBody = """
        {"Version":1,"EvaluationDetails":{"NumberOfTrainingImages":30,"NumberOfTestingImages":3},
         "AggregatedEvaluationResults":{"F1Score":1.0,"Precision":1.0,"Recall":1.0},
         "LabelEvaluationResults":[
          {"Label":"あんぱん","NumberOfTestingImages":1,"Metrics":{"F1Score":1.0,"Precision":1.0,"Recall":1.0,"Threshold":0.817}},
          {"Label":"メロンパン","NumberOfTestingImages":1,"Metrics":{"F1Score":1.0,"Precision":1.0,"Recall":1.0,"Threshold":0.862}},
          {"Label":"焼きそばパン","NumberOfTestingImages":1,"Metrics":{"F1Score":1.0,"Precision":1.0,"Recall":1.0,"Threshold":0.907}}]}
        """

    private let lock = NSLock()
    /// Statuses DescribeProjectVersions gives, one per call (the last repeats).
    var statuses: [String] = ["TRAINING_COMPLETED"]
    private var statusCalls = 0
    /// Overrides by operation (or `GET`): a reply instead of the scripted one.
    var overrides: [String: LocalHTTPServer.Reply] = [:]
    /// Page count for DescribeProjectVersions; `endless` always gives a NextToken.
    var endlessPaging = false

    func status() -> String {
        lock.lock(); defer { lock.unlock() }
        let index = min(statusCalls, statuses.count - 1)
        statusCalls += 1
        return statuses[index]
    }

    func reply(_ request: LocalHTTPServer.Request) -> LocalHTTPServer.Reply {
        let json = ["Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": "fake-req"]
        if request.method == "GET" {
            if let override = overrides["GET"] { return override }
            if request.target == "/panya-evals/" + Self.summaryKey.split(separator: "/").map({ URIEncoding.encode(String($0)) }).joined(separator: "/") {
                return .respond(status: 200, headers: [:], body: Self.summaryBody)
            }
            return .respond(status: 404, headers: ["x-amz-request-id": "s3-req"], body: "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>")
        }
        let operation = (request.header("x-amz-target") ?? "").replacingOccurrences(of: "RekognitionService.", with: "")
        if let override = overrides[operation] { return override }
        let body = (try? JSONParser.parse(bytes: request.body).root) ?? .null
        switch operation {
        case "DetectCustomLabels":
            return .respond(status: 200, headers: json, body: Self.detectBody)
        case "DescribeProjects":
            return .respond(status: 200, headers: json, body: #"{"ProjectDescriptions":[{"ProjectArn":"\#(Self.projectArn)","CreationTimestamp":1690848000.0,"Status":"CREATED"}]}"#)
        case "DescribeProjectVersions":
            let token = body["NextToken"]?.stringValue
            let filtered = body["VersionNames"] != nil
            let version: () -> String = { #"{"ProjectVersionArn":"\#(Self.versionArn)","CreationTimestamp":1690851600.0,"Status":"\#(self.status())","BillableTrainingTimeInSeconds":1800,"EvaluationResult":{"F1Score":1.0,"Summary":{"S3Object":{"Bucket":"panya-evals","Name":"\#(Self.summaryKey)"}}}}"# }
            if endlessPaging {
                return .respond(status: 200, headers: json, body: #"{"ProjectVersionDescriptions":[\#(version())],"NextToken":"t\#(Int.random(in: 0..<1_000_000))"}"#)
            }
            if token == nil && !filtered {
                let older = #"{"ProjectVersionArn":"arn:aws:rekognition:ap-northeast-1:\#(Self.account):project/verification001/version/old/1690000000000","Status":"STOPPED"}"#
                return .respond(status: 200, headers: json, body: #"{"ProjectVersionDescriptions":[\#(older)],"NextToken":"page2"}"#)
            }
            return .respond(status: 200, headers: json, body: #"{"ProjectVersionDescriptions":[\#(version())]}"#)
        case "StartProjectVersion":
            return .respond(status: 200, headers: json, body: #"{"Status":"STARTING"}"#)
        case "StopProjectVersion":
            return .respond(status: 200, headers: json, body: #"{"Status":"STOPPING"}"#)
        default:
            return .respond(status: 400, headers: json, body: #"{"__type":"UnknownOperationException"}"#)
        }
    }

    /// A backend talking to `server` for both Rekognition and S3, with fast retries and polls.
    static func backend(_ server: LocalHTTPServer, interrupt: InterruptSignal = .ctrlC, maxPolls: Int = 5,
                        counter: AttemptCounter? = nil) -> AWSBackend {
        let configuration = AWSConfiguration(credentials: Fixtures.credentials, region: "ap-northeast-1", profile: "test",
                                             rekognitionEndpoint: server.url, s3Endpoint: server.url)
        return AWSBackend(configuration: configuration,
                          settings: .init(requestTimeout: 5, retryPolicy: Fixtures.fastRetry, pollInterval: 0.01, maxPolls: maxPolls,
                                          maxPages: 4, interrupt: interrupt),
                          onAttempt: counter?.observer)
    }

    /// A small real PNG (96×64) for the recorder, which checks photos as the service does.
    static func photoBytes() throws -> [UInt8] {
        var pixels: [UInt8] = []
        for y in 0..<64 {
            for x in 0..<96 {
                pixels += (x - 48) * (x - 48) + (y - 32) * (y - 32) < 400 ? [150, 95, 40] : [245, 245, 240]
            }
        }
        guard let photo = Photo(width: 96, height: 64, pixels: pixels) else { return [] }
        return try photo.encodePNG()
    }
}
