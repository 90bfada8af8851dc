import CustomLabels
import Foundation
import MockBackend
import PanyaLanguage
import Photos
import PanyaSupport

extension ShellSession {
    /// `detect`, `inspect` (show and photos live in PhotoCommands).
    func registerDetectionCommands() {
        register(Command(name: "detect", summary: Catalog.detectSummary, usage: "detect PHOTO [--min-confidence N] [--max-results N] [--json]",
                         flags: ["min-confidence", "max-results", "json"]) { [unowned self] call in
            let photo = try call.string(at: 0)
            let minConfidence = try call.number(flag: "min-confidence")
            let maxResults = try call.int(flag: "max-results")
            let arn = try self.currentVersionArn()
            let request = try self.detectRequest(photo: photo, versionArn: arn, minConfidence: minConfidence, maxResults: maxResults)
            let response = try self.detect(request, photoName: photo)
            if try call.bool(flag: "json") {
                var json = response.awsCLIJSON()
                if json.hasSuffix("\n") { json.removeLast() }
                return .string(json)
            }
            return self.detectResultValue(photo: photo, versionArn: arn, minConfidence: minConfidence, labels: response.customLabels)
        })
        register(Command(name: "inspect", summary: Catalog.inspectSummary, usage: "inspect PHOTO [--min-confidence N] [--max-results N]",
                         flags: ["min-confidence", "max-results"]) { [unowned self] call in
            let photo = try call.string(at: 0)
            let minConfidence = try call.number(flag: "min-confidence")
            let maxResults = try call.int(flag: "max-results")
            try DetectionRules.validate(minConfidence: minConfidence, maxResults: maxResults)
            let arn = try self.currentVersionArn()
            // Every candidate: MinConfidence 0 returns everything; the rules are applied here.
            let request = try self.detectRequest(photo: photo, versionArn: arn, minConfidence: 0, maxResults: nil)
            let candidates = try self.detect(request, photoName: photo).customLabels
            let rows = try DetectionRules.inspect(candidates: candidates, thresholds: self.thresholdMap(forModel: arn),
                                                  minConfidence: minConfidence, maxResults: maxResults)
            return self.inspectionValue(photo: photo, versionArn: arn, minConfidence: minConfidence, rows: rows)
        })

        registerRenderer(kind: RecordKind.detectResult) { [unowned self] r in self.renderDetectResult(r) }
        registerRenderer(kind: RecordKind.inspection) { [unowned self] r in self.renderInspection(r) }
    }

    /// Resolves a photo argument: `s3://bucket/key`, a path, or a path under the assets root.
    func resolvePhotoPath(_ photo: String) -> String {
        if photo.hasPrefix("/") || FileManager.default.fileExists(atPath: photo) { return photo }
        let bundled = assetsRoot + "/" + photo
        return FileManager.default.fileExists(atPath: bundled) ? bundled : photo
    }

    /// DetectCustomLabels on the current backend; the mock names the photo in its errors.
    func detect(_ request: DetectCustomLabelsRequest, photoName: String) throws -> DetectCustomLabelsResponse {
        if let mock = backend as? MockBackend { return try mock.detectCustomLabels(request, photoName: photoName) }
        return try backend.detectCustomLabels(request)
    }

    /// The DetectCustomLabels request for a photo argument. For the live service a local photo is
    /// checked here first, so a bad photo is named before any call (the mock checks it itself).
    func detectRequest(photo: String, versionArn: String, minConfidence: Double?, maxResults: Int?) throws -> DetectCustomLabelsRequest {
        let image: ImageSource
        if photo.hasPrefix("s3://") {
            guard let location = S3Location(photo) else {
                throw ServiceError(.invalidS3Object, "Unable to get object metadata from S3. Check object key, region and/or access permissions.")
                    .withHint(Catalog.s3PhotoForm(photo))
            }
            image = location.imageSource
        } else {
            let path = resolvePhotoPath(photo)
            let bytes = try Photo.readBytes(path: path)
            if !(backend is MockBackend) { _ = try Photo.validate(bytes: bytes, name: photo) }
            image = .bytes(bytes)
        }
        return DetectCustomLabelsRequest(projectVersionArn: versionArn, image: image, maxResults: maxResults, minConfidence: minConfidence)
    }

    /// A detect result record: `photo, model, min_confidence, labels` (+ `model_arn`).
    func detectResultValue(photo: String, versionArn: String, minConfidence: Double?, labels: [CustomLabel]) -> Value {
        .record(Record(kind: RecordKind.detectResult, fields: [
            ("photo", .string(photo)),
            ("model", .string(ProjectVersionArn(versionArn)?.versionName ?? versionArn)),
            ("min_confidence", minConfidence.map { .number($0) } ?? .null),
            ("labels", .list(labels.map(Self.detectionValue))),
            ("model_arn", .string(versionArn)),
        ]))
    }

    /// One label: `{name, confidence, box: {left, top, width, height}}`.
    static func detectionValue(_ label: CustomLabel) -> Value {
        var fields: [(String, Value)] = [("name", .string(label.name)), ("confidence", .number(label.confidence))]
        if let box = label.boundingBox {
            fields.append(("box", .map(OrderedMap([("left", .number(box.left)), ("top", .number(box.top)),
                                                   ("width", .number(box.width)), ("height", .number(box.height))]))))
        } else {
            fields.append(("box", .null))
        }
        return .record(Record(kind: RecordKind.detection, fields: fields))
    }

