import Foundation
import PanyaSupport

// The service's exact JSON for the wire types: key names and order as in the service model
// (CustomLabel: Name, Confidence, Geometry; BoundingBox: Width, Height, Left, Top).

extension BoundingBox {
    /// `{"Width", "Height", "Left", "Top"}`.
    public var jsonValue: JSONValue {
        .object(["Width": .double(width), "Height": .double(height), "Left": .double(left), "Top": .double(top)])
    }

    /// Reads `{"Width", "Height", "Left", "Top"}` (all required, numbers).
    public init(json: JSONCursor) throws {
        self.init(width: try json.member("Width").double(), height: try json.member("Height").double(),
                  left: try json.member("Left").double(), top: try json.member("Top").double())
    }
}

extension CustomLabel {
    /// `{"Name", "Confidence", "Geometry": {"BoundingBox": …}}` (Geometry only with a box).
    public var jsonValue: JSONValue {
        var object: JSONObject = ["Name": .string(name), "Confidence": .double(confidence)]
        if let boundingBox {
            object["Geometry"] = .object(["BoundingBox": boundingBox.jsonValue])
        }
        return .object(object)
    }

    /// Reads one label as the service writes it.
    public init(json: JSONCursor) throws {
        let name = try json.member("Name").string()
        let confidence = try json.member("Confidence").double()
        var box: BoundingBox?
        if let geometry = try json.optionalMember("Geometry"), let boxJSON = try geometry.optionalMember("BoundingBox") {
            box = try BoundingBox(json: boxJSON)
        }
        self.init(name: name, confidence: confidence, boundingBox: box)
    }
}

extension ImageSource {
    /// `{"Bytes": base64}` or `{"S3Object": {"Bucket", "Name", "Version"?}}`.
    public var jsonValue: JSONValue {
        switch self {
        case .bytes(let bytes):
            return .object(["Bytes": .string(Data(bytes).base64EncodedString())])
        case .s3Object(let bucket, let name, let version):
            var s3: JSONObject = ["Bucket": .string(bucket), "Name": .string(name)]
            s3.append("Version", version.map(JSONValue.string))
            return .object(["S3Object": .object(s3)])
        }
    }

    /// Reads an `Image` member.
    public init(json: JSONCursor) throws {
        if let bytes = try json.optionalMember("Bytes") {
            guard let data = Data(base64Encoded: try bytes.string()) else {
                throw bytes.invalid(Message(en: "Bytes is not valid base64", ja: "Bytes が正しい base64 ではありません"))
            }
            self = .bytes([UInt8](data))
        } else if let s3 = try json.optionalMember("S3Object") {
            self = .s3Object(bucket: try s3.member("Bucket").string(), name: try s3.member("Name").string(),
                             version: try s3.optionalMember("Version")?.string())
        } else {
            throw json.error(.missingKey("Bytes"), hint: Message(en: "an Image holds Bytes or S3Object", ja: "Image には Bytes か S3Object が必要です"))
        }
    }
}

extension DetectCustomLabelsRequest {
    /// The request body: `{"ProjectVersionArn", "Image", "MaxResults"?, "MinConfidence"?}`.
    public var jsonValue: JSONValue {
        var object: JSONObject = ["ProjectVersionArn": .string(projectVersionArn), "Image": image.jsonValue]
        object.append("MaxResults", maxResults.map(JSONValue.int))
        object.append("MinConfidence", minConfidence.map(JSONValue.double))
        return .object(object)
    }

    /// Reads a request body.
    public init(json: JSONCursor) throws {
        self.init(projectVersionArn: try json.member("ProjectVersionArn").string(), image: try ImageSource(json: json.member("Image")),
                  maxResults: try json.optionalMember("MaxResults")?.int(), minConfidence: try json.optionalMember("MinConfidence")?.double())
    }
}

extension DetectCustomLabelsResponse {
    /// `{"CustomLabels": [...]}`.
    public var jsonValue: JSONValue {
        .object(["CustomLabels": .array(customLabels.map(\.jsonValue))])
    }

