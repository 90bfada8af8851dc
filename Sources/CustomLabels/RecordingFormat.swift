/// Writes the recording files the mock backend replays (`mock-responses/`, formats.md), so a
/// recorder on the live backend and the mock agree on one format. Files are printed in the
/// AWS CLI's layout (4-space indent, non-ASCII as is) with the account replaced by
/// `123456789012` unless `keepAccount`.
public enum RecordingFormat {
    /// `detections/<name>.json`: what one version saw in one photo; `labels` are every
    /// candidate, unfiltered (DetectCustomLabels with MinConfidence 0), written highest first.
    public static func detectionFile(photoFile: String, sha256: String, width: Int, height: Int, versionArn: String,
                                     labels: [CustomLabel], keepAccount: Bool = false) -> String {
        let arn = keepAccount ? versionArn : ArnSyntax.replacingAccounts(in: versionArn)
        let sorted = labels.enumerated().sorted { a, b in
            a.element.confidence != b.element.confidence ? a.element.confidence > b.element.confidence : a.offset < b.offset
        }.map(\.element)
        let object: JSONObject = [
            "Photo": .object(["File": .string(photoFile), "SHA256": .string(sha256.lowercased()), "Width": .int(width), "Height": .int(height)]),
            "ProjectVersionArn": .string(arn),
            "CustomLabels": .array(sorted.map(\.jsonValue)),
        ]
        return JSONPrinter.awsCLI(.object(object))
    }

    /// `projects/<ProjectName>.json`: the project and its versions with labels, thresholds and
    /// metrics (from DescribeProjectVersions and the evaluation summaries).
    public static func projectFile(projectName: String, projectArn: String, versions: [ProjectVersionDescription],
                                   precisionRecall: [String: (precision: Double?, recall: Double?)] = [:], keepAccount: Bool = false) -> String {
        func arn(_ text: String) -> String { keepAccount ? text : ArnSyntax.replacingAccounts(in: text) }
        let versionValues: [JSONValue] = versions.map { version in
            var object: JSONObject = [
                "VersionName": .string(version.versionName),
                "ProjectVersionArn": .string(arn(version.projectVersionArn)),
                // The mock's lifecycle lives in its store: a recorded version is "trained and stopped".
                "Status": .string(VersionStatus.trainingCompleted.rawValue),
            ]
            object.append("BillableTrainingTimeInSeconds", version.billableTrainingTimeInSeconds.map(JSONValue.int))
            object.append("TrainingImages", version.trainingImages.map(JSONValue.int))
            object.append("TestingImages", version.testingImages.map(JSONValue.int))
            object.append("F1Score", version.f1Score.map(JSONValue.double))
            if let overall = precisionRecall[version.projectVersionArn] {
                object.append("Precision", overall.precision.map(JSONValue.double))
                object.append("Recall", overall.recall.map(JSONValue.double))
            }
            object["Labels"] = .array(version.labels.map { label in
                var entry: JSONObject = ["Name": .string(label.label), "AssumedThreshold": .double(label.threshold)]
                entry.append("F1Score", label.f1Score.map(JSONValue.double))
                entry.append("Precision", label.precision.map(JSONValue.double))
                entry.append("Recall", label.recall.map(JSONValue.double))
                entry.append("TestingImages", label.testingImages.map(JSONValue.int))
                return .object(entry)
            })
            return .object(object)
        }
        let object: JSONObject = [
            "ProjectName": .string(projectName),
            "ProjectArn": .string(arn(projectArn)),
            "Versions": .array(versionValues),
        ]
        return JSONPrinter.awsCLI(.object(object))
    }

    /// The file name a detection recording gets for a photo path: `trays/breads3.jpg` → `breads3.json`,
    /// a PNG → `breads3-png.json`.
    public static func detectionFileName(photoPath: String) -> String {
        let last = photoPath.split(separator: "/").last.map(String.init) ?? photoPath
        let lower = last.lowercased()
        for (suffix, replacement) in [(".jpg", ""), (".jpeg", ""), (".png", "-png")] where lower.hasSuffix(suffix) {
            return String(last.dropLast(suffix.count)) + replacement + ".json"
        }
        return last + ".json"
    }
}