    private func inspectionValue(photo: String, versionArn: String, minConfidence: Double?, rows: [Inspection]) -> Value {
        let candidates: [Value] = rows.map { row in
            let verdict: String = row.isShown ? "shown" : "hidden"
            return .record(Record(kind: RecordKind.inspectionRow, fields: [
                ("name", .string(row.label.name)), ("confidence", .number(row.label.confidence)),
                ("threshold", row.threshold.map { .number($0) } ?? .null),
                ("verdict", .string(verdict)), ("reason", .string(row.reason.text(language))),
                ("box", Self.detectionValue(row.label).asRecord?["box"] ?? .null),
            ]))
        }
        return .record(Record(kind: RecordKind.inspection, fields: [
            ("photo", .string(photo)), ("model", .string(ProjectVersionArn(versionArn)?.versionName ?? versionArn)),
            ("min_confidence", minConfidence.map { .number($0) } ?? .null), ("candidates", .list(candidates)),
        ]))
    }

    private func percent(_ value: Double?) -> String {
        guard let value else { return "" }
        return Self.fixed(value * 100, 1) + "%"
    }

    private func headline(_ r: Record) -> String {
        let minConfidence = r["min_confidence"].flatMap { $0.asNumber }
        let rule = minConfidence.map { Catalog.minConfidenceGiven(Inspection.format($0)) } ?? Catalog.minConfidenceAbsent
        return (r["photo"]?.printed ?? "") + " · " + (r["model"]?.printed ?? "") + " · " + rule.text(language)
    }

    func renderDetectResult(_ r: Record) -> String {
        let labels = (r["labels"]?.asList ?? []).compactMap { $0.asRecord }
        var out = headline(r) + "\n"
        if labels.isEmpty {
            return out + Catalog.noLabelsCameBack(r["photo"]?.printed ?? "PHOTO").text(language)
        }
        var table = TextTable(headers: [Catalog.headerLabel.text(language), Catalog.headerConfidence.text(language),
                                        Catalog.headerLeft.text(language), Catalog.headerTop.text(language),
                                        Catalog.headerWidth.text(language), Catalog.headerHeight.text(language)],
                              alignments: [.left, .right, .right, .right, .right, .right])
        for l in labels {
            let box = l["box"]?.asMap
            table.add([l["name"]?.printed ?? "", Self.fixed(l["confidence"]?.asNumber ?? 0, 2),
                       percent(box?["left"]?.asNumber), percent(box?["top"]?.asNumber),
                       percent(box?["width"]?.asNumber), percent(box?["height"]?.asNumber)])
        }
        out += table.render()
        return out
    }

    func renderInspection(_ r: Record) -> String {
        let rows = (r["candidates"]?.asList ?? []).compactMap { $0.asRecord }
        var table = TextTable(headers: [Catalog.headerLabel.text(language), Catalog.headerConfidence.text(language),
                                        Catalog.headerThresholdPercent.text(language), Catalog.headerVerdict.text(language)],
                              alignments: [.left, .right, .right, .left])
        for row in rows {
            let threshold = row["threshold"]?.asNumber.map { Inspection.format(DetectionRules.thresholdPercent($0)) } ?? "-"
            let reason = row["reason"]?.printed ?? ""
            let mark = row["verdict"]?.asString == "shown" ? "✔ " : "· "
            table.add([row["name"]?.printed ?? "", Self.fixed(row["confidence"]?.asNumber ?? 0, 2), threshold, mark + reason])
        }
        let shown = rows.filter { $0["verdict"]?.asString == "shown" }.count
        return headline(r) + "\n" + table.render() + "\n" + Catalog.inspectionTally(shown: shown, total: rows.count).text(language)
    }
}

extension ServiceError {
    /// The same error with a fix hint appended to its message.
    func withHint(_ hint: Message) -> ServiceError {
        var copy = self
        copy.serviceMessage += " " + hint.en
        return copy
    }
}

extension Catalog {
    static let detectSummary = Message(en: "send a photo to the model: the labels, confidences and boxes it returns",
                                       ja: "写真をモデルに送り、返ってきたラベル・信頼度・枠を表示")
    static let inspectSummary = Message(en: "every candidate the model saw, with its threshold and why it was shown or hidden",
                                        ja: "モデルが見つけたすべての候補と、しきい値、表示/非表示の理由")
    static let headerConfidence = Message(en: "confidence", ja: "信頼度")
    static let headerLeft = Message(en: "left", ja: "左")
    static let headerTop = Message(en: "top", ja: "上")
    static let headerWidth = Message(en: "width", ja: "幅")
    static let headerHeight = Message(en: "height", ja: "高さ")
    static let headerThresholdPercent = Message(en: "threshold", ja: "しきい値")
    static let headerVerdict = Message(en: "verdict", ja: "判定")
    static let minConfidenceAbsent = Message(en: "MinConfidence: not given (each label's assumed threshold applies)",
                                             ja: "MinConfidence: 指定なし (ラベルごとの想定しきい値で判定)")
    static func minConfidenceGiven(_ value: String) -> Message {
        Message(en: "MinConfidence: \(value) (thresholds ignored)", ja: "MinConfidence: \(value) (しきい値は使われません)")
    }
    static func noLabelsCameBack(_ photo: String) -> Message {
        Message(en: "No labels came back. `inspect \(photo)` shows what the model saw and why it was hidden.",
                ja: "ラベルは1つも返ってきませんでした。`inspect \(photo)` で、モデルが見たものと非表示の理由がわかります。")
    }
    static func inspectionTally(shown: Int, total: Int) -> Message {
        Message(en: "\(shown) of \(total) candidates would come back.", ja: "候補 \(total) 件のうち \(shown) 件が返ります。")
    }
    static func s3PhotoForm(_ photo: String) -> Message {
        Message(en: "Write an S3 photo as s3://BUCKET/KEY (got '\(photo)').", ja: "S3 の写真は s3://バケット/キー の形で書きます ('\(photo)' でした)。")
    }
}