    /// Exactly what `aws rekognition detect-custom-labels` prints for this response
    /// (4-space indent, non-ASCII as is, the service's key order, a newline at the end).
    public func awsCLIJSON() -> String {
        JSONPrinter.awsCLI(jsonValue)
    }

    /// Reads a response body (a missing `CustomLabels` is an empty list).
    public init(json: JSONCursor) throws {
        let labels = try json.optionalMember("CustomLabels")?.elements().map(CustomLabel.init(json:)) ?? []
        self.init(customLabels: labels)
    }
}

/// A StartProjectVersion request.
public struct StartProjectVersionRequest: Sendable, Equatable {
    public var projectVersionArn: String
    public var minInferenceUnits: Int
    public var maxInferenceUnits: Int?

    public init(projectVersionArn: String, minInferenceUnits: Int, maxInferenceUnits: Int? = nil) {
        self.projectVersionArn = projectVersionArn
        self.minInferenceUnits = minInferenceUnits
        self.maxInferenceUnits = maxInferenceUnits
    }

    /// `{"ProjectVersionArn", "MinInferenceUnits", "MaxInferenceUnits"?}`.
    public var jsonValue: JSONValue {
        var object: JSONObject = ["ProjectVersionArn": .string(projectVersionArn), "MinInferenceUnits": .int(minInferenceUnits)]
        object.append("MaxInferenceUnits", maxInferenceUnits.map(JSONValue.int))
        return .object(object)
    }
}

/// The body of StartProjectVersion's and StopProjectVersion's answers: `{"Status": …}`.
public enum StatusResponse {
    /// `{"Status": "STARTING"}`.
    public static func jsonValue(_ status: VersionStatus) -> JSONValue { .object(["Status": .string(status.rawValue)]) }

    /// Reads `{"Status": …}`.
    public static func decode(_ json: JSONCursor) throws -> VersionStatus {
        try VersionStatus(json: json.member("Status"))
    }
}

extension VersionStatus {
    /// Reads a status string; an unknown one names the statuses the service has.
    public init(json: JSONCursor) throws {
        let text = try json.string()
        guard let status = VersionStatus(rawValue: text) else {
            throw json.invalid(Message(en: "unknown status \"\(text)\"", ja: "知らない状態 \"\(text)\" です"),
                               hint: .verbatim(VersionStatus.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        self = status
    }
}

/// A DescribeProjects answer page.
public struct DescribeProjectsPage: Sendable, Equatable {
    public var projects: [ProjectDescription]
    public var nextToken: String?

    public init(projects: [ProjectDescription], nextToken: String? = nil) {
        self.projects = projects
        self.nextToken = nextToken
    }

    /// Request body: `{"NextToken"?, "MaxResults"?, "ProjectNames"?}`.
    public static func requestJSON(nextToken: String? = nil, maxResults: Int? = nil, projectNames: [String]? = nil) -> JSONValue {
        var object = JSONObject()
        object.append("NextToken", nextToken.map(JSONValue.string))
        object.append("MaxResults", maxResults.map(JSONValue.int))
        object.append("ProjectNames", projectNames.map { .array($0.map(JSONValue.string)) })
        return .object(object)
    }

    /// `{"ProjectDescriptions": [{"ProjectArn", "CreationTimestamp", "Status"}], "NextToken"?}`.
    public var jsonValue: JSONValue {
        var object: JSONObject = ["ProjectDescriptions": .array(projects.map(\.jsonValue))]
        object.append("NextToken", nextToken.map(JSONValue.string))
        return .object(object)
    }

    /// Reads an answer; the project name comes from each ARN.
    public init(json: JSONCursor) throws {
        let projects = try json.optionalMember("ProjectDescriptions")?.elements().map(ProjectDescription.init(json:)) ?? []
        self.init(projects: projects, nextToken: try json.optionalMember("NextToken")?.string())
    }
}

extension ProjectDescription {
    /// `{"ProjectArn", "CreationTimestamp"?, "Status"?}`.
    public var jsonValue: JSONValue {
        var object: JSONObject = ["ProjectArn": .string(projectArn)]
        object.append("CreationTimestamp", creationTimestamp.map(JSONValue.double))
        object.append("Status", status.map(JSONValue.string))
        return .object(object)
    }

    /// Reads one project description; the name is taken from the ARN.
    public init(json: JSONCursor) throws {
        let arnCursor = try json.member("ProjectArn")
        let arn = try arnCursor.string()
        guard let parsed = ProjectArn(arn) else {
            throw arnCursor.invalid(Message(en: "not a project ARN: \(arn)", ja: "プロジェクトの ARN ではありません: \(arn)"))
        }
        self.init(projectName: parsed.projectName, projectArn: arn, creationTimestamp: try json.optionalMember("CreationTimestamp")?.double(),
                  status: try json.optionalMember("Status")?.string())
    }
}

/// A DescribeProjectVersions answer page.
public struct DescribeProjectVersionsPage: Sendable, Equatable {
    public var versions: [ProjectVersionDescription]
    public var nextToken: String?

    public init(versions: [ProjectVersionDescription], nextToken: String? = nil) {
        self.versions = versions
        self.nextToken = nextToken
    }

    /// Request body: `{"ProjectArn", "VersionNames"?, "NextToken"?, "MaxResults"?}`.
    public static func requestJSON(projectArn: String, versionNames: [String]? = nil, nextToken: String? = nil, maxResults: Int? = nil) -> JSONValue {
        var object: JSONObject = ["ProjectArn": .string(projectArn)]
        object.append("VersionNames", versionNames.map { .array($0.map(JSONValue.string)) })
        object.append("NextToken", nextToken.map(JSONValue.string))
        object.append("MaxResults", maxResults.map(JSONValue.int))
        return .object(object)
    }

    /// `{"ProjectVersionDescriptions": [...], "NextToken"?}`.
    public var jsonValue: JSONValue {
        var object: JSONObject = ["ProjectVersionDescriptions": .array(versions.map(\.jsonValue))]
        object.append("NextToken", nextToken.map(JSONValue.string))
        return .object(object)
    }

    /// Reads an answer.
    public init(json: JSONCursor) throws {
        let versions = try json.optionalMember("ProjectVersionDescriptions")?.elements().map(ProjectVersionDescription.init(json:)) ?? []
        self.init(versions: versions, nextToken: try json.optionalMember("NextToken")?.string())
    }
}

extension ProjectVersionDescription {
    /// The service's form (model member order); labels are not part of it (they live in the
    /// evaluation summary).
    public var jsonValue: JSONValue {
        var object: JSONObject = ["ProjectVersionArn": .string(projectVersionArn)]
        object.append("CreationTimestamp", creationTimestamp.map(JSONValue.double))
        object.append("MinInferenceUnits", minInferenceUnits.map(JSONValue.int))
        object["Status"] = .string(status.rawValue)
        object.append("StatusMessage", statusMessage.map(JSONValue.string))
        object.append("BillableTrainingTimeInSeconds", billableTrainingTimeInSeconds.map(JSONValue.int))
        object.append("OutputConfig", outputConfig?.jsonValue)
        if f1Score != nil || evaluationSummaryS3 != nil {
            var evaluation = JSONObject()
            evaluation.append("F1Score", f1Score.map(JSONValue.double))
            if let s3 = evaluationSummaryS3 {
                evaluation["Summary"] = .object(["S3Object": .object(["Bucket": .string(s3.bucket), "Name": .string(s3.key)])])
            }
            object["EvaluationResult"] = .object(evaluation)
        }
        return .object(object)
    }

    /// Reads one version description; the version name is taken from the ARN.
    public init(json: JSONCursor) throws {
        let arnCursor = try json.member("ProjectVersionArn")
        let arn = try arnCursor.string()
        guard let parsed = ProjectVersionArn(arn) else {
            throw arnCursor.invalid(Message(en: "not a model version ARN: \(arn)", ja: "モデルバージョンの ARN ではありません: \(arn)"))
        }
        var f1: Double?
        var s3: (bucket: String, key: String)?
        if let evaluation = try json.optionalMember("EvaluationResult") {
            f1 = try evaluation.optionalMember("F1Score")?.double()
            if let object = try evaluation.optionalMember("Summary")?.optionalMember("S3Object") {
                s3 = (try object.member("Bucket").string(), try object.member("Name").string())
            }
        }
        var trainingImages: Int?
        if let result = try json.optionalMember("TrainingDataResult")?.optionalMember("Output")?.optionalMember("Assets") {
            trainingImages = try Self.imageCount(result)
        }
        var testingImages: Int?
        if let result = try json.optionalMember("TestingDataResult")?.optionalMember("Output")?.optionalMember("Assets") {
            testingImages = try Self.imageCount(result)
        }
        self.init(projectVersionArn: arn, versionName: parsed.versionName, status: try VersionStatus(json: json.member("Status")),
                  statusMessage: try json.optionalMember("StatusMessage")?.string(),
                  creationTimestamp: try json.optionalMember("CreationTimestamp")?.double(),
                  minInferenceUnits: try json.optionalMember("MinInferenceUnits")?.int(),
                  billableTrainingTimeInSeconds: try json.optionalMember("BillableTrainingTimeInSeconds")?.int(),
                  trainingImages: trainingImages, testingImages: testingImages, f1Score: f1, labels: [], evaluationSummaryS3: s3,
                  outputConfig: try json.optionalMember("OutputConfig").map(OutputConfig.init(json:)))
    }

    /// Sums `GroundTruthManifest.Summary…TotalEntries`-style counts when present (nil otherwise).
    private static func imageCount(_ assets: JSONCursor) throws -> Int? {
        var total: Int?
        for asset in try assets.elements() {
            if let count = try asset.optionalMember("TotalEntries")?.int() { total = (total ?? 0) + count }
        }
        return total
    }
}

/// The evaluation summary file (`EvaluationSummary-<project>-<version>.json`).
public struct EvaluationSummary: Sendable, Equatable {
    /// Overall F1, precision and recall (AggregatedEvaluationResults).
    public var f1Score: Double?
    public var precision: Double?
    public var recall: Double?
    public var trainingImages: Int?
    public var testingImages: Int?
    /// Per label: threshold, F1, precision, recall, test images.
    public var labels: [LabelEvaluation]

    public init(f1Score: Double?, precision: Double?, recall: Double?, trainingImages: Int?, testingImages: Int?, labels: [LabelEvaluation]) {
        self.f1Score = f1Score
        self.precision = precision
        self.recall = recall
        self.trainingImages = trainingImages
        self.testingImages = testingImages
        self.labels = labels
    }

    /// Reads the summary file.
    public init(json: JSONCursor) throws {
        let aggregated = try json.optionalMember("AggregatedEvaluationResults")
        let details = try json.optionalMember("EvaluationDetails")
        var labels: [LabelEvaluation] = []
        for entry in try json.optionalMember("LabelEvaluationResults")?.elements() ?? [] {
            let metrics = try entry.member("Metrics")
            labels.append(LabelEvaluation(label: try entry.member("Label").string(), threshold: try metrics.member("Threshold").double(),
                                          f1Score: try metrics.optionalMember("F1Score")?.double(),
                                          precision: try metrics.optionalMember("Precision")?.double(),
                                          recall: try metrics.optionalMember("Recall")?.double(),
                                          testingImages: try entry.optionalMember("NumberOfTestingImages")?.int()))
        }
        self.init(f1Score: try aggregated?.optionalMember("F1Score")?.double(), precision: try aggregated?.optionalMember("Precision")?.double(),
                  recall: try aggregated?.optionalMember("Recall")?.double(),
                  trainingImages: try details?.optionalMember("NumberOfTrainingImages")?.int(),
                  testingImages: try details?.optionalMember("NumberOfTestingImages")?.int(), labels: labels)
    }
}
